import Testing
@testable import RoutingEngine

/// Step-through: the message sequence replays to the same tables as `Engine.compute`.
@Suite("Convergence trace")
struct ConvergenceTraceTests {
    static let cases: [(Topology, Settings)] = {
        var cases: [(Topology, Settings)] = []
        for topology in [Seed.sdwanER(), Seed.vpnER(), Lab.allThree()] {
            cases.append((topology, topology.settings { $0.routeExchange = false }))
            cases.append((topology, topology.settings { $0.routeExchange = true }))
        }
        let vpn = Seed.vpnER(routeExchange: true)
        cases.append((vpn, vpn.settings { $0.vpnActiveActive = false }))
        cases.append((vpn, vpn.settings { $0.down = ["route-server#0"] }))
        return cases
    }()

    /// Every node's routes for every prefix, and every VNet's effective routes, agree.
    func expectSameTables(_ actual: RoutingResult, _ expected: RoutingResult, _ label: String) {
        #expect(Set(actual.allPrefixes) == Set(expected.allPrefixes), "\(label)")
        for node in expected.nodes {
            let other = actual.named(node.name)
            for prefix in expected.allPrefixes {
                #expect(actual.routes(of: other, for: prefix) == expected.routes(of: node, for: prefix), "\(label) \(node.name) \(prefix)")
            }
        }
        #expect(actual.tables == expected.tables, "\(label)")
    }

    @Test("Replaying the full trace gives the same tables as Engine.compute, every node, every prefix")
    func replayMatchesCompute() throws {
        for (topology, settings) in Self.cases {
            let trace = try ConvergenceTrace(topology: topology, settings: settings)
            #expect(trace.convergence.isConverged)
            #expect(!trace.events.isEmpty)
            expectSameTables(trace.final, compute(topology, settings: settings), "\(topology.name) \(settings)")
            expectSameTables(trace.result(after: trace.events.count + 10), trace.final, "past the end")
        }
    }

    @Test("R13: the replayed trace carries the Azure-to-circuit warning too")
    func R13_replayKeepsWarnings() throws {
        var topology = Seed.sdwanER()
        topology.hub.spokes.append(VirtualNetwork(name: "spoke-big", addressSpace: slash24s(1000, from: "10.128.0.0")))
        let expected = compute(topology)
        #expect(expected.sessions("er-circuit").contains { $0.warning != nil })
        let trace = try ConvergenceTrace(topology: topology, settings: Settings(of: topology))
        #expect(trace.final.tables == expected.tables)
    }

    @Test("result(after: 0) has no learned routes, only what each speaker originates")
    func startsEmpty() throws {
        let topology = Seed.sdwanER(routeExchange: true)
        let trace = try ConvergenceTrace(topology: topology, settings: Settings(of: topology))
        let start = trace.result(after: 0)
        for node in start.nodes {
            #expect(start.routes(of: node).allSatisfy { $0.from == nil }, "\(node.name)")
            #expect(start.rejected(at: node).isEmpty)
        }
        #expect(!start.routes(of: start.named("route-server")).isEmpty)
        #expect(!start.convergence.isConverged)
        // Halfway, some but not all of it.
        let middle = trace.result(after: trace.events.count / 2)
        let learned = middle.nodes.flatMap { middle.routes(of: $0) }.filter { $0.from != nil }.count
        let total = trace.final.nodes.flatMap { trace.final.routes(of: $0) }.filter { $0.from != nil }.count
        #expect(learned > 0 && learned < total)
    }

    @Test("A trace from one setting to another starts at the old stable state and ends at the new one")
    func fromOneSettingToAnother() throws {
        for topology in [Seed.sdwanER(), Seed.vpnER()] {
            for (old, new) in [(topology.settings { $0.routeExchange = false }, topology.settings { $0.routeExchange = true }),
                               (topology.settings { $0.routeExchange = true }, topology.settings { $0.routeExchange = false }),
                               (topology.settings { _ in }, topology.settings { $0.down = ["er-circuit#0"] }),
                               (topology.settings { $0.down = ["er-circuit#0"] }, topology.settings { _ in })] {
                let trace = try ConvergenceTrace(topology: topology, settings: new, from: old)
                let before = compute(topology, settings: old)
                let start = trace.result(after: 0)
                // Nothing moves before the first step…
                #expect(start.learnedTables == before.learnedTables, "\(topology.name) \(old) → \(new)")
                #expect(start.effectiveRouteTables.map(\.routes) == before.effectiveRouteTables.map(\.routes))
                let sessionSteps = trace.events.prefix { $0.isSessionEvent }.count
                if new.down.contains("er-circuit#0") {
                    // …then each session that goes down is a step, and drops what it carried at once.
                    #expect(sessionSteps > 0)
                    #expect(before.routes(of: before.named("er-circuit")).contains { $0.instance == 0 })
                    let afterDowns = trace.result(after: sessionSteps)
                    #expect(afterDowns.routes(of: afterDowns.named("er-circuit")).allSatisfy { $0.instance == 1 })
                } else if old.down.contains("er-circuit#0") {
                    // …or each session that comes up, before the UPDATEs it carries.
                    #expect(sessionSteps > 0)
                    #expect(trace.events.prefix(sessionSteps).allSatisfy { if case .sessionUp = $0 { true } else { false } })
                } else {
                    #expect(sessionSteps == 0)
                }
                #expect(trace.convergence.isConverged)
                expectSameTables(trace.final, compute(topology, settings: new), "\(topology.name) \(old) → \(new)")
            }
        }
    }

