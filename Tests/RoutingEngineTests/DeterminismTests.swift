import Testing
@testable import RoutingEngine

/// The same input gives the same tables, however the engine got there.
@Suite("Determinism")
struct DeterminismTests {
    static let topologies: [Topology] = [Seed.sdwanER(), Seed.vpnER(), Lab.allThree(),
                                         Lab.twoNVAs(fwAdvertises: ["10.1.0.0/16", "10.50.0.0/16"])]

    @Test("Same input twice gives equal results", arguments: topologies)
    func sameInputTwice(topology: Topology) {
        for routeExchange in [false, true] {
            let settings = topology.settings { $0.routeExchange = routeExchange }
            let first = compute(topology, settings: settings)
            let second = compute(topology, settings: settings)
            #expect(first.tables == second.tables)
            #expect(first.convergence == second.convergence)
            #expect(first.allPrefixes == second.allPrefixes)
        }
    }

    @Test("R8/R20: toggling route exchange on and back off restores identical tables", arguments: topologies)
    func R8_R20_routeExchangeRoundTrip(topology: Topology) {
        let off = topology.settings { $0.routeExchange = false }
        let on = topology.settings { $0.routeExchange = true }
        let fresh = compute(topology, settings: off)
        let toggled = converge(topology, through: [off, on, off])
        #expect(toggled.tables == fresh.tables)
        // And the state in between is the fresh "on" state.
        #expect(converge(topology, through: [off, on]).tables == compute(topology, settings: on).tables)
        #expect(converge(topology, through: [on, off, on]).tables == compute(topology, settings: on).tables)
    }

    @Test("R20: a node down and back up restores identical tables, for every node")
    func R20_nodeDownRoundTrip() {
        let topology = Lab.allThree(routeExchange: true)
        let up = topology.settings { _ in }
        let fresh = compute(topology, settings: up)
        for node in fresh.nodes {
            let down = topology.settings { $0.down = [node.name] }
            #expect(converge(topology, through: [up, down]).tables == compute(topology, settings: down).tables, "\(node.name)")
            #expect(converge(topology, through: [up, down, up]).tables == fresh.tables, "\(node.name)")
        }
    }

    @Test("R14/R20: active/active off and on again restores identical tables")
    func R14_R20_activeActiveRoundTrip() {
        let topology = Seed.vpnER(routeExchange: true)
        let on = topology.settings { $0.vpnActiveActive = true }
        let off = topology.settings { $0.vpnActiveActive = false }
        #expect(converge(topology, through: [on, off]).tables == compute(topology, settings: off).tables)
        #expect(converge(topology, through: [on, off, on]).tables == compute(topology, settings: on).tables)
    }

    @Test("R16: switching the hub routing preference and back restores identical tables")
    func R16_preferenceRoundTrip() {
        var topology = Lab.allThree(routeExchange: true)
        topology.nvas[0].advertise = [Advertisement(Prefix("10.2.0.0/16")), Advertisement(Prefix("10.3.0.0/16"))]
        let sequence = HubRoutingPreference.allCases.map { preference in topology.settings { $0.hubRoutingPreference = preference } }
        for settings in sequence {
            let toggled = converge(topology, through: sequence + [settings])
            #expect(toggled.tables == compute(topology, settings: settings).tables, "\(settings.hubRoutingPreference)")
        }
    }
}
