import Testing
@testable import RoutingEngine

/// R3: AS-path loop prevention on eBGP, not on iBGP.
@Suite("AS-path loop prevention (R3)")
struct LoopPreventionTests {
    /// The SD-WAN seed plus a branch NVA (AS 65002) with its own site on-prem-3 (10.3.0.0/16).
    static func twoBranches(branchSiteASN: UInt32) -> Topology {
        var topology = Seed.sdwanER()
        topology.nvas.append(Lab.nva("branch", asn: 65002, ip: "10.0.2.6", site: "on-prem-3"))
        topology.sites.append(Lab.site("on-prem-3", asn: branchSiteASN, ["10.3.0.0/16"]))
        return topology
    }

    @Test("R3: two sites sharing an ASN do not learn each other's routes")
    func R3_sitesSharingAnASN() throws {
        let result = compute(Self.twoBranches(branchSiteASN: 65010))
        #expect(!result.has("on-prem-3", "10.1.0.0/16"))
        #expect(!result.has("on-prem-1", "10.3.0.0/16"))
        let rejected = try #require(result.rejected("on-prem-3", "10.1.0.0/16").first)
        #expect(rejected.rule == .r3)
        #expect(rejected.from == "branch")
        #expect(rejected.attributes.asPath == [65002, 65515, 65001, 65010])
        #expect(rejected.reason.contains("65010"))
        #expect(result.rejected("on-prem-1", "10.3.0.0/16").map(\.rule) == [.r3])
        // The NVAs in between still carry the routes, and both sites still reach the VNet.
        #expect(result.bestPaths("branch", "10.1.0.0/16") == [[65515, 65001, 65010], [65515, 65001, 65010]])
        #expect(result.has("on-prem-3", "10.0.0.0/16") && result.has("on-prem-1", "10.0.0.0/16"))
    }

    @Test("R3: with distinct ASNs the same two sites learn each other")
    func R3_sitesWithDistinctASNs() {
        let result = compute(Self.twoBranches(branchSiteASN: 65030))
        #expect(result.bestPaths("on-prem-3", "10.1.0.0/16") == [[65002, 65515, 65001, 65010]])
        #expect(result.bestPaths("on-prem-1", "10.3.0.0/16") == [[65001, 65515, 65002, 65030]])
        #expect(result.rejected(at: result.named("on-prem-3")).isEmpty)
    }

    @Test("R3: two NVAs sharing an ASN do not learn each other's routes through Route Server")
    func R3_nvasSharingAnASN() {
        let result = compute(Lab.twoNVAs(fwASN: 65001, fwAdvertises: ["10.50.0.0/16"]))
        #expect(!result.has("sdwan", "10.50.0.0/16"))
        #expect(!result.has("fw", "10.1.0.0/16"))
        #expect(result.rejected("sdwan", "10.50.0.0/16").map(\.rule) == [.r3, .r3])
        #expect(result.rejected("fw", "10.1.0.0/16").allSatisfy { $0.rule == .r3 && $0.attributes.asPath == [65515, 65001, 65010] })
        // Route Server itself holds both.
        #expect(result.has("route-server", "10.50.0.0/16") && result.has("route-server", "10.1.0.0/16"))
    }

    @Test("R3: Route Server drops what an NVA reflects back with 65515 in the path")
    func R3_routeServerDropsItsOwnASN() {
        let result = compute(Seed.sdwanER())
        // sdwan hears the hub from route-server#0 and passes it to route-server#1 as 65001 65515.
        let rejected = result.rejected("route-server", "10.0.0.0/16")
        #expect(!rejected.isEmpty)
        #expect(rejected.allSatisfy { $0.rule == .r3 && $0.from == "sdwan" && $0.attributes.asPath.contains(65515) })
        #expect(result.routes("route-server", "10.0.0.0/16").allSatisfy { $0.from == nil })
    }

    @Test("R3: not applied on iBGP: a path holding the receiver's own ASN is accepted over iBGP, refused over eBGP")
    func R3_notAppliedOnIBGP() throws {
        let network = try Network(topology: Seed.vpnER(), settings: Settings(of: Seed.vpnER()))
        let vpn = network.node(named: "vpn-gateway")!.speakers
        let site = network.node(named: "on-prem-1")!.speakers[0]
        let policy = ImportPolicy(network: network)
        let path = PathAttributes(asPath: [65010, 65515, 65020], nextHop: ip("192.168.1.1"))

        let ibgp = try #require(network.sessions.first { Set([$0.a, $0.b]) == Set(vpn) })
        #expect(ibgp.type == .ibgp)
        guard case .accept(let candidate) = policy.verdict(for: path, at: vpn[1], from: vpn[0], over: ibgp) else {
            Issue.record("iBGP path holding 65515 was refused")
            return
        }
        #expect(candidate.attributes.asPath == [65010, 65515, 65020] && candidate.ibgp)

        let ebgp = try #require(network.sessions.first { $0.a == vpn[1] && $0.b == site })
        #expect(ebgp.type == .ebgp)
        guard case .reject(let rule, let reason) = policy.verdict(for: path, at: vpn[1], from: site, over: ebgp) else {
            Issue.record("eBGP path holding 65515 was accepted")
            return
        }
        #expect(rule == .r3)
        #expect(reason.contains("65515"))
    }
}
