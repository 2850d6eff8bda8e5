import Testing
@testable import RoutingEngine

/// R17: the documented best-path order, each step deciding with its name, and multipath.
/// Unit tests on `BestPath.standard` from on-prem-2's point of view: it hears the same prefixes from
/// MSEE #0 (router ID 192.168.255.2) and MSEE #1 (192.168.255.6). In each test the path that every
/// later step would reject wins by the step under test, so the test fails if that step is skipped.
@Suite("BGP best-path selection (R17)")
struct BestPathTests {
    let network: Network
    let site: SpeakerID
    let msee0: SpeakerID
    let msee1: SpeakerID
    let session0: SessionID
    let session1: SessionID

    init() throws {
        let topology = Seed.sdwanER()
        var network = try Network(topology: topology, settings: Settings(of: topology))
        let site = network.node(named: "on-prem-2")!.speakers[0]
        let msee = network.node(named: "er-circuit")!.speakers
        let link0 = try #require(network.sessions.first { $0.a == msee[0] && $0.b == site })
        let link1 = try #require(network.sessions.first { $0.a == msee[1] && $0.b == site })
        // A second link between MSEE #0 and the site, for the last tie-breaker (same router, two neighbours).
        network.sessions.append(Session(id: network.sessions.count, a: msee[0], b: site, type: .ebgp,
                                        addressOfA: ip("192.168.255.10"), addressOfB: ip("192.168.255.9"),
                                        state: .established, warning: nil, downRule: nil,
                                        limitFromA: nil, limitFromB: link0.limit(from: site)))
        self.network = network
        self.site = site
        msee0 = msee[0]
        msee1 = msee[1]
        session0 = link0.id
        session1 = link1.id
    }

    var context: SelectionContext { SelectionContext(network: network, speaker: site, preference: .expressRoute) }

    /// A path heard from MSEE #0 (`first: true`) or #1, on their usual sessions.
    func path(_ asPath: [UInt32], first: Bool, weight: UInt32 = 0, localPreference: UInt32 = 100,
              origin: BGPOrigin = .igp, med: UInt32 = 0, ibgp: Bool = false) -> Candidate {
        Candidate(attributes: PathAttributes(asPath: asPath, origin: origin, nextHop: first ? ip("192.168.255.2") : ip("192.168.255.6"),
                                             med: med),
                  source: .session(first ? session0 : session1), peer: first ? msee0 : msee1, ibgp: ibgp,
                  weight: weight, localPreference: localPreference, origination: nil, lostAt: nil)
    }

    /// Runs the selection; returns the winner's peer, how many are selected and the step that decided.
    func select(_ candidates: [Candidate]) -> (winner: SpeakerID?, selected: Int, reason: DecisionStep?, sorted: [Candidate]) {
        var sorted = candidates
        let (selected, reason) = BestPath.standard.select(&sorted, context)
        return (sorted.first?.peer, selected, reason, sorted)
    }

