/// Effective routes per subnet (R15, R22): the VNet's system and BGP routes, less the gateway and
/// Route Server routes where the subnet's route table turns propagation off, plus its user-defined
/// routes, which take over same-prefix routes (those stay listed, `Invalid`).
public struct SubnetRouteTable: Equatable, Sendable {
    public let vnet: VirtualNetwork
    /// nil for a VNet that lists no subnets (one implicit subnet).
    public let subnet: Subnet?
    public let routeTable: RouteTable?
    public let routes: [EffectiveRoute]
}

extension EffectiveRoute.Source {
    /// Azure lists a prefix's routes Default, then gateway, then User.
    var order: Int {
        switch self {
        case .default: 0
        case .virtualNetworkGateway: 1
        case .user: 2
        }
    }
}

extension RoutingResult {
    /// One table per subnet of every VNet that lists subnets, one per VNet otherwise: the hub first,
    /// then the spokes, subnets in file order.
    public var subnetRouteTables: [SubnetRouteTable] {
        let programmed = programmedRoutes()
        return network.virtualNetworks.flatMap { tables(of: $0, base: effectiveRoutes(of: $0, programmed: programmed)) }
    }

    /// One VNet's tables, for reports that hold one VNet at a time.
    public func subnetRouteTables(of vnet: VirtualNetwork) -> [SubnetRouteTable] {
        tables(of: vnet, base: effectiveRoutes(of: vnet))
    }

    private func tables(of vnet: VirtualNetwork, base: [EffectiveRoute]) -> [SubnetRouteTable] {
        guard !vnet.subnets.isEmpty else { return [SubnetRouteTable(vnet: vnet, subnet: nil, routeTable: nil, routes: base)] }
        // Subnets of one VNet that share a route table get the same routes: applied once per table.
        var applied: [String?: [EffectiveRoute]] = [:]
        return vnet.subnets.map { subnet in
            let table = topology.routeTable(named: subnet.routeTable)
            let routes = applied[subnet.routeTable] ?? Self.apply(table, to: base)
            applied[subnet.routeTable] = routes
            return SubnetRouteTable(vnet: vnet, subnet: subnet, routeTable: table, routes: routes)
        }
    }

    /// The routes a NIC in this subnet gets.
    public func effectiveRoutes(of vnet: VirtualNetwork, subnet: Subnet?) -> [EffectiveRoute] {
        Self.apply(topology.routeTable(named: subnet?.routeTable), to: effectiveRoutes(of: vnet))
    }

    /// The VNet (and subnet) a `--node`/`--from` word names: a VNet, or a subnet of one.
    public func virtualNetwork(named name: String) -> (vnet: VirtualNetwork, subnet: Subnet?)? {
        for vnet in network.virtualNetworks {
            if vnet.name == name { return (vnet, nil) }
            if let subnet = vnet.subnets.first(where: { $0.name == name }) { return (vnet, subnet) }
        }
        return nil
    }

    /// R22 on a VNet's routes: propagation off drops the BGP routes (and gives back what they had
    /// taken over); each user route is `Active` and takes over a same-prefix route.
    static func apply(_ table: RouteTable?, to base: [EffectiveRoute]) -> [EffectiveRoute] {
        guard let table else { return base }
        let propagates = !table.disableBgpRoutePropagation
        let bgpActive = propagates ? [] : Set(base.filter { $0.source == .virtualNetworkGateway && $0.state == .active }.map(\.prefix))
        let userPrefixes = Set(table.routes.map(\.addressPrefix))
        // `base` is in Azure's order; only the prefixes the table touches change places, so those are
        // sorted apart and merged back (a VNet's table has 13,000 routes at scale, a route table a few).
        let touched = bgpActive.union(userPrefixes)
        var kept: [EffectiveRoute] = [], changed: [EffectiveRoute] = []
        kept.reserveCapacity(base.count)
        for route in base where propagates || route.source != .virtualNetworkGateway {
            guard touched.contains(route.prefix) else { kept.append(route); continue }
            if userPrefixes.contains(route.prefix) {
                changed.append(route.with(state: .invalid))
            } else {
                // Propagation off gives back what a BGP route had taken over.
                changed.append(route.state == .invalid ? route.with(state: .active) : route)
            }
        }
        changed += table.routes.map(userEntry)
        changed.sort(by: azureOrder)
        return merged(kept, changed)
    }

    private static func userEntry(_ route: UserRoute) -> EffectiveRoute {
        let type: EffectiveRoute.NextHopType = switch route.nextHopType {
        case .virtualAppliance: .virtualAppliance
        case .virtualNetworkGateway: .virtualNetworkGateway
        case .vnetLocal: .vnetLocal
        case .internet: .internet
        case .none: .none
        }
        return EffectiveRoute(source: .user, state: .active, prefix: route.addressPrefix, nextHopType: type,
                              nextHopIPs: route.nextHopIpAddress.map { [$0] } ?? [], learnedFrom: nil, asPath: nil,
                              routeName: route.name)
    }
}

extension EffectiveRoute {
    func with(state: State) -> EffectiveRoute {
        EffectiveRoute(source: source, state: state, prefix: prefix, nextHopType: nextHopType, nextHopIPs: nextHopIPs,
                       learnedFrom: learnedFrom, asPath: asPath, routeName: routeName)
    }
}
