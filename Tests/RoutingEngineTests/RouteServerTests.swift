import Testing
@testable import RoutingEngine

/// Route Server towards NVAs: next hops (R4), NVA-to-NVA exchange (R5), no-advertise (R6),
/// peer and route limits (R18), ASNs it refuses (R19).
@Suite("Route Server (R4–R6, R18, R19)")
struct RouteServerTests {
    static let routeServerIPs: Set<IPv4Address> = [ip("10.0.1.4"), ip("10.0.1.5")]

    // MARK: R4

    @Test("R4: an NVA sees every Route Server route twice, *> and *=, next hop the sending instance's IP")
    func R4_nvaSeesEveryRouteTwice() {
        let result = compute(Seed.sdwanER(routeExchange: true))
        for prefix in ["10.0.0.0/16", "10.10.0.0/16", "10.2.0.0/16"] {
            let routes = result.routes("sdwan", prefix)
            #expect(routes.count == 2, "\(prefix)")
            #expect(routes.filter(\.isBest).count == 1 && routes.allSatisfy { $0.isSelected }, "\(prefix)")
            #expect(routes.allSatisfy { $0.isMultipath && $0.from == "route-server" }, "\(prefix)")
            #expect(Set(routes.compactMap(\.fromInstance)) == [0, 1])
            for route in routes {
                // The next hop is the instance the path came from.
                let instanceIP = route.fromInstance == 0 ? ip("10.0.1.4") : ip("10.0.1.5")
                #expect(route.attributes.nextHop == instanceIP, "\(prefix)")
                #expect(route.neighborAddress == instanceIP)
            }
        }
    }

    @Test("R4: Route Server holds an NVA's routes with the NVA's own IP as next hop")
    func R4_routeServerSeesTheNVAsIP() {
        let result = compute(Seed.sdwanER())
        let routes = result.routes("route-server", "10.1.0.0/16")
        #expect(routes.count == 2)
        #expect(routes.allSatisfy { $0.attributes.nextHop == ip("10.0.2.4") && $0.from == "sdwan" })
        #expect(Set(routes.map(\.localAddress)) == Self.routeServerIPs)
        #expect(result.advertised("sdwan", to: "route-server", "10.1.0.0/16").allSatisfy { $0.attributes.nextHop == ip("10.0.2.4") })
        // And what it sends on to the gateways keeps that next hop (iBGP).
        let onward = compute(Seed.sdwanER(routeExchange: true)).routes("er-gateway", "10.1.0.0/16")
        #expect(!onward.isEmpty && onward.allSatisfy { $0.attributes.nextHop == ip("10.0.2.4") })
    }

    // MARK: R5

    @Test("R5: NVAs learn each other's routes with 65515 prepended, route exchange off")
    func R5_nvasLearnEachOther() {
        let result = compute(Lab.twoNVAs(fwAdvertises: ["10.50.0.0/16"]))
        #expect(result.bestPaths("sdwan", "10.50.0.0/16") == [[65515, 65002], [65515, 65002]])
        #expect(Set(result.routes("sdwan", "10.50.0.0/16").map(\.attributes.nextHop)) == Self.routeServerIPs)
        #expect(result.bestPaths("fw", "10.1.0.0/16") == [[65515, 65001, 65010], [65515, 65001, 65010]])
        // And the site behind the SD-WAN NVA learns it too.
        #expect(result.bestPaths("on-prem-1", "10.50.0.0/16") == [[65001, 65515, 65002]])
        // The ER side does not (R7).
        #expect(!result.has("er-gateway", "10.50.0.0/16"))
    }

    // MARK: R6

    /// The SD-WAN NVA advertises 10.9.0.0/16 with no-advertise; fw is a second NVA.
    static func noAdvertise(routeExchange: Bool) -> Topology {
        var topology = Lab.twoNVAs(routeExchange: routeExchange, fwAdvertises: ["10.50.0.0/16"])
        topology.nvas[0].advertise = [Advertisement(Prefix("10.9.0.0/16"), communities: [.noAdvertise])]
        return topology
    }

    @Test("R6: a no-advertise NVA path is programmed into VMs but advertised to no peer, ER gateway included",
          arguments: [false, true])
    func R6_noAdvertiseUsedNotAdvertised(routeExchange: Bool) {
        let result = compute(Self.noAdvertise(routeExchange: routeExchange))
        // Route Server holds it from the NVA, with the community…
        let held = result.routes("route-server", "10.9.0.0/16")
        #expect(held.count == 2)
        #expect(held.allSatisfy { $0.from == "sdwan" && $0.attributes.communities == [.noAdvertise] && $0.isBest })
        // …programs it into every VNet…
        for vnet in ["hub-vnet", "spoke-1"] {
            let route = result.gatewayRoute(vnet, "10.9.0.0/16")
            #expect(route?.state == .active && route?.nextHopIPs == [ip("10.0.2.4")], "\(vnet)")
        }
        // …and sends it to nobody.
        #expect(!result.advertised(by: result.named("route-server")).contains { $0.prefix == Prefix("10.9.0.0/16") })
        #expect(!result.has("fw", "10.9.0.0/16"))
        #expect(!result.has("er-gateway", "10.9.0.0/16"))
        #expect(!result.has("on-prem-2", "10.9.0.0/16"))
        #expect(result.blockers("er-gateway", "10.9.0.0/16").contains { $0.rule == .r6 })
        #expect(result.blockers("fw", "10.9.0.0/16").contains { $0.rule == .r6 })
        // Without the community the same prefix goes everywhere route exchange allows.
        var plain = Self.noAdvertise(routeExchange: routeExchange)
        plain.nvas[0].advertise = [Advertisement(Prefix("10.9.0.0/16"))]
        let control = compute(plain)
        #expect(control.bestPaths("fw", "10.9.0.0/16") == [[65515, 65001], [65515, 65001]])
        #expect(control.has("er-gateway", "10.9.0.0/16") == routeExchange)
    }