    @Test("R17: the order is weight, local preference, locally originated, AS path, origin, MED, eBGP over iBGP, router ID, neighbor address")
    func R17_order() {
        #expect(BestPath.standard.steps.map(\.step) == [.weight, .localPreference, .locallyOriginated, .asPathLength, .origin,
                                                         .med, .ebgpOverIbgp, .routerID, .neighborAddress])
        #expect(BestPath.standard.steps.map(\.step.rawValue) == ["weight", "local preference", "locally originated", "AS path",
                                                                  "origin", "MED", "eBGP over iBGP", "router ID", "neighbor address"])
        #expect(BestPath.process(for: .site).steps.map(\.step) == BestPath.standard.steps.map(\.step))
        #expect(BestPath.process(for: .expressRouteGateway).steps.map(\.step) == BestPath.standard.steps.map(\.step))
        #expect(BestPath.process(for: .routeServer).steps.map(\.step).contains(.hubRoutingPreference))
    }

    @Test("R17: weight decides first")
    func R17_weight() {
        // #1 has a longer path and a higher router ID, yet wins on weight.
        let outcome = select([path([12076], first: true), path([12076, 65515, 65001], first: false, weight: 1)])
        #expect(outcome.winner == msee1 && outcome.reason == .weight && outcome.selected == 1)
        #expect(outcome.sorted[1].lostAt == .weight)
    }

    @Test("R17: local preference decides when weights are equal")
    func R17_localPreference() {
        let outcome = select([path([12076], first: true, weight: 5),
                              path([12076, 65515, 65001], first: false, weight: 5, localPreference: 200)])
        #expect(outcome.winner == msee1 && outcome.reason == .localPreference)
    }

    @Test("R17: a locally originated path beats a learned one with equal weight and local preference")
    func R17_locallyOriginated() {
        let local = Candidate(attributes: PathAttributes(asPath: [], nextHop: ip("0.0.0.0")), source: .local(0), peer: nil,
                              ibgp: false, weight: 32768, localPreference: 100, origination: .configured, lostAt: nil)
        let learned = path([], first: true, weight: 32768, ibgp: true)
        let outcome = select([learned, local])
        #expect(outcome.winner == nil && outcome.reason == .locallyOriginated)
        #expect(outcome.sorted[0].source == .local(0))
    }

    @Test("R17: locally originated decides end to end: a VPN instance prefers its static route over its twin's copy")
    func R17_locallyOriginatedEndToEnd() {
        var topology = Seed.vpnER()
        topology.vpnGateway!.connections = [VPNConnection(site: "on-prem-1", bgp: false)]
        let routes = compute(topology).routes("vpn-gateway", "10.1.0.0/16")
        #expect(routes.filter(\.isBest).allSatisfy { $0.from == nil && $0.reason == .locallyOriginated })
        // The twin's copies, and Route Server's reflections of them (R26), all lose at the same step.
        #expect(routes.filter { !$0.isBest }.allSatisfy { $0.from != nil && $0.lostAt == .locallyOriginated })
        #expect(routes.filter { !$0.isBest && $0.from == "vpn-gateway" }.count == 2)
    }

    @Test("R17: the shorter AS path decides next")
    func R17_asPathLength() {
        let outcome = select([path([12076, 65515, 65001], first: true), path([12076, 65515], first: false, origin: .incomplete)])
        #expect(outcome.winner == msee1 && outcome.reason == .asPathLength)
    }

    @Test("R17: origin decides next: IGP before EGP before incomplete")
    func R17_origin() {
        let outcome = select([path([12076, 1], first: true, origin: .egp), path([12076, 2], first: false, origin: .igp, med: 99)])
        #expect(outcome.winner == msee1 && outcome.reason == .origin)
        let egp = select([path([12076, 1], first: true, origin: .incomplete), path([12076, 2], first: false, origin: .egp)])
        #expect(egp.winner == msee1 && egp.reason == .origin)
    }

    @Test("R17: MED decides only between paths from the same neighbour AS")
    func R17_med() {
        let same = select([path([12076, 1], first: true, med: 50), path([12076, 2], first: false, med: 10, ibgp: true)])
        #expect(same.winner == msee1 && same.reason == .med)
        // Different neighbour ASes: MED is skipped, the router ID decides.
        let different = select([path([100, 1], first: true, med: 50), path([200, 1], first: false, med: 10)])
        #expect(different.winner == msee0 && different.reason == .routerID)
    }

    @Test("R17: eBGP is preferred over iBGP")
    func R17_ebgpOverIbgp() {
        let outcome = select([path([12076, 1], first: true, ibgp: true), path([12076, 2], first: false)])
        #expect(outcome.winner == msee1 && outcome.reason == .ebgpOverIbgp)
    }

    @Test("R17: then the lowest router ID")
    func R17_routerID() {
        let outcome = select([path([12076, 2], first: false), path([12076, 1], first: true)])
        #expect(outcome.winner == msee0 && outcome.reason == .routerID && outcome.selected == 1)
    }

    @Test("R17: then the lowest neighbour address (the same router over two links)")
    func R17_neighborAddress() {
        var viaSecondLink = path([12076, 2], first: true)
        viaSecondLink.source = .session(network.sessions.count - 1)
        // Same router (MSEE #0), so the router ID cannot tell; the usual link's .2 is lower than .10.
        let outcome = select([viaSecondLink, path([12076, 1], first: true)])
        #expect(outcome.reason == .neighborAddress)
        #expect(outcome.sorted[0].source == .session(session0))
        #expect(BestPath.standard.decide(viaSecondLink, path([12076, 1], first: true), context)?.step == .neighborAddress)
    }

    @Test("R17: equal down to eBGP over iBGP with the same AS path is multipath (=); a different path of equal length is not")
    func R17_multipath() {
        let equal = select([path([12076, 65020], first: false), path([12076, 65020], first: true)])
        #expect(equal.selected == 2 && equal.reason == .multipath && equal.winner == msee0)
        let differentPath = select([path([12076, 65020], first: false), path([12076, 65030], first: true)])
        #expect(differentPath.selected == 1 && differentPath.reason == .routerID)
        let ibgpSibling = select([path([12076, 65020], first: false, ibgp: true), path([12076, 65020], first: true)])
        #expect(ibgpSibling.selected == 1 && ibgpSibling.reason == .ebgpOverIbgp)
        let differentMED = select([path([12076, 65020], first: false, med: 5), path([12076, 65020], first: true, med: 7)])
        #expect(differentMED.selected == 1 && differentMED.reason == .med && differentMED.winner == msee1)
        #expect(select([path([12076], first: true)]).reason == .onlyPath)
    }

    @Test("R17: decisions show in the tables: the ER gateway prefers the circuit (32769) over Route Server's copy (32768)")
    func R17_weightEndToEnd() {
        var topology = Seed.sdwanER(routeExchange: true)
        topology.nvas[0].advertise = [Advertisement(Prefix("10.2.0.0/16"))]
        // Route Server passes on only its best path (R5 rev. 2): VpnGateway makes that the NVA's.
        topology.routeServer!.hubRoutingPreference = .vpnGateway
        let routes = compute(topology).routes("er-gateway", "10.2.0.0/16")
        #expect(routes.filter(\.isSelected).allSatisfy { $0.from == "er-circuit" && $0.reason == .multipath })
        let fromRouteServer = routes.filter { $0.from == "route-server" }
        #expect(!fromRouteServer.isEmpty)
        // Shorter AS path (65001) but lower weight: weight decides.
        #expect(fromRouteServer.allSatisfy { $0.attributes.asPath == [65001] && !$0.isSelected && $0.lostAt == .weight })
    }

    @Test("R17: the SD-WAN NVA picks its site's shorter path over Route Server's and says so")
    func R17_asPathEndToEnd() {
        // 10.50.0.0/16 from fw (through Route Server) and from on-prem-1 (behind the SD-WAN NVA).
        var topology = Lab.twoNVAs(fwAdvertises: ["10.50.0.0/16"])
        topology.sites[0].prefixes.append(Advertisement(Prefix("10.50.0.0/16")))
        let result = compute(topology)
        // sdwan: its site's 65010 (one hop) beats Route Server's 65515 65002 (two hops), twice.
        let routes = result.routes("sdwan", "10.50.0.0/16")
        #expect(routes.first?.from == "on-prem-1" && routes.first?.reason == .asPathLength)
        #expect(routes.dropFirst().allSatisfy { $0.lostAt == .asPathLength && $0.from == "route-server" })
    }
}
