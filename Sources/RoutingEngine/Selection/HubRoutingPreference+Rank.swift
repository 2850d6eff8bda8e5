/// Where a route entered the hub, as hub routing preference (R16) sees it.
public enum RouteSourceClass: String, Sendable, Comparable {
    case expressRoute = "ExpressRoute"
    case vpn = "VPN"
    case nva = "NVA"

    init?(_ kind: NodeKind) {
        switch kind {
        case .nva: self = .nva
        case .expressRouteGateway: self = .expressRoute
        case .vpnGateway: self = .vpn
        default: return nil
        }
    }

    /// Lower ranks win. `ExpressRoute`: ER over VPN and NVAs; `VpnGateway`: VPN and NVAs over ER;
    /// `ASPath`: no preference, the AS-path length decides.
    func rank(under preference: HubRoutingPreference) -> Int {
        switch (preference, self) {
        case (.expressRoute, .expressRoute), (.vpnGateway, .vpn), (.vpnGateway, .nva), (.asPath, _): 0
        default: 1
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
    private var order: Int { self == .expressRoute ? 0 : (self == .vpn ? 1 : 2) }
}

/// R16: the one decision Route Server's own selection and the VMs' effective routes share. Hub
/// routing preference first, then the shorter AS path, then the kind of source (ExpressRoute, then
/// VPN, then NVA: the page's sentence on ExpressRoute and NVAs, extended to VPN [inf]).
struct HubDecision: Sendable {
    let preference: HubRoutingPreference

    /// The steps this decision takes, in order.
    static let steps: [DecisionStep] = [.hubRoutingPreference, .asPathLength, .sourceKind]

    /// The first step that tells the two offers apart and whether the first wins; nil when they tie
    /// (equal-cost: both are programmed, ECMP). A nil source (a route Route Server originates) ranks
    /// with the preferred sources.
    func decide(_ first: (source: RouteSourceClass?, pathLength: Int),
                _ second: (source: RouteSourceClass?, pathLength: Int)) -> (step: DecisionStep, firstWins: Bool)? {
        let rank = { (source: RouteSourceClass?) in source?.rank(under: preference) ?? 0 }
        if rank(first.source) != rank(second.source) { return (.hubRoutingPreference, rank(first.source) < rank(second.source)) }
        if first.pathLength != second.pathLength { return (.asPathLength, first.pathLength < second.pathLength) }
        if let a = first.source, let b = second.source, a != b { return (.sourceKind, a < b) }
        return nil
    }
}
