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
    func R22_selectSubnet() throws {
        var state = try state()
        state.command("node hub-vnet")
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
    func R22_colonNodeSubnet() throws {
        var state = try state()
        state.command("node shared")
        #expect(state.selectedSubnet?.name == "shared" && state.tabs == [.effective])
        #expect(state.table.rows.map(\.text).contains { $0.hasPrefix("VirtualNetworkGateway") && $0.contains("10.1.0.0/16") })
        state.command("node spoke-1")
        #expect(state.table.rows.first?.text.hasPrefix("Source") == true)
    }

    @Test("a subnet's marks compare its own table before and after: no gateway route withdrawn where propagation is off; an added UDR is +")
    func subnetMarks() throws {
        let document = try BundledTopologies.document(named: "forced-tunnelling-firewall")
        var state = try ExplorerState(topology: document.topology, source: "forced-tunnelling-firewall", width: 140, height: 45,
                                      document: document)
        state.command("down firewall-nva")
        state.command("node mgmt")
        #expect(state.table.rows.allSatisfy { $0.mark == nil }, "propagation off: the NVA's default route was never in mgmt's table")
        #expect(!state.table.rows.contains { $0.text.contains("(withdrawn)") })
        state.command("node workload")
        let workload = state.table.rows
        #expect(workload.contains { $0.mark == .removed && $0.text == "VirtualNetworkGateway  (withdrawn)  0.0.0.0/0" })
        // The system default route is Active again once the NVA's is gone: another route for VMs.
        #expect(workload.contains { $0.mark == .changed && $0.text.hasPrefix("Default") && $0.text.contains("Active")
            && $0.text.contains("0.0.0.0/0") })
        state.command("up firewall-nva")
        state.command("add route rt-mgmt 10.99.0.0/16 None")
        state.command("node mgmt")
        let mgmt = state.table.rows.filter { $0.mark != nil }
        #expect(mgmt.count == 1 && mgmt[0].mark == .added && mgmt[0].text.hasPrefix("User") && mgmt[0].text.contains("10.99.0.0/16"),
                "\(mgmt.map(\.text))")
    }
}
