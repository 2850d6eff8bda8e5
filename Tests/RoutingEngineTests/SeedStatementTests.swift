import Testing
import RoutingEngine

/// The seed document's own statements, the first thing the engine must get right.
@Suite("The seed's statements")
struct SeedStatementTests {
    @Test("R8: with route exchange on, the SD-WAN NVA learns on-prem-2 as 65515 12076 65020 from both Route Server instances")
    func R8_sdwanLearnsOnPrem2() {
        let result = compute(Seed.sdwanER(routeExchange: true))
        let routes = result.routes("sdwan", "10.2.0.0/16")
        #expect(routes.count == 2)
        #expect(routes.allSatisfy { $0.attributes.asPath == [65515, 12076, 65020] })
        #expect(Set(routes.map(\.attributes.nextHop)) == [IPv4Address("10.0.1.4")!, IPv4Address("10.0.1.5")!])
        #expect(routes.allSatisfy { $0.isSelected })
        #expect(routes[0].isBest && routes[0].reason == .multipath)
    }

    @Test("R8: with route exchange on, the ER gateway learns on-prem-1 as 65001 65010, Origin IBgp")
    func R8_erGatewayLearnsOnPrem1() {
        let result = compute(Seed.sdwanER(routeExchange: true))
        let routes = result.routes("er-gateway", "10.1.0.0/16")
        #expect(!routes.isEmpty)
        #expect(routes.allSatisfy { $0.attributes.asPath == [65001, 65010] && $0.azureOrigin == .ibgp })
        #expect(routes.allSatisfy { $0.weight == 32768 && $0.attributes.nextHop == IPv4Address("10.0.2.4")! })
        #expect(routes.allSatisfy { $0.attributes.communities.contains(.routeServerTag) })
    }

    @Test("R7: with route exchange off, neither learns the other's site")
    func R7_routeExchangeOff() {
        let result = compute(Seed.sdwanER(routeExchange: false))
        #expect(!result.has("sdwan", "10.2.0.0/16"))
        #expect(!result.has("er-gateway", "10.1.0.0/16"))
        #expect(!result.has("on-prem-1", "10.2.0.0/16"))
        #expect(!result.has("on-prem-2", "10.1.0.0/16"))
        // Both still learn the VNet, and the sessions stay up [inf].
        #expect(result.bestPaths("sdwan", "10.0.0.0/16") == [[65515], [65515]])
        #expect(result.bestPaths("on-prem-2", "10.0.0.0/16").first == [12076])
        #expect(result.session("route-server", "er-gateway").allSatisfy { $0.state.isUp })
    }

    @Test("R8/R12: on-prem sites learn each other with route exchange on")
    func R8_R12_sitesLearnEachOther() {
        let result = compute(Seed.sdwanER(routeExchange: true))
        #expect(result.bestPaths("on-prem-2", "10.1.0.0/16").first == [12076])
        #expect(result.bestPaths("on-prem-1", "10.2.0.0/16").first == [65001, 65515, 12076, 65020])
    }

    @Test("R9/R14: in the VPN variant the sites learn each other only with route exchange on and active/active")
    func R9_R14_vpnVariant() {
        for exchange in [false, true] {
            for activeActive in [false, true] {
                let result = compute(Seed.vpnER(routeExchange: exchange, activeActive: activeActive))
                let learn = exchange && activeActive
                #expect(result.has("on-prem-1", "10.2.0.0/16") == learn, "exchange \(exchange) a/a \(activeActive)")
                #expect(result.has("on-prem-2", "10.1.0.0/16") == learn, "exchange \(exchange) a/a \(activeActive)")
                // The VPN site always reaches the VNet.
                #expect(result.has("on-prem-1", "10.0.0.0/16"))
            }
        }
    }
}
