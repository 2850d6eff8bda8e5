/// A route a VM's NIC gets, as `Get-AzEffectiveRouteTable` prints it (R15).
public struct EffectiveRoute: Equatable, Sendable {
    public enum Source: String, Sendable { case `default` = "Default", virtualNetworkGateway = "VirtualNetworkGateway", user = "User" }
    public enum State: String, Sendable { case active = "Active", invalid = "Invalid" }
    public enum NextHopType: String, Sendable {
        case vnetLocal = "VnetLocal", vnetPeering = "VNetPeering", virtualNetworkGateway = "VirtualNetworkGateway"
        case virtualAppliance = "VirtualAppliance", internet = "Internet", none = "None"
    }

    public let source: Source
    public let state: State
    public let prefix: Prefix
    public let nextHopType: NextHopType
    public let nextHopIPs: [IPv4Address]
    /// For BGP routes: where the programmed path came from and its AS path (nil for system routes).
    public let learnedFrom: RouteSourceClass?
    public let asPath: [UInt32]?
    /// For `User` routes: the user-defined route's name (R22).
    public internal(set) var routeName: String? = nil
}

/// The BGP route programmed into VMs for one key, after hub routing preference (R16).
struct ProgrammedRoute: Equatable, Sendable {
    let sourceClass: RouteSourceClass
    let asPath: [UInt32]
    let nextHops: [IPv4Address]
}

extension RoutingResult {
    /// Effective routes of every VNet: the hub first, then the spokes.
    public var effectiveRouteTables: [(vnet: VirtualNetwork, routes: [EffectiveRoute])] {
        let programmed = programmedRoutes()
        return network.virtualNetworks.map { ($0, effectiveRoutes(of: $0, programmed: programmed)) }
    }

    public func effectiveRoutes(of vnet: VirtualNetwork) -> [EffectiveRoute] {
        effectiveRoutes(of: vnet, programmed: programmedRoutes())
    }

    func effectiveRoutes(of vnet: VirtualNetwork, programmed: [ProgrammedRoute?]) -> [EffectiveRoute] {
        let hub = topology.hub
        let peered = vnet.name == hub.name ? hub.spokes.flatMap(\.addressSpace) : hub.addressSpace
        var system: [EffectiveRoute] = vnet.addressSpace.map {
            EffectiveRoute(source: .default, state: .active, prefix: $0, nextHopType: .vnetLocal, nextHopIPs: [],
                           learnedFrom: nil, asPath: nil)
        } + peered.map {
            EffectiveRoute(source: .default, state: .active, prefix: $0, nextHopType: .vnetPeering, nextHopIPs: [],
                           learnedFrom: nil, asPath: nil)
        }
        let systemSpaces = system.map(\.prefix)
        var bgp: [EffectiveRoute] = []
        // R1 rev. 2: a spoke that does not use the hub's gateways gets no gateway or Route Server routes.
        for (key, route) in programmed.enumerated() where vnet.useRemoteGateways {
            guard let route else { continue }
            for prefix in keys.prefixes[key] { bgp.append(Self.entry(for: prefix, route, shadowedBy: systemSpaces)) }
        }
        // A BGP default route takes over from the system one (forced tunnelling).
        let bgpDefault = bgp.contains { $0.prefix == .defaultRoute && $0.state == .active }
        system.append(EffectiveRoute(source: .default, state: bgpDefault ? .invalid : .active, prefix: .defaultRoute,
                                     nextHopType: .internet, nextHopIPs: [], learnedFrom: nil, asPath: nil))
        return (system + bgp).sorted(by: Self.azureOrder)
    }

    /// By prefix, the active route first, then Default, VirtualNetworkGateway, User.
    static func azureOrder(_ a: EffectiveRoute, _ b: EffectiveRoute) -> Bool {
        if a.prefix != b.prefix { return a.prefix < b.prefix }
        if a.state != b.state { return a.state == .active }
        return a.source.order < b.source.order
    }

    /// The VNet's own and peered address spaces: system routes that shadow BGP routes inside them.
    func systemSpaces(of vnet: VirtualNetwork) -> [Prefix] {
        let hub = topology.hub
        return vnet.addressSpace + (vnet.name == hub.name ? hub.spokes.flatMap(\.addressSpace) : hub.addressSpace)
    }

    /// The BGP entry for one prefix: Invalid when a system route is equal or less specific.
    static func entry(for prefix: Prefix, _ route: ProgrammedRoute, shadowedBy spaces: [Prefix]) -> EffectiveRoute {
        let shadowed = spaces.contains { $0.contains(prefix) }
        return EffectiveRoute(source: .virtualNetworkGateway, state: shadowed ? .invalid : .active, prefix: prefix,
                              nextHopType: .virtualNetworkGateway, nextHopIPs: route.nextHops,
                              learnedFrom: route.sourceClass, asPath: route.asPath)
    }

    /// Per key, what the gateways and Route Server program into VMs.
    func programmedRoutes() -> [ProgrammedRoute?] {
        (0..<keys.count).map { programmedRoute(for: $0) }
    }

    private struct Offer { let sourceClass: RouteSourceClass; let asPath: [UInt32]; let nextHop: IPv4Address }

    /// The routes each Azure element contributes: Route Server its NVA paths, the ER gateway its
    /// circuit paths, the VPN gateway its site paths and static connections. Paths the gateways got
    /// from Route Server are not counted again.
    private func offers(for key: Int) -> [Offer] {
        var offers: [Offer] = []
        for node in nodes {
            for speaker in node.speakers {
                for candidate in ribs[speaker].candidates[key] {
                    let peerKind = candidate.peer.map { network.kind(of: $0) }
                    switch (node.kind, peerKind) {
                    case (.routeServer, .nva?):
                        offers.append(Offer(sourceClass: .nva, asPath: candidate.attributes.asPath,
                                            nextHop: candidate.attributes.nextHop))
                    case (.expressRouteGateway, .expressRouteCircuit?):
                        offers.append(Offer(sourceClass: .expressRoute, asPath: candidate.attributes.asPath,
                                            nextHop: candidate.attributes.nextHop))
                    case (.vpnGateway, .site?):
                        offers.append(Offer(sourceClass: .vpn, asPath: candidate.attributes.asPath,
                                            nextHop: network.speakers[speaker].address))
                    case (.vpnGateway, nil) where { if case .staticConnection = candidate.origination { true } else { false } }():
                        offers.append(Offer(sourceClass: .vpn, asPath: [], nextHop: network.speakers[speaker].address))
                    default:
                        break
                    }
                }
            }
        }
        return offers
    }

    /// R16: hub routing preference, then the shortest AS path. Several NVAs with equal lengths are all
    /// programmed (ECMP); a tie between kinds goes to ExpressRoute, then VPN [inf].
    private func programmedRoute(for key: Int) -> ProgrammedRoute? {
        let offers = offers(for: key)
        let preference = settings.hubRoutingPreference
        guard let bestRank = offers.map({ $0.sourceClass.rank(under: preference) }).min() else { return nil }
        let preferred = offers.filter { $0.sourceClass.rank(under: preference) == bestRank }
        let shortest = preferred.map(\.asPath.count).min()!
        let finalists = preferred.filter { $0.asPath.count == shortest }
        let winner = finalists.map(\.sourceClass).min()!
        let chosen = finalists.filter { $0.sourceClass == winner }
        return ProgrammedRoute(sourceClass: winner, asPath: chosen.map(\.asPath).min { $0.lexicographicallyPrecedes($1) }!,
                               nextHops: Set(chosen.map(\.nextHop)).sorted())
    }
}
