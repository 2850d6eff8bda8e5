import Testing
@testable import RoutingEngine

/// R21: a run that returns to an earlier state loops forever; the engine says so at once.
/// The topology was found by the property tests (EnginePropertyTests.terminates): one prefix
/// originated behind two NVAs, behind ExpressRoute and by a static VPN connection, with route
/// exchange on. The circuit prefers the gateway's copy, stops sending its own to the gateway,
/// the gateway's best moves to Route Server's copy, and round it goes.
@Suite("Oscillation")
struct OscillationTests {
    static let everywhere: Topology = {
        func site(_ name: String) -> Site { Lab.site(name, asn: 65010, ["10.1.0.0/16"]) }
        return Topology(
            name: "oscillation", hub: VirtualNetwork(name: "hub-vnet", addressSpace: [Prefix("10.0.0.0/16")]),
            routeServer: RouteServer(name: "route-server", allowBranchToBranchTraffic: true),
            nvas: [Lab.nva("nva-1", asn: 65001, ip: "10.0.2.4", site: "site-1", advertise: ["10.1.0.0/16"]),
                   Lab.nva("nva-2", asn: 65001, ip: "10.0.2.5", site: "site-2", advertise: ["10.1.0.0/16"])],
            expressRouteGateway: ExpressRouteGateway(name: "er-gateway", circuit: ExpressRouteCircuit(name: "er-circuit", site: "site-3")),
            vpnGateway: VPNGateway(name: "vpn-gateway", connections: [VPNConnection(site: "site-4", bgp: false)]),
            sites: ["site-1", "site-2", "site-3", "site-4"].map(site))
    }()

    @Test("R21: a repeated state is reported as did not converge, with the prefix, long before the budget")
    func R21_repeatedStateStopsTheRun() throws {
        let result = try Engine.compute(Self.everywhere)
        guard case .didNotConverge(let messages, let prefixes) = result.convergence else {
            Issue.record("converged: \(result.convergence)"); return
        }
        #expect(prefixes == [Prefix("10.1.0.0/16")])
        #expect(messages < 1_000, "budget is \(100_000)")
    }

    @Test("R21: step-through stops at the same repeated state")
    func R21_traceStopsToo() throws {
        let trace = try ConvergenceTrace(topology: Self.everywhere, settings: Settings(of: Self.everywhere))
        #expect(!trace.convergence.isConverged)
        #expect(trace.events.count < 1_000)
        guard case .didNotConverge(_, let prefixes) = trace.convergence else { return }
        #expect(prefixes == [Prefix("10.1.0.0/16")])
    }

    @Test("R21: without the static VPN origin the same network converges (the detector has no false alarms)")
    func R21_withoutTheLoopItConverges() throws {
        var topology = Self.everywhere
        topology.vpnGateway = nil
        #expect(try Engine.compute(topology).convergence.isConverged)
        #expect(try Engine.compute(topology, settings: topology.settings { $0.routeExchange = false }).convergence.isConverged)
    }

    @Test("R20/R21: a toggle made while a run oscillates keeps the messages in flight; toggling back restores the tables")
    func R20_R21_toggleDuringOscillation() {
        // The site announces the spoke's own prefix: with the gateway up the circuit and the gateway
        // chase each other; down again must give exactly the fresh tables.
        let topology = Topology(
            name: "in-flight", hub: VirtualNetwork(name: "hub-vnet", addressSpace: [Prefix("10.0.0.0/16")],
                                                    spokes: [VirtualNetwork(name: "spoke-1", addressSpace: [Prefix("10.10.0.0/16")])]),
            expressRouteGateway: ExpressRouteGateway(name: "er-gateway", circuit: ExpressRouteCircuit(name: "er-circuit", site: "site-1")),
            sites: [Lab.site("site-1", asn: 65010, ["10.1.0.0/16", "10.10.0.0/16"])], down: ["er-gateway"])
        let down = Settings(of: topology)
        let up = topology.settings { $0.down = [] }
        #expect(!converge(topology, through: [down, up]).convergence.isConverged)
        let carried = converge(topology, through: [down, up, down])
        #expect(carried.convergence.isConverged)
        #expect(carried.tables == compute(topology, settings: down).tables)
    }
}
