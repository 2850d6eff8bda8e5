/// Why a VM in a VNet uses the route it uses for a prefix: the entries of its effective route table
/// for that prefix, and for a BGP route what each Azure element offered and the step of hub routing
/// preference (R16) that decided.
public struct EffectiveRouteExplanation: Sendable {
    public let vnet: String
    public let prefix: Prefix
    /// The VNet's entries for the prefix (Active first), as `Get-AzEffectiveRouteTable` lists them.
    public let entries: [EffectiveRoute]
    /// What each Azure element offered for the prefix (BGP), in element order.
    public let offers: [ProgrammingOffer]
    public let preference: HubRoutingPreference
    /// For a BGP route that is Invalid: the VNet's own or peered address space it falls in (R15).
    public let shadowedBy: Prefix?

    /// The entry VMs use: the Active one.
    public var used: EffectiveRoute? { entries.first { $0.state == .active } }
}

/// A route an Azure element offered to program into VMs (R16).
public struct ProgrammingOffer: Equatable, Sendable {
    public let sourceClass: RouteSourceClass
    /// `route-server#0`, `er-gateway#1`, `vpn-gateway#0`.
    public let element: String
    /// The peer it came from (`sdwan`, `er-circuit#0`, `on-prem-1`); nil for a static VPN connection.
    public let from: String?
    public let asPath: [UInt32]
    public let nextHop: IPv4Address
    /// nil: programmed; otherwise the step it lost at.
    public let lostAt: ProgrammingStep?
}

extension RoutingResult {
    /// Why VMs in `vnet` use what they use for `prefix`: nil when the VNet does not exist or has no
    /// entry for exactly that prefix (see `longestMatch(_:inVNet:)`).
    public func explainEffectiveRoute(prefix: Prefix, vnet name: String) -> EffectiveRouteExplanation? {
        guard let vnet = network.virtualNetworks.first(where: { $0.name == name }) else { return nil }
        let entries = effectiveRoutes(of: vnet).filter { $0.prefix == prefix }
        guard !entries.isEmpty else { return nil }
        var offers: [ProgrammingOffer] = []
        if let key = keys.keyOfPrefix[prefix] {
            let raw = self.offers(for: key)
            let decision = programming(raw)
            offers = zip(raw, decision.lostAt).map { offer, lost in
                ProgrammingOffer(sourceClass: offer.sourceClass, element: network.name(of: offer.element),
                                 from: offer.peer.map { network.name(of: $0) }, asPath: offer.asPath,
                                 nextHop: offer.nextHop, lostAt: lost)
            }
        }
        let shadow = systemSpaces(of: vnet).filter { $0.contains(prefix) }.min { $0.length > $1.length }
        let bgpInvalid = entries.contains { $0.source == .virtualNetworkGateway && $0.state == .invalid }
        return EffectiveRouteExplanation(vnet: vnet.name, prefix: prefix, entries: entries, offers: offers,
                                         preference: settings.hubRoutingPreference, shadowedBy: bgpInvalid ? shadow : nil)
    }

    /// The VNet's Active entry that forwards `address` (longest prefix match); nil when none does.
    public func longestMatch(_ address: IPv4Address, inVNet name: String) -> Prefix? {
        guard let vnet = network.virtualNetworks.first(where: { $0.name == name }) else { return nil }
        return effectiveRoutes(of: vnet).filter { $0.state == .active && $0.prefix.contains(address) }
            .max { $0.prefix.length < $1.prefix.length }?.prefix
    }

    /// The longest prefix the node has a selected route for that contains `address`; nil when none.
    public func longestMatch(_ address: IPv4Address, at node: Node) -> Prefix? {
        var best: Prefix?
        for (key, prefixes) in keys.prefixes.enumerated() where node.speakers.contains(where: { ribs[$0].selected[key] > 0 }) {
            for prefix in prefixes where prefix.contains(address) && prefix.length > (best?.length ?? -1) { best = prefix }
        }
        return best
    }

    /// The longest prefix known anywhere in the network that contains `address`.
    public func longestKnownPrefix(containing address: IPv4Address) -> Prefix? {
        keys.allPrefixes.filter { $0.contains(address) }.max { $0.length < $1.length }
    }
}
