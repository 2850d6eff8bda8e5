import Testing
@testable import RoutingEngine

/// Route exchange (branch-to-branch): R7 off, R8 on, R9 ER↔VPN relay, R10 the returning-route filter.
@Suite("Route exchange (R7–R10)")
struct RouteExchangeTests {
    // MARK: R7

    @Test("R7: route exchange off keeps NVA and gateway routes apart")
    func R7_offKeepsThemApart() {
        let result = compute(Lab.allThree(routeExchange: false))
        // Route Server holds both sides…
        #expect(result.routes("route-server", "10.1.0.0/16").allSatisfy { $0.from == "sdwan" })
        #expect(result.has("route-server", "10.2.0.0/16") && result.has("route-server", "10.3.0.0/16"))
        // …but passes neither way.
        #expect(!result.has("sdwan", "10.2.0.0/16") && !result.has("sdwan", "10.3.0.0/16"))
        #expect(!result.has("er-gateway", "10.1.0.0/16") && !result.has("vpn-gateway", "10.1.0.0/16"))
        #expect(result.advertised("route-server", to: "er-gateway", "10.1.0.0/16").isEmpty)
        #expect(result.advertised("route-server", to: "sdwan", "10.2.0.0/16").isEmpty)
        // The ER gateway holds on-prem-2 and its own VNet routes only; the VPN gateway likewise.
        #expect(Set(result.routes(of: result.named("er-gateway")).map(\.prefix))
                == Set(["10.0.0.0/16", "10.2.0.0/16", "10.10.0.0/16", "10.20.0.0/16"].map { Prefix($0) }))
        #expect(Set(result.routes(of: result.named("vpn-gateway")).map(\.prefix))
                == Set(["10.0.0.0/16", "10.3.0.0/16", "10.10.0.0/16", "10.20.0.0/16"].map { Prefix($0) }))
        // The sites stay apart.
        #expect(!result.has("on-prem-1", "10.2.0.0/16") && !result.has("on-prem-2", "10.1.0.0/16"))
        #expect(!result.has("on-prem-3", "10.1.0.0/16"))
        // Explain names the rule at Route Server.
        #expect(result.blockers("sdwan", "10.2.0.0/16").contains { $0.rule == .r7 && $0.at.hasPrefix("route-server") })
        #expect(result.blockers("er-gateway", "10.1.0.0/16").contains { $0.rule == .r7 && $0.at.hasPrefix("route-server") })
    }

    @Test("R7: with route exchange off the sessions stay up, NVAs still learn the VNet and each other, VMs get both sets")
    func R7_offKeepsSessionsAndVMs() {
        let result = compute(Lab.allThree(routeExchange: false))
        #expect(result.sessions("route-server").allSatisfy { $0.state.isUp })
        #expect(result.sessions("route-server").count == 2 * (1 + 2 + 2))
        #expect(result.bestPaths("sdwan", "10.20.0.0/16") == [[65515], [65515]])
        for vnet in ["hub-vnet", "spoke-1", "spoke-2"] {
            #expect(result.gatewayRoute(vnet, "10.1.0.0/16")?.learnedFrom == .nva)
            #expect(result.gatewayRoute(vnet, "10.2.0.0/16")?.learnedFrom == .expressRoute)
            #expect(result.gatewayRoute(vnet, "10.3.0.0/16")?.learnedFrom == .vpn)
        }
        let nvas = compute(Lab.twoNVAs(fwAdvertises: ["10.50.0.0/16"]))
        #expect(nvas.bestPaths("sdwan", "10.50.0.0/16") == [[65515, 65002], [65515, 65002]])
    }

    // MARK: R8

    @Test("R8: route exchange on sends NVA routes to both gateways over iBGP, path unchanged, tagged 65517:65517")
    func R8_onSendsNVARoutesToGateways() {
        let result = compute(Lab.allThree(routeExchange: true))
        for gateway in ["er-gateway", "vpn-gateway"] {
            let routes = result.routes(gateway, "10.1.0.0/16")
            #expect(routes.count == 4, "\(gateway)")   // two instances × two Route Server instances
            #expect(routes.allSatisfy {
                $0.attributes.asPath == [65001, 65010] && $0.azureOrigin == .ibgp && $0.from == "route-server"
                    && $0.attributes.communities == [.routeServerTag]
            }, "\(gateway)")
        }
        // Route Server's own copy, from the NVA, carries no tag: the tag is added on the way to the gateways.
        #expect(result.routes("route-server", "10.1.0.0/16").allSatisfy { $0.attributes.communities.isEmpty })
    }

    @Test("R8: route exchange on sends gateway routes to NVAs with 65515 prepended")
    func R8_onSendsGatewayRoutesToNVAs() {
        let result = compute(Lab.allThree(routeExchange: true))
        #expect(result.bestPaths("sdwan", "10.2.0.0/16") == [[65515, 12076, 65020], [65515, 12076, 65020]])
        #expect(result.bestPaths("sdwan", "10.3.0.0/16") == [[65515, 65030], [65515, 65030]])
        #expect(result.bestPaths("on-prem-1", "10.3.0.0/16") == [[65001, 65515, 65030]])
        #expect(result.bestPaths("on-prem-3", "10.1.0.0/16") == [[65515, 65001, 65010], [65515, 65001, 65010]])
        #expect(result.bestPaths("on-prem-2", "10.1.0.0/16") == [[12076], [12076]])
    }

    // MARK: R9

    @Test("R9: Route Server relays between the ER and the VPN gateway only with route exchange on")
    func R9_erVPNRelay() {
        let off = compute(Seed.vpnER(routeExchange: false))
        #expect(!off.has("er-gateway", "10.1.0.0/16") && !off.has("vpn-gateway", "10.2.0.0/16"))
        #expect(off.blockers("er-gateway", "10.1.0.0/16").contains { $0.rule == .r9 && $0.at.hasPrefix("route-server") })
        #expect(off.blockers("vpn-gateway", "10.2.0.0/16").contains { $0.rule == .r9 })

        let on = compute(Seed.vpnER(routeExchange: true))
        #expect(on.routes("er-gateway", "10.1.0.0/16").allSatisfy {
            $0.attributes.asPath == [65010] && $0.azureOrigin == .ibgp && $0.attributes.communities == [.routeServerTag]
        })
        #expect(on.routes("er-gateway", "10.1.0.0/16").count == 4)
        #expect(on.bestPaths("vpn-gateway", "10.2.0.0/16").allSatisfy { $0 == [12076, 65020] })
        #expect(on.bestPaths("on-prem-2", "10.1.0.0/16") == [[12076], [12076]])
        #expect(on.bestPaths("on-prem-1", "10.2.0.0/16") == [[65515, 12076, 65020], [65515, 12076, 65020]])
    }

    // MARK: R10

    @Test("R10: a site prefix carrying 65517:65517 is dropped by the ER gateway")
    func R10_erGatewayDropsTaggedPaths() throws {
        var topology = Seed.sdwanER(routeExchange: true)
        topology.sites[1].prefixes.append(Advertisement(Prefix("10.22.0.0/16"), communities: [.routeServerTag]))
        let result = compute(topology)
        // The circuit carries it to the gateway…
        #expect(result.bestPaths("er-circuit", "10.22.0.0/16") == [[65020], [65020]])
        #expect(!result.advertised("er-circuit", to: "er-gateway", "10.22.0.0/16").isEmpty)
        // …which refuses it, on both instances, from both MSEEs.
        #expect(!result.has("er-gateway", "10.22.0.0/16"))
        let rejected = result.rejected("er-gateway", "10.22.0.0/16")
        #expect(rejected.count == 4)
        #expect(rejected.allSatisfy { $0.rule == .r10 && $0.from == "er-circuit" && $0.attributes.asPath == [12076, 65020] })
        #expect(!result.has("route-server", "10.22.0.0/16") && !result.has("sdwan", "10.22.0.0/16"))
        #expect(result.gatewayRoute("hub-vnet", "10.22.0.0/16") == nil)
        #expect(result.blockers("er-gateway", "10.22.0.0/16").contains { $0.rule == .r10 })
        // The untagged prefix of the same site is unaffected.
        #expect(result.routes("er-gateway", "10.2.0.0/16").filter { $0.from == "er-circuit" }.count == 4)
    }
}

extension RouteExchangeTests {
    @Test("R10: an ER gateway that does not peer with Route Server keeps a path tagged 65517:65517")
    func R10_noRouteServerNoFilter() {
        var topology = Seed.sdwanER()
        topology.routeServer = nil
        topology.nvas = []
        topology.sites[1].prefixes.append(Advertisement(Prefix("10.22.0.0/16"), communities: [.routeServerTag]))
        let result = compute(topology)
        #expect(result.rejected("er-gateway", "10.22.0.0/16").isEmpty)
        #expect(result.routes("er-gateway", "10.22.0.0/16").count == 4)
        #expect(result.gatewayRoute("hub-vnet", "10.22.0.0/16")?.nextHopIPs == [ip("192.168.255.2"), ip("192.168.255.6")])
    }
}
