import Testing
@testable import RoutingEngine

/// R1 (Azure originates the VNet) and R2 (eBGP prepends, iBGP keeps the path).
@Suite("Origination and propagation (R1, R2)")
struct OriginationTests {
    static let vnetPrefixes = ["10.0.0.0/16", "10.10.0.0/16", "10.20.0.0/16"]

    @Test("R1: Route Server, the ER gateway and the VPN gateway originate the hub and every spoke, Origin Network, empty AS path")
    func R1_azureOriginatesVNet() {
        let result = compute(Lab.allThree())
        for node in ["route-server", "er-gateway", "vpn-gateway"] {
            for prefix in Self.vnetPrefixes {
                let routes = result.routes(node, prefix)
                // One local path per instance, and nothing learned: Azure elements never send each other the VNet.
                #expect(routes.count == 2, "\(node) \(prefix)")
                #expect(routes.allSatisfy { $0.from == nil && $0.attributes.asPath.isEmpty && $0.azureOrigin == .network },
                        "\(node) \(prefix)")
                #expect(routes.allSatisfy { $0.isBest && $0.weight == 32768 }, "\(node) \(prefix)")
                #expect(Set(routes.map(\.instance)) == [0, 1])
            }
        }
        for prefix in Self.vnetPrefixes {
            let explanation = result.explain(prefix: Prefix(prefix), at: "on-prem-1")!
            #expect(explanation.originators == ["route-server", "er-gateway", "vpn-gateway"])
        }
    }

    @Test("R1: Azure elements do not advertise the VNet to each other, only to their other peers")
    func R1_vnetNotExchangedInsideAzure() {
        let result = compute(Lab.allThree(routeExchange: true))
        for prefix in Self.vnetPrefixes {
            #expect(result.advertised("route-server", to: "er-gateway", prefix).isEmpty)
            #expect(result.advertised("route-server", to: "vpn-gateway", prefix).isEmpty)
            #expect(result.advertised("er-gateway", to: "route-server", prefix).isEmpty)
            #expect(result.advertised("vpn-gateway", to: "route-server", prefix).isEmpty)
            // …but every outside peer gets it, with 65515 as the whole path.
            #expect(result.advertised("route-server", to: "sdwan", prefix).map(\.attributes.asPath) == [[65515], [65515]])
            #expect(result.advertised("er-gateway", to: "er-circuit", prefix).count == 4)
            #expect(result.advertised("er-gateway", to: "er-circuit", prefix).allSatisfy { $0.attributes.asPath == [65515] })
            #expect(result.advertised("vpn-gateway", to: "on-prem-3", prefix).allSatisfy { $0.attributes.asPath == [65515] })
            #expect(result.advertised("vpn-gateway", to: "on-prem-3", prefix).count == 2)
        }
    }

    @Test("R1: every site learns the hub and the spokes through its own path into Azure")
    func R1_sitesLearnVNet() {
        let result = compute(Lab.allThree())
        for prefix in Self.vnetPrefixes {
            #expect(result.bestPaths("on-prem-1", prefix) == [[65001, 65515]])
            #expect(result.bestPaths("on-prem-2", prefix) == [[12076], [12076]])
            #expect(result.bestPaths("on-prem-3", prefix) == [[65515], [65515]])
        }
    }

    @Test("R1: without spokes only the hub is originated")
    func R1_onlyHubWithoutSpokes() {
        var topology = Seed.sdwanER()
        topology.hub.spokes = []
        let result = compute(topology)
        #expect(result.has("sdwan", "10.0.0.0/16"))
        #expect(!result.has("sdwan", "10.10.0.0/16"))
        #expect(result.routes("route-server", "10.10.0.0/16").isEmpty)
    }

    @Test("R2: an NVA prepends its asPathPrepend copies only towards Route Server")
    func R2_prependTowardsRouteServerOnly() {
        var topology = Seed.sdwanER(routeExchange: true)
        topology.nvas[0].asPathPrepend = 2
        let result = compute(topology)
        // Towards Route Server: its ASN three times (one plus two extra copies).
        #expect(result.routes("route-server", "10.1.0.0/16").map(\.attributes.asPath)
                == [[65001, 65001, 65001, 65010], [65001, 65001, 65001, 65010]])
        #expect(result.advertised("sdwan", to: "route-server", "10.1.0.0/16").allSatisfy {
            $0.attributes.asPath == [65001, 65001, 65001, 65010]
        })
        // Towards its own site: a single copy.
        #expect(result.advertised("sdwan", to: "on-prem-1", "10.0.0.0/16").map(\.attributes.asPath) == [[65001, 65515]])
        #expect(result.bestPaths("on-prem-1", "10.2.0.0/16") == [[65001, 65515, 12076, 65020]])
        // iBGP to the ER gateway keeps the prepended path unchanged.
        #expect(result.bestPaths("er-gateway", "10.1.0.0/16").allSatisfy { $0 == [65001, 65001, 65001, 65010] })
    }

    @Test("R2: each eBGP hop prepends its ASN once, iBGP keeps the path")
    func R2_ebgpPrependsIbgpKeeps() {
        let result = compute(Seed.vpnER(routeExchange: true))
        // Site → MSEE (eBGP): 65020; MSEE → gateway (eBGP): 12076.
        #expect(result.bestPaths("er-circuit", "10.2.0.0/16") == [[65020], [65020]])
        #expect(result.routes("er-gateway", "10.2.0.0/16").filter { $0.from == "er-circuit" }
            .allSatisfy { $0.attributes.asPath == [12076, 65020] && !$0.ibgp })
        // Gateway → Route Server → VPN gateway: iBGP twice, the path is unchanged.
        #expect(result.routes("route-server", "10.2.0.0/16").allSatisfy { $0.attributes.asPath == [12076, 65020] && $0.ibgp })
        #expect(result.routes("vpn-gateway", "10.2.0.0/16").allSatisfy { $0.attributes.asPath == [12076, 65020] && $0.ibgp })
        // VPN gateway → site (eBGP): 65515 in front.
        #expect(result.bestPaths("on-prem-1", "10.2.0.0/16") == [[65515, 12076, 65020], [65515, 12076, 65020]])
        // The site's own path: it prepends its ASN towards the gateway.
        #expect(result.advertised("on-prem-1", to: "vpn-gateway", "10.1.0.0/16").allSatisfy { $0.attributes.asPath == [65010] })
    }
}
