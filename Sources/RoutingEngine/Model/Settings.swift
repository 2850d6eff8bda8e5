/// The switches the user flips: the file's values, overridden by flags or keys.
public struct Settings: Equatable, Hashable, Sendable {
    /// `routeServer.allowBranchToBranchTraffic` ("route exchange").
    public var routeExchange: Bool
    /// `vpnGateway.activeActive`; nil when the topology has no VPN gateway.
    public var vpnActiveActive: Bool?
    public var hubRoutingPreference: HubRoutingPreference
    /// Node names and `a--b` session names that are down.
    public var down: Set<String>

    public init(routeExchange: Bool = false, vpnActiveActive: Bool? = nil,
                hubRoutingPreference: HubRoutingPreference = .expressRoute, down: Set<String> = []) {
        self.routeExchange = routeExchange; self.vpnActiveActive = vpnActiveActive
        self.hubRoutingPreference = hubRoutingPreference; self.down = down
    }

    /// The settings a topology file starts with.
    public init(of topology: Topology) {
        self.init(routeExchange: topology.routeServer?.allowBranchToBranchTraffic ?? false,
                  vpnActiveActive: topology.vpnGateway?.activeActive,
                  hubRoutingPreference: topology.routeServer?.hubRoutingPreference ?? .expressRoute,
                  down: Set(topology.down))
    }
}
