import Testing
@testable import RoutingEngine

/// The rules revision 2 changed or added (R3, R5, R12, R16, R24–R26): each test asserts the tables
/// and, where the revision moved an expectation, says what revision 1 predicted.
@Suite("Rules revision 2 (R3, R5, R12, R16, R24–R26)")
struct Revision2Tests {
    static let vpnInstances = [ip("10.0.3.12"), ip("10.0.3.13")]
    static let erInstances = [ip("10.0.3.4"), ip("10.0.3.5")]

    // MARK: R3

    @Test("R3: Route Server refuses an NVA's echo of its own routes (65515 already in the path), and explain shows the refused path")
    func R3_echoRefused() throws {
        let result = compute(Seed.sdwanER(routeExchange: true))
        let explanation = try #require(result.explain(prefix: Prefix("10.2.0.0/16"), at: "route-server"))
        let echoes = explanation.rejected.filter { $0.from == "sdwan" }
        #expect(!echoes.isEmpty)
        #expect(echoes.allSatisfy { $0.rule == .r3 && $0.attributes.asPath == [65001, 65515, 12076, 65020] })
        #expect(echoes.allSatisfy { $0.reason == "AS path 65001 65515 12076 65020 contains own AS 65515" })
        // Refused paths are not candidates: Route Server still selects the gateway's path.
        #expect(explanation.candidates.filter(\.isBest).allSatisfy { $0.from == "er-gateway" })
    }

    // MARK: R5

