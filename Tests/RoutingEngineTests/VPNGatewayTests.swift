import Testing
@testable import RoutingEngine

/// R14: the VPN gateway with Route Server: active/active, ASN 65515, static connections.
@Suite("VPN gateway (R14)")
struct VPNGatewayTests {
    static let instances: [IPv4Address] = [ip("10.0.3.12"), ip("10.0.3.13")]

    @Test("R14: active/active: two instances, each with a BGP session to the site, iBGP between them")
    func R14_activeActive() {
        let result = compute(Seed.vpnER(routeExchange: true))
        let vpn = result.named("vpn-gateway")
        #expect(vpn.speakers.count == 2)
        let sessions = result.sessions("vpn-gateway")
        #expect(sessions.filter { $0.type == .ibgp && result.network.kind(of: $0.a) == .vpnGateway
                                  && result.network.kind(of: $0.b) == .vpnGateway }.count == 1)
        #expect(result.sessions("on-prem-1").count == 2)
        #expect(result.sessions("on-prem-1").allSatisfy { $0.type == .ebgp && $0.state.isUp })
        // The site sees two paths, one per instance.
        let routes = result.routes("on-prem-1", "10.0.0.0/16")
        #expect(routes.count == 2 && routes.allSatisfy { $0.isSelected })
        #expect(routes.map(\.attributes.nextHop) == Self.instances)
        // Each instance also holds the other's eBGP path, over iBGP. Every weight is 32768 (R15a rev. 2:
        // real tables show EBgp from a VPN site at 32768), so eBGP over iBGP decides.
        let held = result.routes("vpn-gateway", "10.1.0.0/16")
        #expect(held.filter { $0.from == "on-prem-1" }.allSatisfy { $0.weight == 32768 && $0.isBest && $0.reason == .ebgpOverIbgp })
        #expect(held.filter { $0.from == "vpn-gateway" }.count == 2)
        #expect(held.filter { $0.from == "vpn-gateway" }.allSatisfy { $0.weight == 32768 && $0.lostAt == .ebgpOverIbgp })
        #expect(result.sessions("route-server").allSatisfy { $0.state.isUp })
    }

    @Test("R14: not active/active: one instance, no Route Server peering, a warning that Azure refuses it, no transit; the site still reaches the VNet")
    func R14_notActiveActive() {
        let topology = Seed.vpnER(routeExchange: true, activeActive: false)
        let result = compute(topology)
        #expect(result.named("vpn-gateway").speakers.count == 1)
        // rev. 2: Azure refuses the deployment, so there is no session at all (rev. 1 showed two down).
        let toRouteServer = result.sessions("vpn-gateway").filter { result.network.kind(of: $0.a) == .routeServer }
        #expect(toRouteServer.isEmpty)
        #expect(result.warnings.map(\.rule) == [.r14])
        #expect(result.warnings.first?.node == "vpn-gateway")
        #expect(result.warnings.first?.message.hasPrefix("Azure refuses this: Route Server needs an active/active VPN gateway") == true)
        #expect(compute(Seed.vpnER(routeExchange: true)).warnings.isEmpty)
        // No transit with ExpressRoute, even with route exchange on.
        #expect(!result.has("er-gateway", "10.1.0.0/16") && !result.has("on-prem-2", "10.1.0.0/16"))
        #expect(!result.has("vpn-gateway", "10.2.0.0/16") && !result.has("on-prem-1", "10.2.0.0/16"))
        // The site reaches the VNet through the one instance, and VMs reach the site through it.
        let routes = result.routes("on-prem-1", "10.0.0.0/16")
        #expect(routes.map(\.attributes.nextHop) == [Self.instances[0]])
        #expect(routes.map(\.attributes.asPath) == [[65515]])
        #expect(result.sessions("on-prem-1").count == 1 && result.sessions("on-prem-1").allSatisfy { $0.state.isUp })
        #expect(result.gatewayRoute("hub-vnet", "10.1.0.0/16")?.nextHopIPs == [Self.instances[0]])
        // The settings switch does the same as the file field.
        let flipped = compute(Seed.vpnER(routeExchange: true), settings: Seed.vpnER(routeExchange: true).settings {
            $0.vpnActiveActive = false
        })
        #expect(flipped.tables == result.tables)
    }

    @Test("R14: a VPN gateway ASN other than 65515 makes it an eBGP peer of Route Server, which drops its paths holding 65515, with a warning")
    func R14_foreignASN() {
        let result = compute(Seed.vpnER(routeExchange: true, vpnASN: 65000))
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.node == "vpn-gateway" && result.warnings.first?.rule == .r14)
        #expect(result.warnings.first?.message.contains("Microsoft requires 65515") == true)
        let toRouteServer = result.sessions("vpn-gateway").filter { result.network.kind(of: $0.a) == .routeServer }
        #expect(toRouteServer.count == 4 && toRouteServer.allSatisfy { $0.type == .ebgp && $0.state.isUp })
        // The ER route came to the VPN gateway from Route Server with 65515 in front; sent back, Route Server refuses it.
        #expect(result.bestPaths("vpn-gateway", "10.2.0.0/16").allSatisfy { $0 == [65515, 12076, 65020] })
        let rejected = result.rejected("route-server", "10.2.0.0/16")
        #expect(!rejected.isEmpty)
        #expect(rejected.allSatisfy { $0.rule == .r3 && $0.from == "vpn-gateway" && $0.attributes.asPath.starts(with: [65000, 65515]) })
        // The site's own route reaches Route Server with the gateway's ASN in front.
        #expect(result.routes("route-server", "10.1.0.0/16").allSatisfy {
            $0.attributes.asPath == [65000, 65010] && $0.azureOrigin == .ebgp
        })
        #expect(result.bestPaths("on-prem-1", "10.0.0.0/16") == [[65000], [65000]])
    }

    @Test("R14: a static connection (bgp: false): the gateway originates the site's prefixes, the site learns nothing, VMs get them")
    func R14_staticConnection() {
        var topology = Seed.vpnER(routeExchange: true)
        topology.vpnGateway!.connections = [VPNConnection(site: "on-prem-1", bgp: false)]
        let result = compute(topology)
        let held = result.routes("vpn-gateway", "10.1.0.0/16").filter { $0.from == nil }
        #expect(held.count == 2)
        #expect(held.allSatisfy { $0.attributes.asPath.isEmpty && $0.azureOrigin == .network && $0.isBest })
        #expect(result.sessions("on-prem-1").isEmpty)
        #expect(result.routes(of: result.named("on-prem-1")).map(\.prefix) == [Prefix("10.1.0.0/16")])
        #expect(result.routes(of: result.named("on-prem-1")).allSatisfy { $0.from == nil })
        for vnet in ["hub-vnet", "spoke-1"] {
            let route = result.gatewayRoute(vnet, "10.1.0.0/16")
            #expect(route?.nextHopIPs == Self.instances && route?.learnedFrom == .vpn && route?.asPath == [])
        }
        // With route exchange on, the ER side learns it through Route Server.
        #expect(result.has("er-gateway", "10.1.0.0/16"))
        #expect(result.bestPaths("er-gateway", "10.1.0.0/16").allSatisfy { $0.isEmpty })
        #expect(result.bestPaths("on-prem-2", "10.1.0.0/16") == [[12076], [12076]])
    }

    @Test("R14: Route Server drops paths carrying a 65517:… community from a VPN gateway that is not AS 65515; AS 65515 keeps them")
    func R14_foreignASNCommunity() {
        func tagged(_ asn: UInt32) -> RoutingResult {
            var topology = Seed.vpnER(routeExchange: true, vpnASN: asn)
            topology.sites[0].prefixes.append(Advertisement(Prefix("10.31.0.0/16"), communities: [Community(65517, 100)]))
            return compute(topology)
        }
        let foreign = tagged(65000)
        #expect(!foreign.has("route-server", "10.31.0.0/16") && !foreign.has("er-gateway", "10.31.0.0/16"))
        let refused = foreign.rejected("route-server", "10.31.0.0/16")
        #expect(refused.count == 4 && refused.allSatisfy { $0.rule == .r14 && $0.reason == "carries 65517:100 from a VPN gateway that is not AS 65515" })
        // The untagged prefix of the same site passes.
        #expect(foreign.has("route-server", "10.1.0.0/16"))
        let native = tagged(65515)
        #expect(native.has("route-server", "10.31.0.0/16") && native.rejected("route-server", "10.31.0.0/16").isEmpty)
    }
}
