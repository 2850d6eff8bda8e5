import Testing
@testable import RoutingEngine

/// R20 (down nodes, instances and sessions withdraw; back up restores) and R21 (always terminates).
@Suite("Failures and termination (R20, R21)")
struct FailureTests {
    // MARK: R20

    @Test("R20: a node that is down withdraws everything learned through it")
    func R20_nodeDown() {
        let topology = Seed.sdwanER(routeExchange: true)
        let result = compute(topology, settings: topology.settings { $0.down = ["sdwan"] })
        let sessions = result.sessions("sdwan")
        #expect(sessions.count == 3)
        #expect(sessions.allSatisfy { $0.state == .down(reason: "node down") && $0.downRule == .r20 })
        #expect(!result.has("route-server", "10.1.0.0/16") && !result.has("er-gateway", "10.1.0.0/16"))
        #expect(!result.has("on-prem-2", "10.1.0.0/16"))
        #expect(result.gatewayRoute("hub-vnet", "10.1.0.0/16") == nil)
        #expect(result.routes(of: result.named("on-prem-1")).allSatisfy { $0.from == nil })
        #expect(result.routes(of: result.named("sdwan")).isEmpty)
        // Everything else is untouched.
        #expect(result.routes("er-gateway", "10.2.0.0/16").filter { $0.from == "er-circuit" }.count == 4)
        #expect(result.sessions("er-gateway").allSatisfy { $0.state.isUp })
    }

    @Test("R20: one Route Server instance down: the other serves, NVAs keep one path instead of two")
    func R20_routeServerInstanceDown() {
        let topology = Seed.sdwanER(routeExchange: true)
        let result = compute(topology, settings: topology.settings { $0.down = ["route-server#1"] })
        for prefix in ["10.0.0.0/16", "10.10.0.0/16", "10.2.0.0/16"] {
            let routes = result.routes("sdwan", prefix)
            #expect(routes.count == 1, "\(prefix)")
            #expect(routes.first?.attributes.nextHop == ip("10.0.1.4") && routes.first?.reason == .onlyPath, "\(prefix)")
            #expect(routes.first?.fromInstance == 0)
        }
        let down = result.network.sessions.filter { !$0.state.isUp }
        #expect(down.count == 3)   // sdwan and both ER gateway instances, on instance #1
        #expect(down.allSatisfy { result.network.name(of: $0.a) == "route-server#1" && $0.state.reason == "node down" })
        // The gateways hear the NVA through instance #0 only; VMs still get everything.
        #expect(result.routes("er-gateway", "10.1.0.0/16").allSatisfy { $0.fromInstance == 0 })
        #expect(result.routes("er-gateway", "10.1.0.0/16").count == 2)
        #expect(result.gatewayRoute("hub-vnet", "10.1.0.0/16")?.nextHopIPs == [ip("10.0.2.4")])
        #expect(result.routes("route-server", "10.1.0.0/16").map(\.instance) == [0])
        // The instance that is down holds nothing, not even the VNet it would originate.
        #expect(result.routes(of: result.named("route-server")).allSatisfy { $0.instance == 0 })
        #expect(result.advertised(by: result.named("route-server")).allSatisfy { $0.instance == 0 })
    }

    @Test("R20: back up restores the exact previous tables", arguments: ["sdwan", "route-server#1", "er-circuit", "er-gateway#0",
                                                                          "sdwan--route-server", "er-circuit#0--on-prem-2"])
    func R20_backUpRestores(down: String) {
        let topology = Seed.sdwanER(routeExchange: true)
        let up = topology.settings { _ in }
        let downSettings = topology.settings { $0.down = [down] }
        let before = compute(topology, settings: up)
        #expect(compute(topology, settings: downSettings).tables != before.tables)
        // One simulator taken down and back up again, not a fresh computation.
        let toggled = converge(topology, through: [up, downSettings, up])
        #expect(toggled.tables == before.tables)
        #expect(toggled.convergence.isConverged)
    }

    @Test("R20: an a--b entry takes down only the sessions between those two")
    func R20_sessionDown() throws {
        let topology = Seed.sdwanER(routeExchange: true)
        let result = compute(topology, settings: topology.settings { $0.down = ["er-circuit#0--on-prem-2"] })
        let ids = try #require(result.network.sessions(between: "er-circuit#0", and: "on-prem-2"))
        #expect(ids.count == 1)
        let session = result.network.sessions[ids[0]]
        #expect(session.state == .down(reason: "session down") && session.downRule == .r20)
        #expect(result.network.sessions.filter { !$0.state.isUp }.map(\.id) == ids)
        // on-prem-2 keeps the secondary link; the gateway hears on-prem-2 only through MSEE #1.
        #expect(result.routes("on-prem-2", "10.0.0.0/16").map(\.attributes.nextHop) == [ip("192.168.255.6")])
        #expect(result.routes("er-gateway", "10.2.0.0/16").filter { $0.from == "er-circuit" }
            .allSatisfy { $0.attributes.nextHop == ip("192.168.255.6") })
        #expect(result.gatewayRoute("hub-vnet", "10.2.0.0/16")?.nextHopIPs == [ip("192.168.255.6")])