    @Test("R5: Route Server sends the NVA its best path came from nothing for the prefix, not the other NVA's longer path")
    func R5_bestPathOnly() throws {
        // Both NVAs advertise 10.50.0.0/16; fw prepends once, so sdwan's path is Route Server's best.
        var topology = Lab.twoNVAs(fwAdvertises: ["10.50.0.0/16"], fwPrepend: 1)
        topology.nvas[0].advertise = [Advertisement(Prefix("10.50.0.0/16"))]
        let result = compute(topology)
        #expect(result.bestPaths("route-server", "10.50.0.0/16").allSatisfy { $0 == [65001] })
        // rev. 1 (a view per peer) sent sdwan fw's path 65515 65002 65002; rev. 2 sends nothing.
        #expect(result.routes("sdwan", "10.50.0.0/16").allSatisfy { $0.from == nil })
        #expect(result.advertised("route-server", to: "sdwan", "10.50.0.0/16").isEmpty)
        // fw gets the best path from both instances (and keeps its own, locally originated).
        #expect(result.routes("fw", "10.50.0.0/16").filter { $0.from == "route-server" }.map(\.attributes.asPath)
                == [[65515, 65001], [65515, 65001]])
        let blockers = result.blockers("sdwan", "10.50.0.0/16")
        #expect(blockers.contains { $0.rule == .r5 && $0.at.hasPrefix("route-server") })
    }

    @Test("R5: a peer that route exchange keeps from Route Server's best path gets nothing for the prefix")
    func R5_exchangeKeepsBestPath() {
        // 10.2.0.0/16 from ExpressRoute (best under the default preference) and from the NVA sdwan.
        var topology = Lab.twoNVAs(fwAdvertises: [])
        topology.nvas[0].advertise = [Advertisement(Prefix("10.2.0.0/16"))]
        let result = compute(topology)
        #expect(result.bestRoutes(of: result.named("route-server"), for: Prefix("10.2.0.0/16")).allSatisfy { $0.from == "er-gateway" })
        // rev. 1 gave fw sdwan's path (65515 65001); with route exchange off the best path may not go to NVAs.
        #expect(!result.has("fw", "10.2.0.0/16"))
        #expect(result.blockers("fw", "10.2.0.0/16").contains { $0.rule == .r7 })
        // With route exchange on, fw gets the best path.
        let on = compute(topology) { $0.routeExchange = true }
        #expect(on.bestPaths("fw", "10.2.0.0/16") == [[65515, 12076, 65020], [65515, 12076, 65020]])
    }

    // MARK: R10

    @Test("R10: the ER gateway drops 65517:65517 paths from the circuit only when it peers with Route Server")
    func R10_tagFilterNeedsRouteServer() {
        func erGatewayHolds(routeServer: Bool) -> Bool {
            var topology = Seed.sdwanER()
            topology.sites[1].prefixes.append(Advertisement(Prefix("10.22.0.0/16"), communities: [.routeServerTag]))
            if !routeServer { topology.routeServer = nil; topology.nvas = [] }
            return compute(topology).has("er-gateway", "10.22.0.0/16")
        }
        #expect(!erGatewayHolds(routeServer: true))
        #expect(erGatewayHolds(routeServer: false))
    }

    // MARK: R12

    @Test("R12: the MSEE keeps private ASNs when the path holds the receiving site's own ASN, so the site drops it (R3)")
    func R12_removePrivateKeepsOwnASN() throws {
        // on-prem-2 (behind ExpressRoute) uses on-prem-1's ASN 65010; route exchange on.
        var topology = Seed.sdwanER(routeExchange: true)
        topology.sites[1].asn = 65010
        let result = compute(topology)
        #expect(!result.has("on-prem-2", "10.1.0.0/16"))
        let refused = try #require(result.rejected("on-prem-2", "10.1.0.0/16").first)
        #expect(refused.rule == .r3 && refused.attributes.asPath == [12076, 65515, 65001, 65010])
        // And the other way: on-prem-1 drops on-prem-2's prefix.
        #expect(!result.has("on-prem-1", "10.2.0.0/16"))
        #expect(result.rejected("on-prem-1", "10.2.0.0/16").map(\.rule) == [.r3])
        // With distinct ASNs the private path is removed as before: on-prem-2 sees just 12076.
        #expect(compute(Seed.sdwanER(routeExchange: true)).bestPaths("on-prem-2", "10.1.0.0/16") == [[12076], [12076]])
    }

    // MARK: R16

    @Test("R16: Route Server and the VMs decide with one function: at equal AS-path length ExpressRoute, then VPN, then NVA")
    func R16_oneDecision() {
        // ASPath preference; ExpressRoute 12076 65020 against the NVA's 65001 65001 (one prepend).
        var topology = Seed.sdwanER(routeExchange: true)
        topology.routeServer!.hubRoutingPreference = .asPath
        topology.nvas[0].advertise = [Advertisement(Prefix("10.2.0.0/16"))]
        topology.nvas[0].asPathPrepend = 1
        topology.nvas.append(Lab.nva("fw", asn: 65002, ip: "10.0.2.5"))
        let result = compute(topology)
        let best = result.bestRoutes(of: result.named("route-server"), for: Prefix("10.2.0.0/16"))
        #expect(!best.isEmpty && best.allSatisfy { $0.from == "er-gateway" })
        let nvaPath = result.routes("route-server", "10.2.0.0/16").filter { $0.from == "sdwan" }
        #expect(!nvaPath.isEmpty && nvaPath.allSatisfy { $0.lostAt == .sourceKind })
        // What Route Server passes on and what VMs get agree (rev. 1: Route Server passed the NVA's path,
        // eBGP over iBGP, while VMs got ExpressRoute).
        #expect(result.bestPaths("fw", "10.2.0.0/16") == [[65515, 12076, 65020], [65515, 12076, 65020]])
        #expect(result.gatewayRoute("hub-vnet", "10.2.0.0/16")?.learnedFrom == .expressRoute)
        // The function itself: VPN beats an NVA at equal length, any preference that ranks them equal.
        let decision = HubDecision(preference: .asPath)
        #expect(decision.decide((.vpn, 2), (.nva, 2))?.step == .sourceKind)
        #expect(decision.decide((.vpn, 2), (.nva, 2))?.firstWins == true)
        #expect(decision.decide((.nva, 1), (.expressRoute, 2))?.step == .asPathLength)
        #expect(decision.decide((.nva, 1), (.expressRoute, 2))?.firstWins == true)
        #expect(HubDecision(preference: .expressRoute).decide((.nva, 1), (.expressRoute, 3))?.step == .hubRoutingPreference)
        #expect(decision.decide((.nva, 2), (.nva, 2)) == nil)
    }

    // MARK: R24

    /// All three kinds of element; the SD-WAN NVA advertises 0.0.0.0/0 and 10.0.0.0/8 (overlaps the hub).
    static func nvaDefaultRoute() -> Topology {
        var topology = Lab.allThree(routeExchange: true)
        topology.nvas[0].advertise = [Advertisement(.defaultRoute), Advertisement(Prefix("10.0.0.0/8"))]
        return topology
    }

    @Test("R24: an NVA's default route reaches the ExpressRoute site but not the VPN branch; nor does a route overlapping a VNet prefix")
    func R24_vpnGatewayKeepsDefaultRoute() throws {
        let result = compute(Self.nvaDefaultRoute())
        // The VPN gateway holds both (from Route Server) but advertises neither to its site.
        #expect(result.has("vpn-gateway", "0.0.0.0/0") && result.has("vpn-gateway", "10.0.0.0/8"))
        #expect(!result.has("on-prem-3", "0.0.0.0/0") && !result.has("on-prem-3", "10.0.0.0/8"))
        #expect(result.advertised("vpn-gateway", to: "on-prem-3", "0.0.0.0/0").isEmpty)
        // rev. 1 passed both on. The ExpressRoute site gets them.
        #expect(result.bestPaths("on-prem-2", "0.0.0.0/0") == [[12076], [12076]])
        #expect(result.has("on-prem-2", "10.0.0.0/8"))
        // The VNet itself and other routes still reach the branch.
        #expect(result.has("on-prem-3", "10.0.0.0/16") && result.has("on-prem-3", "10.2.0.0/16"))
        let explanation = try #require(result.explain(prefix: .defaultRoute, at: "on-prem-3"))
        #expect(explanation.candidates.isEmpty)
        #expect(explanation.blockers.contains {
            $0.rule == .r24 && $0.at.hasPrefix("vpn-gateway") && $0.reason == "a VPN gateway never advertises 0.0.0.0/0 to its BGP peers"
        })
        #expect(result.blockers("on-prem-3", "10.0.0.0/8").contains {
            $0.rule == .r24 && $0.reason == "a VPN gateway does not advertise a route that overlaps a virtual network prefix"
        })
    }

    // MARK: R25

    /// The seed's VPN + ExpressRoute hub without Route Server.
    static func gatewaysWithoutRouteServer() -> Topology {
        var topology = Seed.vpnER()
        topology.routeServer = nil
        return topology
    }

    @Test("R25: ER and VPN gateways without Route Server peer over iBGP: the ER gateway learns the VPN sites, the VPN gateway only the VNet ranges, no transit")
    func R25_gatewaysWithoutRouteServerPeer() {
        let result = compute(Self.gatewaysWithoutRouteServer())
        let pairs = result.sessions("er-gateway").filter { result.network.kind(of: $0.b) == .vpnGateway }
        #expect(pairs.count == 4 && pairs.allSatisfy { $0.type == .ibgp && $0.state.isUp })
        // ER gateway: the VPN site's prefix, IBgp, weight 32768, path as the site sent it, next hops the VPN instances.
        let fromVPN = result.routes("er-gateway", "10.1.0.0/16")
        #expect(fromVPN.count == 4)
        #expect(fromVPN.allSatisfy { $0.from == "vpn-gateway" && $0.azureOrigin == .ibgp && $0.weight == 32768 })
        #expect(fromVPN.allSatisfy { $0.attributes.asPath == [65010] })
        #expect(Set(fromVPN.map(\.attributes.nextHop)) == Set(Self.vpnInstances))
        // VPN gateway: from the ER gateway only the VNet ranges, IBgp, empty path, weight 32769.
        for vnet in ["10.0.0.0/16", "10.10.0.0/16"] {
            let fromER = result.routes("vpn-gateway", vnet).filter { $0.from == "er-gateway" }
            #expect(fromER.count == 4, "\(vnet)")
            #expect(fromER.allSatisfy { $0.azureOrigin == .ibgp && $0.weight == 32769 && $0.attributes.asPath.isEmpty })
        }
        #expect(!result.has("vpn-gateway", "10.2.0.0/16"))
        #expect(result.blockers("vpn-gateway", "10.2.0.0/16").contains { $0.rule == .r25 })
        // VMs get both sites from their own gateways.
        #expect(result.gatewayRoute("hub-vnet", "10.1.0.0/16")?.nextHopIPs == Self.vpnInstances)
        #expect(result.gatewayRoute("hub-vnet", "10.2.0.0/16")?.learnedFrom == .expressRoute)
        // No transit either way.
        #expect(!result.has("on-prem-2", "10.1.0.0/16") && !result.has("on-prem-1", "10.2.0.0/16"))
        #expect(result.blockers("on-prem-2", "10.1.0.0/16").contains { $0.rule == .r25 && $0.at.hasPrefix("er-gateway") })
        // Both sites still reach the VNet.
        #expect(result.bestPaths("on-prem-2", "10.0.0.0/16") == [[12076], [12076]])
        #expect(result.bestPaths("on-prem-1", "10.0.0.0/16") == [[65515], [65515]])
    }

    // MARK: R26

    @Test("R26: Route Server reflects one ER gateway instance's circuit paths to the other: IBgp, weight 32768, once per Route Server instance, never selected")
    func R26_instanceReflection() {
        let result = compute(Seed.sdwanER())
        let reflected = result.routes("er-gateway", "10.2.0.0/16").filter { $0.from == "route-server" }
        #expect(reflected.count == 2)
        #expect(Set(reflected.map(\.fromInstance)) == [0, 1])
        #expect(Set(reflected.map(\.neighborAddress)) == [ip("10.0.1.4"), ip("10.0.1.5")])
        #expect(reflected.allSatisfy {
            $0.azureOrigin == .ibgp && $0.weight == 32768 && $0.attributes.asPath == [12076, 65020] && !$0.isSelected
                && $0.lostAt == .weight
        })
        // Only the instance whose path was not Route Server's best gets it, with its twin's address as next hop.
        #expect(Set(reflected.map(\.instance)) == [1])
        #expect(reflected.allSatisfy { $0.attributes.nextHop == Self.erInstances[0] })
        // Harmless: VMs still go to the MSEEs, the site still sees the hub once per link.
        #expect(result.gatewayRoute("hub-vnet", "10.2.0.0/16")?.nextHopIPs == [ip("192.168.255.2"), ip("192.168.255.6")])
        #expect(result.bestPaths("on-prem-2", "10.0.0.0/16") == [[12076], [12076]])
    }
}
