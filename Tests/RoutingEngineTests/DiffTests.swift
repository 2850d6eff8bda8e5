import Testing
@testable import RoutingEngine

/// What a toggle changes, node by node.
@Suite("Diff")
struct DiffTests {
    @Test("R7/R8: the diff of route exchange off → on lists sdwan +10.2.0.0/16 and er-gateway +10.1.0.0/16 as added")
    func R7_R8_routeExchangeOn() throws {
        let topology = Seed.sdwanER()
        let off = compute(topology, settings: topology.settings { $0.routeExchange = false })
        let on = compute(topology, settings: topology.settings { $0.routeExchange = true })
        let diff = off.diff(to: on)
        let sdwan = try #require(diff.routes.first { $0.node == "sdwan" && $0.prefix == Prefix("10.2.0.0/16") })
        #expect(sdwan.kind == .added)
        #expect(sdwan.before.isEmpty)
        #expect(sdwan.after.map(\.attributes.asPath) == [[65515, 12076, 65020], [65515, 12076, 65020]])
        let gateway = try #require(diff.routes.first { $0.node == "er-gateway" && $0.prefix == Prefix("10.1.0.0/16") })
        #expect(gateway.kind == .added)
        #expect(gateway.after.allSatisfy { $0.attributes.asPath == [65001, 65010] && $0.azureOrigin == .ibgp })
        // Everything that changed is an addition, in node (file) order, and the sites learn each other.
        #expect(diff.routes.allSatisfy { $0.kind == .added })
        #expect(Set(diff.routes.map { "\($0.node) \($0.prefix)" })
                == ["sdwan 10.2.0.0/16", "er-gateway 10.1.0.0/16", "er-circuit 10.1.0.0/16",
                    "on-prem-1 10.2.0.0/16", "on-prem-2 10.1.0.0/16"])
        let order = diff.routes.map(\.node)
        #expect(order == order.sorted { a, b in
            topologyOrder(a, in: on) < topologyOrder(b, in: on)
        })
        #expect(diff.routeChangeCount == diff.routes.count)
        #expect(diff.changes(at: "sdwan") == [Prefix("10.2.0.0/16"): .added])
        // The switch changes what is exchanged, not the sessions; VMs had both sets already (R7).
        #expect(diff.sessions.isEmpty)
        #expect(diff.effectiveRoutes.isEmpty)
    }

    func topologyOrder(_ name: String, in result: RoutingResult) -> Int {
        result.nodes.firstIndex { $0.name == name }!
    }

    @Test("R7: the reverse diff lists the same changes as removed; a result's diff to itself is empty")
    func R7_reverseAndSelf() {
        let topology = Seed.sdwanER()
        let off = compute(topology, settings: topology.settings { $0.routeExchange = false })
        let on = compute(topology, settings: topology.settings { $0.routeExchange = true })
        let forward = off.diff(to: on), backward = on.diff(to: off)
        #expect(backward.routes.allSatisfy { $0.kind == .removed })
        #expect(Set(backward.routes.map { "\($0.node) \($0.prefix)" }) == Set(forward.routes.map { "\($0.node) \($0.prefix)" }))
        #expect(off.diff(to: off).isEmpty && on.diff(to: compute(topology, settings: on.settings)).isEmpty)
    }

    @Test("R14: the diff of active/active off → on lists the Route Server peerings appearing and the second instance")
    func R14_activeActiveSessions() throws {
        let topology = Seed.vpnER(routeExchange: true)
        let single = compute(topology, settings: topology.settings { $0.vpnActiveActive = false })
        let pair = compute(topology, settings: topology.settings { $0.vpnActiveActive = true })
        let diff = single.diff(to: pair)
        let upAgain = diff.sessions.filter { $0.between.0.hasPrefix("route-server") && $0.between.1 == "vpn-gateway#0" }
        #expect(upAgain.count == 2)
        // rev. 2: without active/active there is no Route Server peering at all (rev. 1: sessions down).
        #expect(upAgain.allSatisfy { $0.before == .down(reason: "no peering: Azure refuses Route Server with this VPN gateway (R14)") && $0.after == .established })
        #expect(diff.sessions.contains { $0.between == ("vpn-gateway#1", "on-prem-1") && $0.after == .established })
        // With transit back, the sites learn each other.
        let onPrem2 = try #require(diff.routes.first { $0.node == "on-prem-2" && $0.prefix == Prefix("10.1.0.0/16") })
        #expect(onPrem2.kind == .added)
        // VMs now reach on-prem-1 through both instances.
        let vm = try #require(diff.effectiveRoutes.first { $0.vnet == "hub-vnet" && $0.prefix == Prefix("10.1.0.0/16") })
        #expect(vm.before?.nextHopIPs == [ip("10.0.3.12")])
        #expect(vm.after?.nextHopIPs == [ip("10.0.3.12"), ip("10.0.3.13")])
    }

    @Test("R16: the diff of a preference change lists a changed best path and the VMs' new next hop")
    func R16_preferenceChange() throws {
        var topology = Seed.sdwanER(routeExchange: true)
        topology.nvas[0].advertise = [Advertisement(Prefix("10.2.0.0/16"))]
        topology.nvas.append(Lab.nva("fw", asn: 65002, ip: "10.0.2.5"))
        let er = compute(topology, settings: topology.settings { $0.hubRoutingPreference = .expressRoute })
        let vpn = compute(topology, settings: topology.settings { $0.hubRoutingPreference = .vpnGateway })
        let diff = er.diff(to: vpn)
        let fw = try #require(diff.routes.first { $0.node == "fw" && $0.prefix == Prefix("10.2.0.0/16") })
        #expect(fw.kind == .bestChanged)
        #expect(fw.before.first?.attributes.asPath == [65515, 12076, 65020] && fw.after.first?.attributes.asPath == [65515, 65001])
        let vm = try #require(diff.effectiveRoutes.first { $0.vnet == "hub-vnet" && $0.prefix == Prefix("10.2.0.0/16") })
        #expect(vm.before?.learnedFrom == .expressRoute && vm.after?.learnedFrom == .nva)
        #expect(vm.after?.nextHopIPs == [ip("10.0.2.4")])
    }
}