        // Node-level ends take down every session between the two nodes, and only those.
        let both = compute(topology, settings: topology.settings { $0.down = ["sdwan--route-server"] })
        #expect(both.sessions("sdwan").filter { !$0.state.isUp }.count == 2)
        #expect(both.sessions("sdwan").filter { $0.state.isUp }.map { both.network.name(of: $0.b) } == ["on-prem-1"])
        #expect(!both.has("route-server", "10.1.0.0/16"))
        #expect(both.bestPaths("sdwan", "10.1.0.0/16") == [[65010]])
    }

    @Test("R20: a down entry that names nothing is refused")
    func R20_unknownDownEntry() {
        let topology = Seed.sdwanER()
        #expect(throws: UnknownDownEntry(entry: "nowhere")) {
            try Engine.compute(topology, settings: topology.settings { $0.down = ["nowhere"] })
        }
        #expect(throws: UnknownDownEntry(entry: "route-server#2")) {
            try Engine.compute(topology, settings: topology.settings { $0.down = ["route-server#2"] })
        }
    }

    @Test("R20: with vpn-gateway#1 down, active/active can still be turned off (the entry then names nothing live)")
    func R20_downInstanceThatActiveActiveOffRemoves() throws {
        let topology = Seed.vpnER(routeExchange: true)
        let down = topology.settings { $0.down = ["vpn-gateway#1"] }
        let both = topology.settings { $0.down = ["vpn-gateway#1"]; $0.vpnActiveActive = false }
        let result = try Engine.compute(topology, settings: both)
        // Same tables as active/active off with nothing down: the entry is moot, not an error.
        #expect(result.tables == compute(topology, settings: topology.settings { $0.vpnActiveActive = false }).tables)
        #expect(try Engine.compute(topology, settings: down).sessions("vpn-gateway").contains { !$0.state.isUp })
        #expect(throws: UnknownDownEntry.self) {
            try Engine.compute(topology, settings: topology.settings { $0.down = ["vpn-gateway#2"] })
        }
    }

    // MARK: R21

    @Test("R21: a tiny message budget reports did-not-converge with the prefixes in flux")
    func R21_budgetExhausted() throws {
        let topology = Seed.sdwanER(routeExchange: true)
        let network = try Network(topology: topology, settings: Settings(of: topology))
        let result = Engine.compute(network, messageBudget: 5)
        guard case .didNotConverge(let messages, let prefixes) = result.convergence else {
            Issue.record("a 5-message budget converged: \(result.convergence)")
            return
        }
        #expect(messages == 5)
        #expect(!prefixes.isEmpty)
        #expect(Set(prefixes).isSubset(of: Set(result.allPrefixes)))
        #expect(prefixes == prefixes.sorted())
        #expect(!result.convergence.isConverged)

        let trace = try ConvergenceTrace(topology: topology, settings: Settings(of: topology), messageBudget: 5)
        #expect(trace.events.count == 5)
        guard case .didNotConverge(_, let inFlux) = trace.convergence else {
            Issue.record("a 5-event trace converged")
            return
        }
        #expect(!inFlux.isEmpty)
    }

    @Test("R21: normal runs converge", arguments: [false, true])
    func R21_normalRunsConverge(routeExchange: Bool) {
        for topology in [Seed.sdwanER(routeExchange: routeExchange), Seed.vpnER(routeExchange: routeExchange),
                         Lab.allThree(routeExchange: routeExchange)] {
            let result = compute(topology)
            guard case .converged(let messages) = result.convergence else {
                Issue.record("\(topology.name) did not converge: \(result.convergence)")
                continue
            }
            #expect(messages > 0)
        }
    }
}

extension FailureTests {
    @Test("R21: a budget exactly as long as the run reports convergence; one message less does not")
    func R21_exactBudget() throws {
        let topology = Seed.sdwanER(routeExchange: true)
        let network = try Network(topology: topology, settings: Settings(of: topology))
        guard case .converged(let needed) = Engine.compute(network).convergence else {
            Issue.record("the seed did not converge")
            return
        }
        #expect(Engine.compute(network, messageBudget: needed).convergence == .converged(messages: needed))
        guard case .didNotConverge(let messages, let prefixes) = Engine.compute(network, messageBudget: needed - 1).convergence else {
            Issue.record("one message short still converged")
            return
        }
        #expect(messages == needed - 1 && !prefixes.isEmpty)

        let full = try ConvergenceTrace(topology: topology, settings: Settings(of: topology))
        let exact = try ConvergenceTrace(topology: topology, settings: Settings(of: topology), messageBudget: full.events.count)
        #expect(exact.convergence == full.convergence)
        #expect(exact.convergence.isConverged)
        let short = try ConvergenceTrace(topology: topology, settings: Settings(of: topology), messageBudget: full.events.count - 1)
        #expect(!short.convergence.isConverged)
    }
}
