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
