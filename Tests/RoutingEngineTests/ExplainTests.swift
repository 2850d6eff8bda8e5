import Testing
@testable import RoutingEngine

/// Why a route is where it is, or is not.
@Suite("Explain")
struct ExplainTests {
    @Test("R7: explain for (sdwan, 10.2.0.0/16) with route exchange off names R7 at route-server")
    func R7_routeExchangeOff() throws {
        let result = compute(Seed.sdwanER(routeExchange: false))
        let explanation = try #require(result.explain(prefix: Prefix("10.2.0.0/16"), at: "sdwan"))
        #expect(explanation.candidates.isEmpty && explanation.rejected.isEmpty)
        #expect(explanation.originators == ["on-prem-2"])
        #expect(Set(explanation.blockers.map(\.at)) == ["route-server#0", "route-server#1"])
        #expect(explanation.blockers.allSatisfy { $0.rule == .r7 && $0.towards == "sdwan" })
        #expect(explanation.blockers.allSatisfy { $0.reason.contains("route exchange is off") })
        #expect(Rule.r7.citation == "R7 [doc]")
        // With route exchange on, the same question lists the two paths and nothing in the way.
        let on = try #require(compute(Seed.sdwanER(routeExchange: true)).explain(prefix: Prefix("10.2.0.0/16"), at: "sdwan"))
        #expect(on.candidates.count == 2 && on.blockers.isEmpty)
        #expect(on.candidates.first?.reason == .multipath)
    }

    @Test("R3: explain for a site sharing an ASN names R3")
    func R3_sharedASN() throws {
        let result = compute(LoopPreventionTests.twoBranches(branchSiteASN: 65010))
        let explanation = try #require(result.explain(prefix: Prefix("10.1.0.0/16"), at: "on-prem-3"))
        #expect(explanation.candidates.isEmpty)
        #expect(explanation.rejected.map(\.rule) == [.r3])
        #expect(explanation.rejected.first?.attributes.asPath == [65002, 65515, 65001, 65010])
        #expect(explanation.blockers.contains { $0.rule == .r3 && $0.at == "branch" && $0.towards == "on-prem-3" })
        #expect(explanation.originators == ["on-prem-1"])
    }

    @Test("R20: explain for a route behind a down session gives the reason")
    func R20_downSession() throws {
        let topology = Seed.sdwanER()
        let result = compute(topology, settings: topology.settings { $0.down = ["er-circuit--on-prem-2"] })
        let explanation = try #require(result.explain(prefix: Prefix("10.0.0.0/16"), at: "on-prem-2"))
        #expect(explanation.candidates.isEmpty)
        #expect(explanation.blockers.count == 2)
        #expect(explanation.blockers.allSatisfy {
            $0.rule == .r20 && $0.reason == "the session is taken down (down: er-circuit--on-prem-2)" && $0.towards == "on-prem-2"
        })
        #expect(Set(explanation.blockers.map(\.at)) == ["er-circuit#0", "er-circuit#1"])
    }

    @Test("R18: explain for a route behind a session a limit dropped gives the limit")
    func R18_limitSession() throws {
        var topology = Seed.sdwanER()
        // 4,000 prefixes of its own plus its site's 10.1.0.0/16: 4,001 (R18 rev. 2; it was 1,000).
        topology.nvas[0].advertise = slash24s(4000).map { Advertisement($0) }
        let result = compute(topology)
        let explanation = try #require(result.explain(prefix: Prefix("10.0.0.0/16"), at: "sdwan"))
        #expect(explanation.candidates.isEmpty)
        #expect(!explanation.blockers.isEmpty)
        #expect(explanation.blockers.allSatisfy {
            $0.rule == .r18 && $0.reason == "the session is down: advertised 4001 routes, limit 4000"
        })
    }

    @Test("R14: explain at the ER gateway for a VPN site behind a single-instance gateway names R14")
    func R14_notActiveActive() throws {
        let topology = Seed.vpnER(routeExchange: true, activeActive: false)
        let explanation = try #require(compute(topology).explain(prefix: Prefix("10.1.0.0/16"), at: "er-gateway"))
        #expect(explanation.candidates.isEmpty)
        // rev. 2: no session to stop at (Azure refuses the peering); the VPN gateway's warning says why.
        #expect(explanation.blockers.isEmpty)
        #expect(explanation.warnings.map(\.rule) == [.r14] && explanation.warnings.first?.node == "vpn-gateway")
    }

    @Test("explain for an unknown node is nil; for an unknown prefix it is empty")
    func unknowns() throws {
        let result = compute(Seed.sdwanER())
        #expect(result.explain(prefix: Prefix("10.2.0.0/16"), at: "nowhere") == nil)
        let nothing = try #require(result.explain(prefix: Prefix("192.0.2.0/24"), at: "sdwan"))
        #expect(nothing.candidates.isEmpty && nothing.blockers.isEmpty && nothing.originators.isEmpty)
    }
}
