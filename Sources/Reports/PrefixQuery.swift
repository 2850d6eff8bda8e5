import RoutingEngine

extension PrefixQuery {
    /// `routes --prefix`: the prefix a table with these prefixes shows — the one asked for, or for an
    /// address the longest that covers it (as `show ip bgp 10.2.0.0/16` and `show ip bgp 10.2.1.1` do).
    public func match(in prefixes: some Sequence<Prefix>) -> Prefix? {
        switch self {
        case .prefix(let prefix):
            return prefixes.contains(prefix) ? prefix : nil
        case .address(let address):
            var best: Prefix?
            for prefix in prefixes where prefix.contains(address) && prefix.length >= (best?.length ?? -1) { best = prefix }
            return best
        }
    }
}

/// One node's tables narrowed by an optional query: its paths, and which prefix the other tables keep.
/// Without a query nothing is kept: `routes` expands the node's table when asked, so a report holds
/// one of a node's tables at a time (the Route Server's paths at 4× are a million rows).
struct NodeView {
    let node: Node
    let result: RoutingResult
    let query: PrefixQuery?
    let matched: Prefix?
    private let narrowed: [Route]?

    init(_ node: Node, _ result: RoutingResult, _ query: PrefixQuery?) {
        self.node = node
        self.result = result
        self.query = query
        guard let query else {
            (matched, narrowed) = (nil, nil)
            return
        }
        let all = result.routes(of: node)
        let matched = query.match(in: all.lazy.map(\.prefix))
        self.matched = matched
        narrowed = matched.map { prefix in all.filter { $0.prefix == prefix } } ?? []
    }

    var routes: [Route] { narrowed ?? result.routes(of: node) }

    /// Whether a row for this prefix (advertised, refused) belongs in the view. With a query and no
    /// route, an address still selects the rows of the prefixes that cover it.
    func keeps(_ prefix: Prefix) -> Bool {
        guard let query else { return true }
        if let matched { return prefix == matched }
        if case .prefix(let asked) = query { return prefix == asked }
        return false
    }
}

extension PrefixQuery? {
    /// A VNet's effective routes narrowed the same way.
    func narrow(_ routes: [EffectiveRoute]) -> [EffectiveRoute] {
        guard let query = self else { return routes }
        guard let matched = query.match(in: routes.lazy.map(\.prefix)) else { return [] }
        return routes.filter { $0.prefix == matched }
    }
}

extension RoutingResult {
    /// Each VNet's effective routes (per subnet when it lists subnets), computed when a report reaches
    /// that VNet: at scale one VNet's table is 50,000 routes, and a report holds one VNet at a time.
    var effectiveRouteTablesOneByOne: some Sequence<SubnetRouteTable> {
        network.virtualNetworks.lazy.flatMap { self.subnetRouteTables(of: $0) }
    }
}
