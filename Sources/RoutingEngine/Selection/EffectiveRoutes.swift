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

    private func effectiveRoutes(of vnet: VirtualNetwork, programmed: [ProgrammedRoute?]) -> [EffectiveRoute] {
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
        for (key, route) in programmed.enumerated() {
            guard let route else { continue }
            for prefix in keys.prefixes[key] { bgp.append(Self.entry(for: prefix, route, shadowedBy: systemSpaces)) }
        }
        // A BGP default route takes over from the system one (forced tunnelling).
        let bgpDefault = bgp.contains { $0.prefix == .defaultRoute && $0.state == .active }
        system.append(EffectiveRoute(source: .default, state: bgpDefault ? .invalid : .active, prefix: .defaultRoute,
                                     nextHopType: .internet, nextHopIPs: [], learnedFrom: nil, asPath: nil))
        return (system + bgp).sorted { a, b in
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            if a.state != b.state { return a.state == .active }
            return a.source == .default && b.source != .default
        }
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

    /// A route an Azure element offers to program into VMs, and which element got it from where.
    struct Offer {
        let sourceClass: RouteSourceClass
        let asPath: [UInt32]
        let nextHop: IPv4Address
        /// The Azure speaker that holds it (`route-server#0`, `er-gateway#1`).
        let element: SpeakerID
        /// The peer it came from; nil for a static VPN connection.
        let peer: SpeakerID?
    }

    /// The routes each Azure element contributes: Route Server its NVA paths, the ER gateway its
    /// circuit paths, the VPN gateway its site paths and static connections. Paths the gateways got
    /// from Route Server are not counted again.
    func offers(for key: Int) -> [Offer] {
        var offers: [Offer] = []
        for node in nodes {
            for speaker in node.speakers {
                for candidate in ribs[speaker].candidates[key] {
                    let peerKind = candidate.peer.map { network.kind(of: $0) }
                    switch (node.kind, peerKind) {
                    case (.routeServer, .nva?):
                        offers.append(Offer(sourceClass: .nva, asPath: candidate.attributes.asPath,
                                            nextHop: candidate.attributes.nextHop, element: speaker, peer: candidate.peer))
                    case (.expressRouteGateway, .expressRouteCircuit?):
                        offers.append(Offer(sourceClass: .expressRoute, asPath: candidate.attributes.asPath,
                                            nextHop: candidate.attributes.nextHop, element: speaker, peer: candidate.peer))
                    case (.vpnGateway, .site?):
                        offers.append(Offer(sourceClass: .vpn, asPath: candidate.attributes.asPath,
                                            nextHop: network.speakers[speaker].address, element: speaker, peer: candidate.peer))
                    case (.vpnGateway, nil) where { if case .staticConnection = candidate.origination { true } else { false } }():
                        offers.append(Offer(sourceClass: .vpn, asPath: [], nextHop: network.speakers[speaker].address,
                                            element: speaker, peer: nil))
                    default:
                        break
                    }
                }
            }
        }
        return offers
    }

    /// R16 for one key: hub routing preference, then the shortest AS path. Several NVAs with equal
    /// lengths are all programmed (ECMP); a tie between kinds goes to ExpressRoute, then VPN [inf].
    /// Per offer, the step it lost at (nil: programmed).
    func programming(_ offers: [Offer]) -> (route: ProgrammedRoute?, lostAt: [ProgrammingStep?]) {
        let preference = settings.hubRoutingPreference
        guard let bestRank = offers.map({ $0.sourceClass.rank(under: preference) }).min() else { return (nil, []) }
        var lostAt = [ProgrammingStep?](repeating: nil, count: offers.count)
        for (index, offer) in offers.enumerated() where offer.sourceClass.rank(under: preference) != bestRank {
            lostAt[index] = .hubRoutingPreference
        }
        let shortest = offers.indices.filter { lostAt[$0] == nil }.map { offers[$0].asPath.count }.min()!
        for index in offers.indices where lostAt[index] == nil && offers[index].asPath.count != shortest {
            lostAt[index] = .asPathLength
        }
        let winner = offers.indices.filter { lostAt[$0] == nil }.map { offers[$0].sourceClass }.min()!
        for index in offers.indices where lostAt[index] == nil && offers[index].sourceClass != winner {
            lostAt[index] = .sourceOrder
        }
        let chosen = offers.indices.filter { lostAt[$0] == nil }.map { offers[$0] }
        let route = ProgrammedRoute(sourceClass: winner, asPath: chosen.map(\.asPath).min { $0.lexicographicallyPrecedes($1) }!,
                                    nextHops: Set(chosen.map(\.nextHop)).sorted())
        return (route, lostAt)
    }

    private func programmedRoute(for key: Int) -> ProgrammedRoute? {
        programming(offers(for: key)).route
    }
}

/// The step of R16 at which a route offered to VMs lost.
public enum ProgrammingStep: String, Sendable {
    case hubRoutingPreference = "hub routing preference"
    case asPathLength = "AS-path length"
    /// Equal AS paths from different kinds: ExpressRoute, then VPN, then NVA [inf].
    case sourceOrder = "ExpressRoute before VPN before NVA on a tie"
}
