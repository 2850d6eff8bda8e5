import RoutingEngine


/// The seed's networks, built in code so engine tests do not depend on the file format.
enum Seed {
    static let hub = VirtualNetwork(name: "hub-vnet", addressSpace: [Prefix("10.0.0.0/16")],
                                    spokes: [VirtualNetwork(name: "spoke-1", addressSpace: [Prefix("10.10.0.0/16")])])
    static let onPrem1 = Site(name: "on-prem-1", asn: 65010, prefixes: [Advertisement(Prefix("10.1.0.0/16"))])
    static let onPrem2 = Site(name: "on-prem-2", asn: 65020, prefixes: [Advertisement(Prefix("10.2.0.0/16"))])
    static let erGateway = ExpressRouteGateway(name: "er-gateway",
                                               circuit: ExpressRouteCircuit(name: "er-circuit", site: "on-prem-2"))
    static let sdwan = NVA(name: "sdwan", asn: 65001, ip: IPv4Address("10.0.2.4")!, site: "on-prem-1")

    /// The seed's first diagram: on-prem-1 — SD-WAN NVA — Route Server — ER gateway — on-prem-2.
    static func sdwanER(routeExchange: Bool = false) -> Topology {
        Topology(name: "sdwan-er", hub: hub,
                 routeServer: RouteServer(name: "route-server", allowBranchToBranchTraffic: routeExchange,
                                          ips: [IPv4Address("10.0.1.4")!, IPv4Address("10.0.1.5")!]),
                 nvas: [sdwan], expressRouteGateway: erGateway, sites: [onPrem1, onPrem2])
    }

    /// The seed's second diagram: the VPN gateway replaces the SD-WAN appliance.
    static func vpnER(routeExchange: Bool = false, activeActive: Bool = true, vpnASN: UInt32 = 65515) -> Topology {
        Topology(name: "vpn-er", hub: hub,
                 routeServer: RouteServer(name: "route-server", allowBranchToBranchTraffic: routeExchange),
                 expressRouteGateway: erGateway,
                 vpnGateway: VPNGateway(name: "vpn-gateway", activeActive: activeActive, asn: vpnASN,
                                        connections: [VPNConnection(site: "on-prem-1")]),
                 sites: [onPrem1, onPrem2])
    }
}

extension RoutingResult {
    /// The node's selected paths for a prefix, as AS paths.
    func bestPaths(_ node: String, _ prefix: String) -> [[UInt32]] {
        bestRoutes(of: self.node(named: node)!, for: Prefix(prefix)).map(\.attributes.asPath)
    }

    func routes(_ node: String, _ prefix: String) -> [Route] {
        routes(of: self.node(named: node)!, for: Prefix(prefix))
    }

    func has(_ node: String, _ prefix: String) -> Bool { !bestPaths(node, prefix).isEmpty }

    func session(_ first: String, _ second: String) -> [Session] {
        let ids = network.sessions(between: first, and: second) ?? []
        return ids.map { network.sessions[$0] }
    }
}

func compute(_ topology: Topology, _ change: (inout Settings) -> Void = { _ in }) -> RoutingResult {
    var settings = Settings(of: topology)
    change(&settings)
    return try! Engine.compute(topology, settings: settings)
}