    // MARK: R18

    @Test("R18: a ninth NVA's sessions stay down: Route Server supports 8 BGP peers")
    func R18_ninthNVA() {
        var topology = Seed.sdwanER()
        for index in 2...9 {
            topology.nvas.append(Lab.nva("nva-\(index)", asn: UInt32(65100 + index), ip: "10.0.2.\(10 + index)",
                                         advertise: ["10.\(100 + index).0.0/16"]))
        }
        let result = compute(topology)
        for index in 2...8 {
            #expect(result.sessions("nva-\(index)").allSatisfy { $0.state.isUp })
            #expect(result.has("route-server", "10.\(100 + index).0.0/16"))
        }
        #expect(result.sessions("sdwan").allSatisfy { $0.state.isUp })
        let ninth = result.sessions("nva-9")
        #expect(ninth.count == 2)
        #expect(ninth.allSatisfy { $0.state == .down(reason: "Route Server supports 8 BGP peers") && $0.downRule == .r18 })
        #expect(!result.has("route-server", "10.109.0.0/16"))
        #expect(result.gatewayRoute("hub-vnet", "10.109.0.0/16") == nil)
        #expect(!result.has("nva-9", "10.0.0.0/16"))
        #expect(result.has("nva-8", "10.0.0.0/16"))
    }

    /// The SD-WAN seed (route exchange on) plus an NVA `big` advertising `count` /24s.
    static func bigNVA(_ count: Int) -> Topology {
        var topology = Seed.sdwanER(routeExchange: true)
        topology.nvas.append(NVA(name: "big", asn: 65002, ip: ip("10.0.2.5"),
                                 advertise: slash24s(count).map { Advertisement($0) }))
        return topology
    }

