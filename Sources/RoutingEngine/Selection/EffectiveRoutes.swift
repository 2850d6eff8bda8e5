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
        // R1 rev. 2: a spoke that does not use the hub's gateways gets no gateway or Route Server routes.
        func bgpRoute(_ prefix: Prefix, key: Int?) -> ProgrammedRoute? {
            guard vnet.useRemoteGateways, let key, let route = programmed[key], Self.programs(prefix, in: systemSpaces) else { return nil }
            return route
        }
        // Walking the prefixes in order gives the BGP entries in Azure's order (13,000 at scale).
        var bgp: [EffectiveRoute] = []
        if vnet.useRemoteGateways {
            for (prefix, key) in zip(keys.allPrefixes, keys.keyOfSortedPrefix) {
                if let route = bgpRoute(prefix, key: key) { bgp.append(Self.entry(for: prefix, route)) }
            }
        }
        // A BGP route of the same prefix takes over a system route (forced tunnelling for 0.0.0.0/0).
        func takenOver(_ prefix: Prefix) -> Bool { bgpRoute(prefix, key: keys.keyOfPrefix[prefix]) != nil }
        system.append(EffectiveRoute(source: .default, state: takenOver(.defaultRoute) ? .invalid : .active,
                                     prefix: .defaultRoute, nextHopType: .internet, nextHopIPs: [], learnedFrom: nil, asPath: nil))
        for range in Self.noneRanges where Self.listsNoneRoute(range, spaces: systemSpaces) {
            system.append(EffectiveRoute(source: .default, state: takenOver(range) ? .invalid : .active,
                                         prefix: range, nextHopType: .none, nextHopIPs: [], learnedFrom: nil, asPath: nil))
        }
        return Self.merged(system.sorted(by: Self.azureOrder), bgp)
    }

    /// Two lists in Azure's order as one.
    static func merged(_ a: [EffectiveRoute], _ b: [EffectiveRoute]) -> [EffectiveRoute] {
        var out: [EffectiveRoute] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if azureOrder(b[j], a[i]) { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out += a[i...]
        out += b[j...]
        return out
    }

    /// By prefix, the active route first, then Default, VirtualNetworkGateway, User.
    static func azureOrder(_ a: EffectiveRoute, _ b: EffectiveRoute) -> Bool {
        if a.prefix != b.prefix { return a.prefix < b.prefix }
        if a.state != b.state { return a.state == .active }
        return a.source.order < b.source.order
    }

    /// R15: the ranges Azure routes to `None` unless a VNet uses them (routing overview).
    static let noneRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map { Prefix($0) }

    /// "If you assign any of the address ranges [to] the address space of a virtual network, Azure
    /// changes the next hop type from None to Virtual network" (the space's own entry then stands for
    /// it); a space that includes the range removes it. A space inside the range leaves it listed.
    static func listsNoneRoute(_ range: Prefix, spaces: [Prefix]) -> Bool {
        !spaces.contains { $0.contains(range) }
    }

    /// R15 rev. 2: a BGP route equal to or more specific than the VNet's own or a peered address
    /// space is not programmed at all; a larger prefix is.
    static func programs(_ prefix: Prefix, in spaces: [Prefix]) -> Bool {
        !spaces.contains { $0.contains(prefix) }
    }

    /// The VNet's own and peered address spaces: a BGP route inside them is not programmed (R15).
    func systemSpaces(of vnet: VirtualNetwork) -> [Prefix] {
        let hub = topology.hub
        return vnet.addressSpace + (vnet.name == hub.name ? hub.spokes.flatMap(\.addressSpace) : hub.addressSpace)
    }

    /// The BGP entry for one prefix.
    static func entry(for prefix: Prefix, _ route: ProgrammedRoute) -> EffectiveRoute {
        EffectiveRoute(source: .virtualNetworkGateway, state: .active, prefix: prefix,
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

    /// R16 for one key, by Route Server's own decision (HubDecision): every offer that ties with the
    /// best is programmed (several NVAs with equal paths: ECMP, up to 8 next hops). Per offer, the step
    /// it lost at (nil: programmed), for explaining why VMs use what they use.
    func programming(_ offers: [Offer]) -> (route: ProgrammedRoute?, lostAt: [ProgrammingStep?]) {
        let decision = HubDecision(preference: settings.hubRoutingPreference)
        func decide(_ a: Offer, _ b: Offer) -> (step: DecisionStep, firstWins: Bool)? {
            decision.decide((a.sourceClass, a.asPath.count), (b.sourceClass, b.asPath.count))
        }
        guard let best = offers.first(where: { offer in !offers.contains { decide($0, offer)?.firstWins == true } }) else {
            return (nil, [])
        }
        let lostAt: [ProgrammingStep?] = offers.map { offer in
            guard let outcome = decide(best, offer), outcome.firstWins else { return nil }
            return ProgrammingStep(outcome.step)
        }
        let chosen = offers.indices.filter { lostAt[$0] == nil }.map { offers[$0] }
        let route = ProgrammedRoute(sourceClass: best.sourceClass, asPath: chosen.map(\.asPath).min { $0.lexicographicallyPrecedes($1) }!,
                                    nextHops: Array(Set(chosen.map(\.nextHop)).sorted().prefix(8)))
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

    init(_ step: DecisionStep) {
        switch step {
        case .hubRoutingPreference: self = .hubRoutingPreference
        case .asPathLength: self = .asPathLength
        default: self = .sourceOrder
        }
    }
}
