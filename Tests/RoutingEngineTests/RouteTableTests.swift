import RoutingEngine
import Testing

/// R22: route tables (UDRs) per subnet, "Propagate gateway routes", and `trace` through them.
@Suite("Route tables (UDRs) and subnets")
struct RouteTableTests {
    /// The seed's first diagram; the hub has a workload subnet whose table sends everything through the
    /// SD-WAN NVA, a shared subnet without a table, and an isolated subnet with propagation off.
    func topology(nextHop: String = "10.0.2.4") -> Topology {
        var topology = Seed.sdwanER(routeExchange: true)
        topology.hub.subnets = [
            Subnet(name: "workload", addressPrefix: Prefix("10.0.10.0/24"), routeTable: "rt-workload"),
            Subnet(name: "shared", addressPrefix: Prefix("10.0.20.0/24")),
            Subnet(name: "isolated", addressPrefix: Prefix("10.0.30.0/24"), routeTable: "rt-isolated"),
        ]
        topology.routeTables = [
            RouteTable(name: "rt-workload", routes: [
                UserRoute(name: "to-spoke", addressPrefix: Prefix("10.10.0.0/16"), nextHopType: .virtualAppliance,
                          nextHopIpAddress: IPv4Address(nextHop)),
                UserRoute(name: "to-10network", addressPrefix: Prefix("10.0.0.0/8"), nextHopType: .virtualAppliance,
                          nextHopIpAddress: IPv4Address(nextHop)),
                UserRoute(name: "drop", addressPrefix: Prefix("10.99.0.0/16"), nextHopType: .none),
            ]),
            RouteTable(name: "rt-isolated", disableBgpRoutePropagation: true),
        ]
        return topology
    }

    func table(_ result: RoutingResult, _ subnet: String) -> [EffectiveRoute] {
        result.subnetRouteTables.first { $0.subnet?.name == subnet }!.routes
    }

    @Test("R22: a user route takes over the same-prefix system route, which stays listed Invalid; names are kept")
    func userRoutes() {
        let result = compute(topology())
        let routes = table(result, "workload")
        let spoke = routes.filter { $0.prefix == Prefix("10.10.0.0/16") }
        #expect(spoke.map(\.source) == [.user, .default])
        #expect(spoke.map(\.state) == [.active, .invalid])
        #expect(spoke[0].routeName == "to-spoke" && spoke[0].nextHopType == .virtualAppliance)
        #expect(spoke[0].nextHopIPs.map(\.description) == ["10.0.2.4"])
        #expect(spoke[1].nextHopType == .vnetPeering && spoke[1].routeName == nil)
        // A wider user route is listed beside the longer system and BGP routes: longest prefix match decides.
        #expect(routes.filter { $0.prefix == Prefix("10.0.0.0/8") }.map(\.state) == [.active])
        #expect(routes.filter { $0.prefix == Prefix("10.1.0.0/16") }.map(\.source) == [.virtualNetworkGateway])
        #expect(routes.filter { $0.source == .user }.map(\.routeName) == ["to-10network", "to-spoke", "drop"])
    }

    @Test("R22: a subnet without a route table gets the VNet's routes; a VNet without subnets has one table")
    func withoutTable() {
        let result = compute(topology())
        #expect(table(result, "shared") == result.effective("hub-vnet"))
        let spoke = result.subnetRouteTables.filter { $0.vnet.name == "spoke-1" }
        #expect(spoke.count == 1 && spoke[0].subnet == nil && spoke[0].routes == result.effective("spoke-1"))
        #expect(result.subnetRouteTables.map { $0.subnet?.name ?? $0.vnet.name } == ["workload", "shared", "isolated", "spoke-1"])
    }

    @Test("R22: disableBgpRoutePropagation removes gateway and Route Server routes from that subnet only")
    func propagationOff() {
        let result = compute(topology())
        let isolated = table(result, "isolated")
        #expect(isolated.allSatisfy { $0.source == .default })
        #expect(table(result, "shared").contains { $0.prefix == Prefix("10.2.0.0/16") && $0.source == .virtualNetworkGateway })
        // A BGP default route made the system one Invalid; with propagation off the system route is back.
        var forced = Seed.sdwanER()
        forced.nvas[0].advertise = [Advertisement(.defaultRoute)]
        forced.hub.subnets = [Subnet(name: "isolated", addressPrefix: Prefix("10.0.30.0/24"), routeTable: "rt-isolated"),
                              Subnet(name: "tunnelled", addressPrefix: Prefix("10.0.40.0/24"))]
        forced.routeTables = [RouteTable(name: "rt-isolated", disableBgpRoutePropagation: true)]
        let tables = compute(forced).subnetRouteTables
        #expect(tables[0].routes.filter { $0.prefix == .defaultRoute }.map(\.state) == [.active])
        #expect(tables[1].routes.filter { $0.prefix == .defaultRoute }.map(\.source) == [.virtualNetworkGateway, .default])
        #expect(tables[1].routes.filter { $0.prefix == .defaultRoute }.map(\.state) == [.active, .invalid])
    }

    @Test("R22: trace follows a VirtualAppliance route to the NVA whose ip or nextHop it is; None drops the packet")
    func traceThroughUserRoutes() throws {
        for nextHop in ["10.0.2.4", "10.0.5.4"] {
            var topology = self.topology(nextHop: nextHop)
            topology.nvas[0].nextHop = IPv4Address("10.0.5.4")   // the firewall behind the NVA (R23)
            let result = compute(topology)
            let path = try #require(result.dataPath(from: "workload", to: IPv4Address("10.10.1.1")!))
            #expect(path.first.at == "workload")
            #expect(path.first.route == "10.10.0.0/16 User to-spoke → VirtualAppliance \(nextHop)")
            guard case .forward(let next) = path.first.outcome else { Issue.record("not forwarded"); continue }
            #expect(next.map(\.at) == ["sdwan"], "the packet continues at the NVA (\(nextHop))")
            #expect(path.isComplete, "the NVA sends it back through the hub to the spoke")
        }
        let result = compute(topology())
        let dropped = try #require(result.dataPath(from: "workload", to: IPv4Address("10.99.1.1")!))
        #expect(dropped.first.outcome == .blackHole("next hop type None: Azure drops the packet (R22)"))
        // From the shared subnet the same address takes the system route to the spoke.
        let direct = try #require(result.dataPath(from: "shared", to: IPv4Address("10.10.1.1")!))
        #expect(direct.first.route == "10.10.0.0/16 Default → VNetPeering")
    }

    @Test("R22: an Internet user route overrides a BGP default route in its subnet (and makes it Invalid)")
    func internetUserRoute() throws {
        var topology = Seed.sdwanER()
        topology.nvas[0].advertise = [Advertisement(.defaultRoute)]
        topology.hub.subnets = [Subnet(name: "web", addressPrefix: Prefix("10.0.50.0/24"), routeTable: "rt-web")]
        topology.routeTables = [RouteTable(name: "rt-web", routes: [
            UserRoute(name: "out", addressPrefix: .defaultRoute, nextHopType: .internet)])]
        let result = compute(topology)
        let defaults = result.subnetRouteTables[0].routes.filter { $0.prefix == .defaultRoute }
        #expect(defaults.map(\.source) == [.user, .default, .virtualNetworkGateway])
        #expect(defaults.map(\.state) == [.active, .invalid, .invalid])
        #expect(try #require(result.dataPath(from: "web", to: IPv4Address("8.8.8.8")!)).first.outcome == .internet)
    }
}