    @Test("R18: 4,000 routes per peer: an NVA advertising 4,001 loses its sessions and its routes; 4,000 stays up")
    func R18_nvaRouteLimit() {
        // rev. 2 (FAQ since 09/2025): the limit moved from 1,000 to 4,000, so rev. 1's 1,001 now stays up.
        for (count, dropped) in [(1001, false), (4000, false), (4001, true)] {
            let result = compute(Self.bigNVA(count))
            let sessions = result.sessions("big")
            #expect(sessions.count == 2)
            if dropped {
                #expect(sessions.allSatisfy {
                    $0.state == .down(reason: "advertised 4001 routes, limit 4000") && $0.downRule == .r18
                })
                #expect(!result.has("route-server", "172.16.0.0/24"))
                #expect(!result.has("er-gateway", "172.16.0.0/24"))
                #expect(result.gatewayRoute("hub-vnet", "172.16.0.0/24") == nil)
                #expect(!result.has("big", "10.0.0.0/16"))
            } else {
                #expect(sessions.allSatisfy { $0.state.isUp })
                let last = slash24s(count).last!.description
                #expect(result.routes("route-server", last).count == 2)
                #expect(result.gatewayRoute("hub-vnet", last)?.nextHopIPs == [ip("10.0.2.5")])
            }
            // The other NVA is unaffected either way.
            #expect(result.sessions("sdwan").allSatisfy { $0.state.isUp })
            #expect(result.has("route-server", "10.1.0.0/16"))
            #expect(result.convergence.isConverged)
        }
    }

    @Test("R18: an NVA over 2,000 routes gets a warning on its sessions (a full re-advertisement counts double); 2,000 does not")
    func R18_readvertisementWarning() {
        // (With route exchange on, Azure also sends the circuit over 1,000 routes: R13 warns too.)
        #expect(compute(Self.bigNVA(2000)).warnings.map(\.rule) == [.r13])
        let result = compute(Self.bigNVA(2001))
        #expect(result.warnings.map(\.rule) == [.r18, .r13])
        let warning = result.warnings[0]
        #expect(warning.node == "big" && warning.rule == .r18)
        #expect(warning.message == "advertises 2001 routes: a full re-advertisement counts 4002, over Route Server's 4000 per peer, and would tear the session down")
        #expect(result.sessions("big").allSatisfy { $0.state.isUp && $0.warning == warning.message })
        #expect(result.sessions("sdwan").allSatisfy { $0.warning == nil })
    }

    @Test("R18: more than 10,000 prefixes on Route Server from all sources: a warning; 10,000 is fine")
    func R18_totalPrefixWarning() {
        // Three NVAs of 3,300 routes each, the VNet's two ranges and on-prem-1 and on-prem-2's.
        func result(extra: Int) -> RoutingResult {
            var topology = Seed.sdwanER(routeExchange: true)
            for index in 0..<3 {
                let base = ["172.16.0.0", "172.32.0.0", "172.48.0.0"][index]
                topology.nvas.append(NVA(name: "nva-\(index)", asn: UInt32(65100 + index), ip: ip("10.0.2.\(10 + index)"),
                                         advertise: slash24s(index == 2 ? 3396 + extra : 3300, from: base).map { Advertisement($0) }))
            }
            return compute(topology)
        }
        let at = result(extra: 0)
        #expect(at.allPrefixes.count == 10_000)
        #expect(!at.warnings.contains { $0.node == "route-server" })
        let over = result(extra: 1)
        let warnings = over.warnings.filter { $0.node == "route-server" }
        #expect(warnings.map(\.rule) == [.r18])
        #expect(warnings.first?.message == "holds 10001 prefixes: Route Server supports 10000 from all sources (VNets and branches)")
    }

    @Test("R20: an NVA with only one of its two Route Server sessions up gets a warning; both up or both down do not")
    func R20_oneSessionWarning() {
        let topology = Seed.sdwanER()
        let one = compute(topology, settings: topology.settings { $0.down = ["route-server#1--sdwan"] })
        #expect(one.warnings.count == 1)
        #expect(one.warnings.first?.node == "sdwan" && one.warnings.first?.rule == .r20)
        #expect(one.warnings.first?.message.hasPrefix("only one of its two Route Server sessions is up") == true)
        #expect(one.sessions("sdwan").filter { $0.warning != nil }.count == 1)
        #expect(compute(topology).warnings.isEmpty)
        #expect(compute(topology, settings: topology.settings { $0.down = ["sdwan--route-server"] }).warnings.isEmpty)
    }

    // MARK: R19

    static let refused: [UInt32] = [65515, 65517, 65518, 65519, 65520, 8074, 8075, 12076, 23456,
                                    64496, 64500, 64511, 65535, 65536, 65551, 65552, 4_200_000_000, 4_294_967_295]
    static let allowed: [UInt32] = [1, 8073, 8076, 12075, 12077, 23455, 23457, 64495, 64512, 65514, 65516, 65521, 65534]

    @Test("R19: an NVA with a reserved or 32-bit ASN has its sessions down with the reason; other NVAs are unaffected",
          arguments: refused)
    func R19_refusedASN(asn: UInt32) {
        let topology = Lab.twoNVAs(fwASN: asn, fwAdvertises: ["10.50.0.0/16"])
        let result = compute(topology)
        let sessions = result.sessions("fw")
        #expect(sessions.count == 2)
        #expect(sessions.allSatisfy { $0.downRule == .r19 && $0.state.reason?.contains("\(asn)") == true })
        if asn > 65551 {
            #expect(sessions.allSatisfy { $0.state.reason?.contains("32-bit") == true })
        } else {
            #expect(sessions.allSatisfy { $0.state.reason?.hasPrefix("NVA uses reserved ASN \(asn)") == true })
        }
        #expect(!result.has("route-server", "10.50.0.0/16"))
        #expect(result.gatewayRoute("hub-vnet", "10.50.0.0/16") == nil)
        #expect(!result.has("fw", "10.0.0.0/16"))
        // The well-behaved NVA keeps its sessions and routes.
        #expect(result.sessions("sdwan").allSatisfy { $0.state.isUp })
        #expect(result.bestPaths("sdwan", "10.0.0.0/16") == [[65515], [65515]])
        #expect(result.gatewayRoute("hub-vnet", "10.1.0.0/16")?.nextHopIPs == [ip("10.0.2.4")])
    }

    @Test("R19: ASNs next to the reserved ranges are accepted", arguments: allowed)
    func R19_allowedASN(asn: UInt32) {
        let result = compute(Lab.twoNVAs(fwASN: asn, fwAdvertises: ["10.50.0.0/16"]))
        #expect(result.sessions("fw").allSatisfy { $0.state.isUp })
        #expect(result.bestPaths("route-server", "10.50.0.0/16").allSatisfy { $0 == [asn] })
        #expect(result.has("route-server", "10.50.0.0/16"))
    }

    @Test("R19: the reasons read the way the contract shows them")
    func R19_reasonTexts() {
        #expect(ASN.routeServerRefusal(65515) == "NVA uses reserved ASN 65515")
        #expect(ASN.routeServerRefusal(12076) == "NVA uses reserved ASN 12076")
        #expect(ASN.routeServerRefusal(64500)?.hasPrefix("NVA uses reserved ASN 64500") == true)
        #expect(ASN.routeServerRefusal(65001) == nil)
    }
}
