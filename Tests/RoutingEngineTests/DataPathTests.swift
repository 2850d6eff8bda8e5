import RoutingEngine
import Testing

@Suite("Data path (trace)")
struct DataPathTests {
    func hops(_ hop: DataPath.Hop) -> [String] {
        if case .forward(let next) = hop.outcome { return [hop.at] + next.flatMap(hops) }
        return [hop.at]
    }

    func outcomes(_ hop: DataPath.Hop) -> [DataPath.Outcome] {
        if case .forward(let next) = hop.outcome { return next.flatMap(outcomes) }
        return [hop.outcome]
    }

    @Test("on-prem-1 → on-prem-2 with route exchange on: NVA, the hub (Route Server is not in the path), ER gateway, both MSEEs")
    func siteToSite() throws {
        let result = compute(Seed.sdwanER(routeExchange: true))
        let path = try #require(result.dataPath(from: "on-prem-1", to: IPv4Address("10.2.1.1")!))
        #expect(path.isComplete)
        let visited = hops(path.first)
        for hop in ["on-prem-1", "sdwan", "route-server#0", "route-server#1", "hub-vnet", "er-gateway", "er-circuit#0", "er-circuit#1", "on-prem-2"] {
            #expect(visited.contains(hop), "the path skips \(hop): \(visited)")
        }
        #expect(outcomes(path.first).allSatisfy { $0 == .delivered("10.2.1.1 is in on-prem-2's network") })
        if case .forward(let next) = path.first.outcome, case .forward(let fromNVA) = next[0].outcome {
            #expect(fromNVA.count == 2, "ECMP over both Route Server next hops")
        }
    }

    @Test("with route exchange off the first hop has no route: a black hole")
    func blackHole() throws {
        let path = try #require(compute(Seed.sdwanER()).dataPath(from: "on-prem-1", to: IPv4Address("10.2.1.1")!))
        #expect(!path.isComplete)
        #expect(path.first.outcome == .blackHole("on-prem-1 has no route to 10.2.1.1"))
    }

    @Test("a VM in a spoke reaches on-prem-1 through the NVA; an address nothing announces leaves to the Internet")
    func fromVNet() throws {
        let result = compute(Seed.sdwanER())
        let path = try #require(result.dataPath(from: "spoke-1", to: IPv4Address("10.1.5.5")!))
        #expect(hops(path.first) == ["spoke-1", "sdwan", "on-prem-1"])
        #expect(path.isComplete)
        let internet = try #require(result.dataPath(from: "spoke-1", to: IPv4Address("8.8.8.8")!))
        #expect(internet.first.outcome == .internet)
        let hub = try #require(result.dataPath(from: "spoke-1", to: IPv4Address("10.0.9.9")!))
        #expect(hops(hub.first) == ["spoke-1", "hub-vnet"])
        #expect(outcomes(hub.first) == [.delivered("10.0.9.9 is in hub-vnet")])
    }

    @Test("a VPN site reaches a spoke over both active/active instances")
    func vpnToSpoke() throws {
        let path = try #require(compute(Seed.vpnER()).dataPath(from: "on-prem-1", to: IPv4Address("10.10.0.9")!))
        #expect(path.isComplete)
        #expect(hops(path.first).filter { $0.hasPrefix("vpn-gateway#") }.sorted() == ["vpn-gateway#0", "vpn-gateway#1"])
    }

    @Test("nil for a name that is neither a node nor a VNet")
    func unknown() {
        #expect(compute(Seed.sdwanER()).dataPath(from: "nowhere", to: IPv4Address("10.2.1.1")!) == nil)
    }
}

@Suite("Expectations")
struct ExpectationTests {
    @Test("route, session and effective-route facts hold or fail on the real tables")
    func facts() {
        let off = compute(Seed.sdwanER()), on = compute(Seed.sdwanER(routeExchange: true))
        let learns = Expectation.Fact.route(node: "sdwan", prefix: Prefix("10.2.0.0/16"), present: true, asPath: [65515, 12076, 65020], nextHop: nil)
        #expect(!off.check(learns).holds && on.check(learns).holds)
        let wrongPath = Expectation.Fact.route(node: "sdwan", prefix: Prefix("10.2.0.0/16"), present: true, asPath: [65515], nextHop: nil)
        #expect(!on.check(wrongPath).holds)
        #expect(off.check(.session("route-server", "er-gateway", established: true)).holds)
        #expect(!off.check(.session("route-server", "er-gateway", established: false)).holds)
        #expect(off.check(.effectiveRoute(vnet: "hub-vnet", prefix: Prefix("10.2.0.0/16"), present: true,
                                          nextHop: IPv4Address("192.168.255.6"))).holds)
        #expect(!off.check(.route(node: "nowhere", prefix: Prefix("10.2.0.0/16"), present: false, asPath: nil, nextHop: nil)).holds)
    }

    @Test("what the tables say reads right: 'originated here', never 'via local []'; one session is 'the session'")
    func wording() {
        let off = compute(Seed.sdwanER())
        let own = off.check(.route(node: "on-prem-1", prefix: Prefix("10.1.0.0/16"), present: false, asPath: nil, nextHop: nil))
        #expect(own.actual.hasPrefix("on-prem-1 has 10.1.0.0/16 originated here, next hop"))
        let learned = off.check(.route(node: "sdwan", prefix: Prefix("10.0.0.0/16"), present: false, asPath: nil, nextHop: nil))
        #expect(learned.actual.hasPrefix("sdwan has 10.0.0.0/16 via route-server [65515], next hop"))
        #expect(off.check(.session("sdwan", "on-prem-1", established: false)).actual == "the session is Established")
        #expect(off.check(.session("route-server", "sdwan", established: false)).actual == "all 2 sessions Established")
    }
}
