import Foundation
import Reports
import RoutingEngine
import Testing
import TopologyFile

/// Effective routes per subnet in every format (R15, R22; contract §2 `subnet` and `routeName`).
@Suite("Reports: effective routes per subnet")
struct SubnetReportTests {
    static let yaml = """
        name: udr-lab
        hub:
          name: hub-vnet
          addressSpace: [10.0.0.0/16]
          subnets:
            - {name: workload, addressPrefix: 10.0.10.0/24, routeTable: rt-workload}
            - {name: isolated, addressPrefix: 10.0.30.0/24, routeTable: rt-isolated}
          spokes:
            - {name: spoke-1, addressSpace: [10.10.0.0/16]}
        routeTables:
          - name: rt-workload
            routes:
              - {name: to-spoke1, addressPrefix: 10.10.0.0/16, nextHopType: VirtualAppliance, nextHopIpAddress: 10.0.2.4}
          - {name: rt-isolated, disableBgpRoutePropagation: true, routes: []}
        routeServer: {name: route-server, ips: [10.0.1.4, 10.0.1.5]}
        nvas:
          - {name: sdwan, asn: 65001, ip: 10.0.2.4, site: on-prem-1}
        sites:
          - {name: on-prem-1, asn: 65010, prefixes: [10.1.0.0/16]}
        """

    func result() throws -> RoutingResult {
        try Engine.compute(try TopologyLoader.parse(Self.yaml, file: "udr-lab.yaml"))
    }

    @Test("R22: text prints one table per subnet, with the route table, propagation and the user route's name")
    func text() throws {
        let text = TextReport.render(try result())
        #expect(text.contains("=== hub-vnet / workload (subnet 10.0.10.0/24, route table rt-workload) — effective routes of its NICs ==="))
        #expect(text.contains("=== hub-vnet / isolated (subnet 10.0.30.0/24, route table rt-isolated, propagate gateway routes: No)"))
        #expect(text.contains("=== spoke-1 (virtual network) — effective routes of its VMs ==="))
        #expect(text.contains("User                   Active   10.10.0.0/16      VirtualAppliance       10.0.2.4             to-spoke1"))
        #expect(text.contains("Default                Invalid  10.10.0.0/16      VNetPeering"))
        let only = TextReport.render(try result(), options: .init(node: "isolated"))
        #expect(only.contains("hub-vnet / isolated") && !only.contains("hub-vnet / workload"))
        #expect(!only.contains("10.1.0.0/16"), "propagation off: no Route Server route in that subnet")
    }

    @Test("R22: JSON has one effectiveRoutes entry per subnet with `subnet`, and `routeName` on User routes only")
    func json() throws {
        let data = Data(try JSONReport.render(try result()).utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tables = try #require(document["effectiveRoutes"] as? [[String: Any]])
        #expect(tables.map { $0["vnet"] as? String } == ["hub-vnet", "hub-vnet", "spoke-1"])
        #expect(tables.map { $0["subnet"] as? String } == ["workload", "isolated", nil])
        #expect(tables[2].keys.contains("subnet") == false, "a VNet without subnets has no subnet key")
        let routes = try #require(tables[0]["routes"] as? [[String: Any]])
        let user = routes.filter { $0["source"] as? String == "User" }
        #expect(user.map { $0["routeName"] as? String } == ["to-spoke1"])
        #expect(routes.filter { $0["source"] as? String != "User" }.allSatisfy { !$0.keys.contains("routeName") })
    }

    @Test("R22: the azure format names the subnet and prints the Name column")
    func azure() throws {
        let text = AzureReport.render(try result())
        #expect(text.contains("PS> Get-AzEffectiveRouteTable  # a NIC in hub-vnet, subnet workload"))
        #expect(text.contains("to-spoke1  User                   Active   {10.10.0.0/16}  VirtualAppliance       {10.0.2.4}"))
        #expect(text.contains("PS> Get-AzEffectiveRouteTable  # a NIC in spoke-1\n"))
    }

    @Test("R23: Route Server's learned routes show NextHop = the NVA's nextHop and SourcePeer = the NVA's ip")
    func learnedNextHop() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "ip: 10.0.2.4, site", with: "ip: 10.0.2.4, nextHop: 10.0.5.4, site")
        let text = AzureReport.render(try Engine.compute(try TopologyLoader.parse(yaml, file: "x.yaml")))
        #expect(text.contains("10.0.1.4      10.1.0.0/16  10.0.5.4  10.0.2.4    EBgp    65001-65010  32768"))
    }

    @Test("R1: explain says a spoke without gateway transit is not advertised, and that Microsoft says it may still be")
    func explainCaveat() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "{name: spoke-1, addressSpace: [10.10.0.0/16]}",
                                                  with: "{name: spoke-1, addressSpace: [10.10.0.0/16], useRemoteGateways: false}")
        let result = try Engine.compute(try TopologyLoader.parse(yaml, file: "x.yaml"))
        let lines = ExplainReport.lines(try #require(result.explain(prefix: Prefix("10.10.0.0/16"), at: "sdwan")))
        #expect(lines.first == "sdwan has no route for 10.10.0.0/16.")
        #expect(lines.contains { $0.hasPrefix("Note (R1 [doc] ") && $0.contains("may still get advertised") })
    }
}
