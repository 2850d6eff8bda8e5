import Testing
@testable import RoutingEngine

/// What VMs get (R15), what Azure's own tables show (R15a), and hub routing preference (R16).
@Suite("Effective routes and hub routing preference (R15, R15a, R16)")
struct EffectiveRouteTests {
    static let msee = [ip("192.168.255.2"), ip("192.168.255.6")]
    static let vpnInstances = [ip("10.0.3.12"), ip("10.0.3.13")]

    // MARK: R15

    @Test("R15: every VNet has VnetLocal for its own space, VNetPeering for the peered spaces, 0.0.0.0/0 to Internet and the four None ranges")
    func R15_systemRoutes() {
        var topology = Lab.allThree()
        topology.sites = []
        topology.nvas = []
        topology.expressRouteGateway = nil
        topology.vpnGateway = nil
        let result = compute(topology)
        func rows(_ vnet: String) -> [String] {
            result.effective(vnet).map { "\($0.source.rawValue) \($0.state.rawValue) \($0.prefix) \($0.nextHopType.rawValue)" }
        }
        // rev. 2: Azure also lists 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and 100.64.0.0/10 as None.
        let none = ["Default Active 100.64.0.0/10 None", "Default Active 172.16.0.0/12 None", "Default Active 192.168.0.0/16 None"]
        #expect(rows("hub-vnet") == ["Default Active 0.0.0.0/0 Internet", "Default Active 10.0.0.0/8 None",
                                     "Default Active 10.0.0.0/16 VnetLocal", "Default Active 10.10.0.0/16 VNetPeering",
                                     "Default Active 10.20.0.0/16 VNetPeering"] + none)
        #expect(rows("spoke-1") == ["Default Active 0.0.0.0/0 Internet", "Default Active 10.0.0.0/8 None",
                                    "Default Active 10.0.0.0/16 VNetPeering", "Default Active 10.10.0.0/16 VnetLocal"] + none)
        #expect(rows("spoke-2") == ["Default Active 0.0.0.0/0 Internet", "Default Active 10.0.0.0/8 None",
                                    "Default Active 10.0.0.0/16 VNetPeering", "Default Active 10.20.0.0/16 VnetLocal"] + none)
        #expect(result.effective("hub-vnet").allSatisfy { $0.nextHopIPs.isEmpty })
        // A VNet that uses a whole range has it as its own space; one that includes a range removes it.
        topology.hub.addressSpace = [Prefix("10.0.0.0/8"), Prefix("192.168.0.0/15")]
        topology.hub.spokes = []
        let wide = compute(topology)
        #expect(wide.effective("hub-vnet").map { "\($0.prefix) \($0.nextHopType.rawValue)" }
                == ["0.0.0.0/0 Internet", "10.0.0.0/8 VnetLocal", "100.64.0.0/10 None", "172.16.0.0/12 None",
                    "192.168.0.0/15 VnetLocal"])
    }

    @Test("R15: a spoke does not get another spoke's space, by peering or through the gateways")
    func R15_spokesNotTransitive() {
        let result = compute(Lab.allThree(routeExchange: true))
        #expect(result.effective("spoke-1", "10.20.0.0/16").isEmpty)
        #expect(result.effective("spoke-2", "10.10.0.0/16").isEmpty)
        #expect(result.effective("hub-vnet", "10.20.0.0/16").map(\.nextHopType) == [.vnetPeering])
    }

    @Test("R15: one gateway entry per prefix: NVA routes → the NVA's IP, ExpressRoute → both MSEEs, VPN → the instances")
    func R15_gatewayEntries() {
        let result = compute(Lab.allThree(routeExchange: true))
        for vnet in ["hub-vnet", "spoke-1", "spoke-2"] {
            for (prefix, hops, source, path) in [("10.1.0.0/16", [ip("10.0.2.4")], RouteSourceClass.nva, [UInt32(65001), 65010]),
                                                 ("10.2.0.0/16", Self.msee, .expressRoute, [12076, 65020]),
                                                 ("10.3.0.0/16", Self.vpnInstances, .vpn, [65030])] {
                let entries = result.effective(vnet, prefix)
                #expect(entries.count == 1, "\(vnet) \(prefix)")
                let entry = entries.first
                #expect(entry?.source == .virtualNetworkGateway && entry?.state == .active, "\(vnet) \(prefix)")
                #expect(entry?.nextHopType == .virtualNetworkGateway, "\(vnet) \(prefix)")
                #expect(entry?.nextHopIPs == hops, "\(vnet) \(prefix)")
                #expect(entry?.learnedFrom == source && entry?.asPath == path, "\(vnet) \(prefix)")
            }
        }
    }

    @Test("R15: a BGP route equal to or more specific than a VNet space is not programmed and Route Server does not pass it on; a larger one is, over the None route")
    func R15_shadowedByVNet() {
        // rev. 1 listed the first two Invalid and passed them on; Azure neither programs nor passes them.
        var topology = Seed.sdwanER(routeExchange: true)
        topology.nvas[0].advertise = ["10.0.0.0/16", "10.10.5.0/24", "10.0.0.0/8", "10.0.7.0/24"].map { Advertisement(Prefix($0)) }
        let result = compute(topology)
        for vnet in ["hub-vnet", "spoke-1"] {
            for inside in ["10.0.0.0/16", "10.10.5.0/24", "10.0.7.0/24"] {
                #expect(result.gatewayRoute(vnet, inside) == nil, "\(vnet) \(inside)")
            }
            #expect(result.effective(vnet, "10.0.0.0/16").map(\.state) == [.active])
            #expect(result.effective(vnet, "10.0.7.0/24").isEmpty)
            // The larger prefix is programmed and takes over the system None route of the same prefix.
            #expect(result.gatewayRoute(vnet, "10.0.0.0/8")?.state == .active, "\(vnet)")
            #expect(result.gatewayRoute(vnet, "10.0.0.0/8")?.nextHopIPs == [ip("10.0.2.4")])
            #expect(result.effective(vnet, "10.0.0.0/8").filter { $0.source == .default }.map(\.state) == [.invalid])
        }
        // Route Server holds them (learned from the NVA) but passes on only the larger one.
        #expect(result.routes("route-server", "10.0.7.0/24").count == 2)
        #expect(!result.has("er-gateway", "10.0.7.0/24") && !result.has("on-prem-2", "10.0.7.0/24"))
        #expect(!result.has("er-gateway", "10.10.5.0/24"))
        #expect(result.has("er-gateway", "10.0.0.0/8") && result.has("on-prem-2", "10.0.0.0/8"))
        #expect(result.blockers("er-gateway", "10.0.7.0/24").contains { $0.rule == .r15 && $0.at.hasPrefix("route-server") })
    }

    @Test("R15: an NVA's 0.0.0.0/0 takes over: the system default to Internet is listed Invalid")
    func R15_forcedTunnelling() {
        var topology = Seed.sdwanER()
        let before = compute(topology)
        #expect(before.effective("hub-vnet", "0.0.0.0/0").map(\.state) == [.active])
        topology.nvas[0].advertise = [Advertisement(.defaultRoute)]
        let result = compute(topology)
        for vnet in ["hub-vnet", "spoke-1"] {
            let entries = result.effective(vnet, "0.0.0.0/0")
            #expect(entries.count == 2)
            #expect(entries.first { $0.source == .virtualNetworkGateway }?.state == .active)
            #expect(entries.first { $0.source == .virtualNetworkGateway }?.nextHopIPs == [ip("10.0.2.4")])
            #expect(entries.first { $0.source == .default }?.state == .invalid)
            #expect(entries.first { $0.source == .default }?.nextHopType == .internet)
        }
    }

    // MARK: R15a

    @Test("R15a: Route Server's routes to an NVA: next hop and local address = the instance IP, Origin Igp, AS path 65515…")
    func R15a_routeServerAdvertised() {
        let result = compute(Seed.sdwanER(routeExchange: true))
        let advertised = result.advertised(by: result.named("route-server")).filter { $0.peer == "sdwan" }
        #expect(Set(advertised.map(\.prefix)) == Set(["10.0.0.0/16", "10.2.0.0/16", "10.10.0.0/16"].map { Prefix($0) }))
        for route in advertised {
            #expect(route.attributes.nextHop == (route.instance == 0 ? ip("10.0.1.4") : ip("10.0.1.5")))
            #expect(route.attributes.origin == .igp)
        }
        #expect(advertised.filter { $0.prefix == Prefix("10.2.0.0/16") }.allSatisfy { $0.attributes.asPath == [65515, 12076, 65020] })
        // The NVA's view: LocalAddress is its own IP, the neighbour is the instance.
        #expect(result.routes("sdwan", "10.0.0.0/16").allSatisfy { $0.localAddress == ip("10.0.2.4") })
    }

    @Test("R15a: routes Route Server learned from an NVA: next hop and source peer the NVA IP, Origin EBgp, weight 32768")
    func R15a_routeServerLearned() {
        let result = compute(Seed.sdwanER())
        let routes = result.routes("route-server", "10.1.0.0/16")
        #expect(routes.count == 2)
        for route in routes {
            #expect(route.attributes.nextHop == ip("10.0.2.4") && route.neighborAddress == ip("10.0.2.4"))
            #expect(route.azureOrigin == .ebgp && route.weight == 32768)
            #expect(route.localAddress == (route.instance == 0 ? ip("10.0.1.4") : ip("10.0.1.5")))
        }
    }

    @Test("R15a: gateway learned routes: Network for the VNet, EBgp 32769 from the circuit, EBgp 32768 from a VPN site, IBgp 32768 from Route Server or the other instance")
    func R15a_gatewayLearned() {
        let result = compute(Lab.allThree(routeExchange: true))
        for gateway in ["er-gateway", "vpn-gateway"] {
            #expect(result.routes(gateway, "10.0.0.0/16").allSatisfy { $0.azureOrigin == .network && $0.weight == 32768 })
            #expect(result.routes(gateway, "10.1.0.0/16").allSatisfy { $0.azureOrigin == .ibgp && $0.weight == 32768 })
        }
        #expect(result.routes("er-gateway", "10.2.0.0/16").filter { $0.from == "er-circuit" }
            .allSatisfy { $0.azureOrigin == .ebgp && $0.weight == 32769 })
        let vpn = result.routes("vpn-gateway", "10.3.0.0/16")
        // rev. 2: EBgp from a VPN site weighs 32768 in real tables (rev. 1 said 32769).
        #expect(vpn.filter { $0.from == "on-prem-3" }.allSatisfy { $0.azureOrigin == .ebgp && $0.weight == 32768 })
        #expect(vpn.filter { $0.from == "vpn-gateway" }.allSatisfy { $0.azureOrigin == .ibgp && $0.weight == 32768 })
        #expect(vpn.filter { $0.from == "on-prem-3" }.count == 2 && vpn.filter { $0.from == "vpn-gateway" }.count == 2)
        // Route Server: gateway routes arrive over iBGP.
        #expect(result.routes("route-server", "10.2.0.0/16").allSatisfy { $0.azureOrigin == .ibgp && $0.weight == 32768 })
    }

    // MARK: R16

    /// 10.2.0.0/16 from ExpressRoute (12076 65020) and from the SD-WAN NVA (65001 + prepends).
    static func erAndNVA(_ preference: HubRoutingPreference, prepend: Int = 0, routeExchange: Bool = false) -> Topology {
        var topology = Seed.sdwanER(routeExchange: routeExchange)
        topology.routeServer!.hubRoutingPreference = preference
        topology.nvas[0].advertise = [Advertisement(Prefix("10.2.0.0/16"))]
        topology.nvas[0].asPathPrepend = prepend
        return topology
    }

    @Test("R16: same prefix from ExpressRoute and an NVA: ExpressRoute → ER, VpnGateway → the NVA, ASPath → the shorter path")
    func R16_hubRoutingPreferenceForVMs() {
        for (preference, prepend, winner) in [(HubRoutingPreference.expressRoute, 0, RouteSourceClass.expressRoute),
                                              (.expressRoute, 3, .expressRoute),
                                              (.vpnGateway, 0, .nva),
                                              (.vpnGateway, 3, .nva),
                                              (.asPath, 0, .nva),
                                              // Equal lengths (65001 65001 vs 12076 65020): ExpressRoute [inf].
                                              (.asPath, 1, .expressRoute),
                                              (.asPath, 2, .expressRoute)] {
            let result = compute(Self.erAndNVA(preference, prepend: prepend))
            for vnet in ["hub-vnet", "spoke-1"] {
                let route = result.gatewayRoute(vnet, "10.2.0.0/16")
                #expect(route?.learnedFrom == winner, "\(preference) prepend \(prepend)")
                #expect(route?.nextHopIPs == (winner == .nva ? [ip("10.0.2.4")] : Self.msee), "\(preference) prepend \(prepend)")
            }
        }
        // The settings switch overrides the file's preference.
        let overridden = compute(Self.erAndNVA(.expressRoute), settings: Self.erAndNVA(.expressRoute).settings {
            $0.hubRoutingPreference = .vpnGateway
        })
        #expect(overridden.gatewayRoute("hub-vnet", "10.2.0.0/16")?.learnedFrom == .nva)
    }

    @Test("R16: between VPN and an NVA the shorter AS path wins under any preference")
    func R16_vpnVersusNVA() {
        // 10.3.0.0/16 from the VPN site (65030) and from the SD-WAN NVA (65001 65010 via its site).
        var topology = Lab.allThree()
        topology.sites[0].prefixes.append(Advertisement(Prefix("10.3.0.0/16")))
        for preference in HubRoutingPreference.allCases {
            topology.routeServer!.hubRoutingPreference = preference
            let result = compute(topology)
            #expect(result.gatewayRoute("hub-vnet", "10.3.0.0/16")?.learnedFrom == .vpn, "\(preference)")
            #expect(result.gatewayRoute("hub-vnet", "10.3.0.0/16")?.nextHopIPs == Self.vpnInstances, "\(preference)")
        }
    }

    @Test("R16: two NVAs with equal AS-path length are both programmed (ECMP); one prepending leaves the other alone")
    func R16_nvaECMP() {
        for (sdwanPrepend, fwPrepend, hops) in [(0, 0, [ip("10.0.2.4"), ip("10.0.2.5")]),
                                                (0, 1, [ip("10.0.2.4")]),
                                                (1, 0, [ip("10.0.2.5")])] {
            var topology = Lab.twoNVAs(fwAdvertises: ["10.50.0.0/16"], fwPrepend: fwPrepend)
            topology.nvas[0].advertise = [Advertisement(Prefix("10.50.0.0/16"))]
            topology.nvas[0].asPathPrepend = sdwanPrepend
            let result = compute(topology)
            #expect(result.gatewayRoute("hub-vnet", "10.50.0.0/16")?.nextHopIPs == hops, "\(sdwanPrepend) \(fwPrepend)")
            #expect(result.gatewayRoute("spoke-1", "10.50.0.0/16")?.nextHopIPs == hops)
            // Route Server's own table agrees: both selected (multipath) or one best by AS path.
            let selected = result.routes("route-server", "10.50.0.0/16").filter { $0.isSelected && $0.instance == 0 }
            #expect(Set(selected.map(\.attributes.nextHop)) == Set(hops))
            #expect(selected.first?.reason == (hops.count == 2 ? .multipath : .asPathLength))
        }
    }

    @Test("R16: what Route Server passes to a second NVA with route exchange on follows the preference")
    func R16_routeServerPassesPreferred() {
        func fwSees(_ preference: HubRoutingPreference, prepend: Int = 0) -> [[UInt32]] {
            var topology = Self.erAndNVA(preference, prepend: prepend, routeExchange: true)
            topology.nvas.append(Lab.nva("fw", asn: 65002, ip: "10.0.2.5"))
            return compute(topology).bestPaths("fw", "10.2.0.0/16")
        }
        let viaER: [UInt32] = [65515, 12076, 65020]
        #expect(fwSees(.expressRoute) == [viaER, viaER])
        #expect(fwSees(.vpnGateway) == [[65515, 65001], [65515, 65001]])
        #expect(fwSees(.asPath) == [[65515, 65001], [65515, 65001]])
        #expect(fwSees(.asPath, prepend: 2) == [viaER, viaER])
        #expect(fwSees(.vpnGateway, prepend: 2) == [[65515, 65001, 65001, 65001], [65515, 65001, 65001, 65001]])
    }
}
