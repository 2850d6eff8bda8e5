import Reports
import RoutingEngine
import Testing
import TopologyFile

/// The bundled teaching topologies of format revision 2 show what their descriptions promise.
@Suite("Bundled revision-2 teaching topologies")
struct TeachingTopologyTests {
    func compute(_ name: String, _ change: (inout Settings) -> Void = { _ in }) throws -> RoutingResult {
        let topology = try BundledTopologies.topology(named: name)
        var settings = Settings(of: topology)
        change(&settings)
        return try Engine.compute(topology, settings: settings)
    }

    func gatewayRoute(_ result: RoutingResult, _ vnet: String, _ prefix: String) -> EffectiveRoute? {
        result.subnetRouteTables.first { $0.vnet.name == vnet }?.routes
            .first { $0.prefix == Prefix(prefix) && $0.source == .virtualNetworkGateway }
    }

    @Test("R27: er-vpn-backup — the VMs use the circuit, move to VPN with preference VpnGateway or the circuit down")
    func expressRouteWithVPNBackup() throws {
        #expect(gatewayRoute(try compute("er-vpn-backup"), "hub-vnet", "10.2.0.0/16")?.learnedFrom == .expressRoute)
        #expect(gatewayRoute(try compute("er-vpn-backup") { $0.hubRoutingPreference = .vpnGateway }, "hub-vnet", "10.2.0.0/16")?
            .learnedFrom == .vpn)
        #expect(gatewayRoute(try compute("er-vpn-backup") { $0.hubRoutingPreference = .asPath }, "hub-vnet", "10.2.0.0/16")?
            .learnedFrom == .expressRoute, "the site prepends twice towards VPN")
        #expect(gatewayRoute(try compute("er-vpn-backup") { $0.down = ["er-circuit"] }, "hub-vnet", "10.2.0.0/16")?
            .learnedFrom == .vpn)
    }

    @Test("R27: sdwan-ha-pair — ECMP over both appliances; one down leaves the other")
    func sdwanHAPair() throws {
        #expect(gatewayRoute(try compute("sdwan-ha-pair"), "hub-vnet", "10.1.0.0/16")?.nextHopIPs.map(\.description)
            == ["10.0.2.4", "10.0.2.5"])
        #expect(gatewayRoute(try compute("sdwan-ha-pair") { $0.down = ["sdwan-a"] }, "hub-vnet", "10.1.0.0/16")?
            .nextHopIPs.map(\.description) == ["10.0.2.5"])
    }

    @Test("R23: forced-tunnelling-firewall — 0.0.0.0/0 to the firewall, the app UDR, mgmt keeps the Internet")
    func forcedTunnelling() throws {
        let result = try compute("forced-tunnelling-firewall")
        let app = try #require(result.subnetRouteTables.first { $0.subnet?.name == "app" }).routes
        #expect(app.filter { $0.prefix == .defaultRoute }.map(\.state) == [.active, .invalid])
        #expect(app.first { $0.prefix == .defaultRoute }?.nextHopIPs.map(\.description) == ["10.0.4.4"])
        #expect(app.first { $0.source == .user }?.routeName == "to-hub-via-firewall")
        let trace = try #require(result.dataPath(from: "app", to: IPv4Address("10.0.30.1")!))
        guard case .forward(let next) = trace.first.outcome else { Issue.record("not forwarded"); return }
        #expect(next.map(\.at) == ["firewall-nva"], "the firewall's address belongs to the NVA that set it")
        let mgmt = try #require(result.dataPath(from: "mgmt", to: IPv4Address("8.8.8.8")!))
        #expect(mgmt.first.outcome == .internet)
    }

    @Test("R25: er-vpn-no-route-server — the VMs learn both sites; the sites do not learn each other")
    func noRouteServer() throws {
        let result = try compute("er-vpn-no-route-server")
        #expect(gatewayRoute(result, "hub-vnet", "10.1.0.0/16")?.learnedFrom == .vpn)
        #expect(gatewayRoute(result, "hub-vnet", "10.2.0.0/16")?.learnedFrom == .expressRoute)
        #expect(result.bestRoutes(of: result.node(named: "datacenter")!, for: Prefix("10.1.0.0/16")).isEmpty)
        #expect(result.bestRoutes(of: result.node(named: "branch")!, for: Prefix("10.2.0.0/16")).isEmpty)
    }

    @Test("R1: spoke-without-transit — spoke-2 is not advertised and gets no gateway routes")
    func spokeWithoutTransit() throws {
        let result = try compute("spoke-without-transit")
        #expect(result.bestRoutes(of: result.node(named: "on-prem-2")!, for: Prefix("10.20.0.0/16")).isEmpty)
        #expect(!result.bestRoutes(of: result.node(named: "on-prem-2")!, for: Prefix("10.10.0.0/16")).isEmpty)
        #expect(gatewayRoute(result, "spoke-2", "10.1.0.0/16") == nil && gatewayRoute(result, "spoke-1", "10.1.0.0/16") != nil)
    }
}
