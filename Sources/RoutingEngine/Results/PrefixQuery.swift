/// What `explain` and `trace` are asked about: a prefix (`10.2.0.0/16`) or an address (`10.2.1.1`).
public enum PrefixQuery: Equatable, Sendable, CustomStringConvertible {
    case prefix(Prefix)
    case address(IPv4Address)

    /// An address without a length, or a prefix; nil for anything else (`Prefix.parse` says why).
    public init?(_ text: String) {
        if !text.contains("/"), let address = IPv4Address(text) {
            self = .address(address)
        } else if case .success(let prefix) = Prefix.parse(text) {
            self = .prefix(prefix)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .prefix(let prefix): prefix.description
        case .address(let address): address.description
        }
    }

    /// The address a trace goes to: the address, or the prefix's first address.
    public var address: IPv4Address {
        switch self {
        case .prefix(let prefix): prefix.network
        case .address(let address): address
        }
    }
}

/// Which prefix answers a query at a node or VNet, and how it was found.
public enum PrefixResolution: Equatable, Sendable {
    /// The table has the prefix asked about.
    case exact(Prefix)
    /// An address: the longest prefix of the table that contains it.
    case longestMatch(IPv4Address, Prefix)
    /// A prefix nobody knows: the table's covering route (less specific) stands for it.
    case covering(asked: Prefix, by: Prefix)
    /// A prefix (or the longest known prefix for an address) the network knows but this table lacks;
    /// with the covering route the table forwards it by, if any.
    case absent(Prefix, asked: PrefixQuery, coveredBy: Prefix?)
    /// Nothing in this table or in the network covers it.
    case nothing(PrefixQuery)

    /// The prefix to explain; nil when there is none.
    public var prefix: Prefix? {
        switch self {
        case .exact(let prefix), .longestMatch(_, let prefix), .covering(_, let prefix), .absent(let prefix, _, _): prefix
        case .nothing: nil
        }
    }
}

extension RoutingResult {
    /// Resolves a query at a BGP node or a VNet (its VMs' effective routes); nil when `name` names neither.
    public func resolve(_ query: PrefixQuery, at name: String) -> PrefixResolution? {
        if network.virtualNetworks.contains(where: { $0.name == name }) {
            let holds = { (prefix: Prefix) in self.explainEffectiveRoute(prefix: prefix, vnet: name) != nil }
            return resolve(query, holds: holds, longest: { longestMatch($0, inVNet: name) })
        }
        guard let node = node(named: name) else { return nil }
        return resolve(query, holds: { !self.routes(of: node, for: $0).isEmpty }, longest: { longestMatch($0, at: node) })
    }

    private func resolve(_ query: PrefixQuery, holds: (Prefix) -> Bool, longest: (IPv4Address) -> Prefix?) -> PrefixResolution {
        switch query {
        case .prefix(let prefix):
            if holds(prefix) { return .exact(prefix) }
            let covering = longest(prefix.network).flatMap { $0.contains(prefix) ? $0 : nil }
            if keys.keyOfPrefix[prefix] != nil { return .absent(prefix, asked: query, coveredBy: covering) }
            return covering.map { .covering(asked: prefix, by: $0) } ?? .absent(prefix, asked: query, coveredBy: nil)
        case .address(let address):
            if let match = longest(address) { return .longestMatch(address, match) }
            return longestKnownPrefix(containing: address).map { .absent($0, asked: query, coveredBy: nil) } ?? .nothing(query)
        }
    }
}
