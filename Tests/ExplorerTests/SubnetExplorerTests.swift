import Explorer
import RoutingEngine
import Testing
import TopologyFile

/// R22 in the explorer: a VNet that lists subnets shows them; Enter (or `:node`) on one shows its
/// route table and its NICs' effective routes.
@Suite("Explorer: subnets and route tables")
struct SubnetExplorerTests {
    func state() throws -> ExplorerState {
        var topology = try BundledTopologies.topology(named: "sdwan-er")
        topology.hub.subnets = [Subnet(name: "workload", addressPrefix: Prefix("10.0.10.0/24"), routeTable: "rt-workload"),
                                Subnet(name: "shared", addressPrefix: Prefix("10.0.20.0/24"))]
        topology.routeTables = [RouteTable(name: "rt-workload", disableBgpRoutePropagation: true, routes: [
            UserRoute(name: "to-spoke", addressPrefix: Prefix("10.10.0.0/16"), nextHopType: .virtualAppliance,
                      nextHopIpAddress: IPv4Address("10.0.2.4"))])]
        return try ExplorerState(topology: topology, source: "test", width: 120, height: 40)
    }

    @Test("R22: the hub lists its subnets; Enter on one shows its route table and its NICs' routes")
    func selectSubnet() throws {
        var state = try state()
        state.press(.char(":"))
        state.type("node hub-vnet")
        state.press(.enter)
        let texts = state.table.rows.map(\.text)
        #expect(texts.first == "Subnets of hub-vnet — Enter shows a subnet's NIC routes")
        #expect(texts.contains { $0.hasPrefix("  workload") && $0.hasSuffix("route table rt-workload") })
        #expect(texts.contains { $0.hasPrefix("  shared") && $0.hasSuffix("no route table") })
        #expect(state.table.rows[state.rowCursor].subnet == "workload", "the cursor starts on the first subnet")
        state.press(.tab)   // diagram → table
        state.press(.enter)
        #expect(state.selection == "workload" && state.selectedVNet?.name == "hub-vnet")
        #expect(state.diagramSelection == "hub-vnet")
        let rows = state.table.rows.map(\.text)
        #expect(rows.contains("Route table rt-workload · propagate gateway routes: No"))
        #expect(rows.contains { $0.hasPrefix("to-spoke") && $0.contains("VirtualAppliance") && $0.contains("10.0.2.4") })
        #expect(rows.contains { $0.hasPrefix("User") && $0.hasSuffix("to-spoke") })
        #expect(!rows.contains { $0.hasPrefix("VirtualNetworkGateway") }, "propagation off: no gateway routes")
        #expect(view(state).text.contains("workload · subnet of hub-vnet"))
    }

    @Test("R22: :node takes a subnet; a VNet without subnets shows its effective routes as before")
    func colonNodeSubnet() throws {
        var state = try state()
        state.press(.char(":"))
        state.type("node shared")
        state.press(.enter)
        #expect(state.selectedSubnet?.name == "shared" && state.tabs == [.effective])
        #expect(state.table.rows.map(\.text).contains { $0.hasPrefix("VirtualNetworkGateway") && $0.contains("10.1.0.0/16") })
        state.press(.char(":"))
        state.type("node spoke-1")
        state.press(.enter)
        #expect(state.table.rows.first?.text.hasPrefix("Source") == true)
    }
}