    @Test("describe prints UPDATE route-server#0 → sdwan 10.2.0.0/16 [65515 12076 65020] when route exchange goes on")
    func describeLines() throws {
        let topology = Seed.sdwanER()
        let trace = try ConvergenceTrace(topology: topology, settings: topology.settings { $0.routeExchange = true },
                                         from: topology.settings { $0.routeExchange = false })
        let lines = trace.events.map(trace.describe)
        #expect(lines.contains("UPDATE route-server#0 → sdwan 10.2.0.0/16 [65515 12076 65020]"))
        #expect(lines.contains("UPDATE route-server#1 → sdwan 10.2.0.0/16 [65515 12076 65020]"))
        #expect(lines.contains("UPDATE route-server#0 → er-gateway#0 10.1.0.0/16 [65001 65010]"))
        // Only what route exchange changes moves: no VNet prefix is re-sent.
        #expect(!lines.contains { $0.contains("10.0.0.0/16") })
        #expect(lines.allSatisfy { $0.hasPrefix("UPDATE ") || $0.hasPrefix("WITHDRAW ") })

        // Turning it off again withdraws.
        let back = try ConvergenceTrace(topology: topology, settings: topology.settings { $0.routeExchange = false },
                                        from: topology.settings { $0.routeExchange = true })
        #expect(back.events.map(back.describe).contains("WITHDRAW route-server#0 → sdwan 10.2.0.0/16"))
    }

    @Test("describe prints a session that a limit brings down")
    func describeSessionDown() throws {
        var topology = Seed.sdwanER()
        // 4,000 prefixes of its own plus its site's 10.1.0.0/16: 4,001 (R18 rev. 2; it was 1,000).
        topology.nvas[0].advertise = slash24s(4000).map { Advertisement($0) }
        let trace = try ConvergenceTrace(topology: topology, settings: Settings(of: topology))
        let lines = trace.events.map(trace.describe)
        #expect(lines.contains("SESSION DOWN route-server#0 — sdwan: advertised 4001 routes, limit 4000"))
        #expect(lines.contains("SESSION DOWN route-server#1 — sdwan: advertised 4001 routes, limit 4000"))
        #expect(trace.final.tables == compute(topology).tables)
    }

    @Test("R20: a change that only takes sessions down is steps, not 0 steps: each SESSION DOWN, then what follows")
    func sessionEventsAreSteps() throws {
        let topology = Seed.vpnER()
        let off = topology.settings { $0.vpnActiveActive = false }
        let down = try ConvergenceTrace(topology: topology, settings: off, from: Settings(of: topology))
        let lines = down.events.map(down.describe)
        #expect(lines.contains("SESSION DOWN route-server#0 — vpn-gateway#0: no peering: Azure refuses Route Server with this VPN gateway (R14)"))
        #expect(lines.contains("SESSION DOWN vpn-gateway#1 — on-prem-1: instance not provisioned"))
        #expect(lines.count == 6 && down.events.allSatisfy(\.isSessionEvent))
        expectSameTables(down.final, compute(topology, settings: off), "active/active off")
        // Back on: each session comes up as a step, then the UPDATEs it carries.
        let up = try ConvergenceTrace(topology: topology, settings: Settings(of: topology), from: off)
        let upLines = up.events.map(up.describe)
        #expect(upLines.contains("SESSION UP route-server#0 — vpn-gateway#0"))
        #expect(upLines.contains("SESSION UP vpn-gateway#1 — on-prem-1"))
        let firstMessage = try #require(up.events.firstIndex { !$0.isSessionEvent })
        #expect(up.events[..<firstMessage].count == 6)
        #expect(upLines[firstMessage...].contains { $0.hasPrefix("UPDATE vpn-gateway#1 → on-prem-1 ") })
        expectSameTables(up.final, compute(topology, settings: Settings(of: topology)), "active/active on")
        // A node down: its sessions go down, then the withdrawals follow.
        let sdwan = Seed.sdwanER(routeExchange: true)
        let nodeDown = try ConvergenceTrace(topology: sdwan, settings: sdwan.settings { $0.down = ["sdwan"] }, from: Settings(of: sdwan))
        let nodeLines = nodeDown.events.map(nodeDown.describe)
        #expect(nodeLines.prefix(3).allSatisfy { $0.hasPrefix("SESSION DOWN ") && $0.hasSuffix(": node down") })
        #expect(nodeLines.contains("WITHDRAW route-server#0 → er-gateway#0 10.1.0.0/16"))
    }

    @Test("RoutingResult.steps (JSON convergence.steps) is the number of steps a replay from nothing shows, limits included")
    func stepsCountMatchesTrace() throws {
        var limited = Seed.sdwanER()
        // Over R18's 4,000 routes per peer: the limit takes the sessions down, and those are steps too.
        limited.nvas[0].advertise = slash24s(4001).map { Advertisement($0) }
        for topology in [Seed.sdwanER(), Seed.vpnER(), Lab.allThree(), limited] {
            let trace = try ConvergenceTrace(topology: topology, settings: Settings(of: topology))
            let result = compute(topology, settings: Settings(of: topology))
            #expect(result.steps == trace.events.count, "\(topology.name)")
        }
        #expect(try ConvergenceTrace(topology: limited, settings: Settings(of: limited)).events.contains(where: \.isSessionEvent))
    }
}
