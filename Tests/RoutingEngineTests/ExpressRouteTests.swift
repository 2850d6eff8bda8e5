import Testing
@testable import RoutingEngine

/// The MSEE pair: towards the gateway (R11), towards the site (R12), prefix limits (R13).
@Suite("ExpressRoute (R11–R13)")
struct ExpressRouteTests {
    static let msee: Set<IPv4Address> = [ip("192.168.255.2"), ip("192.168.255.6")]

    // MARK: R11

    @Test("R11: the ER gateway learns on-prem-2 as 12076 65020, Origin EBgp, weight 32769, from both MSEEs")
    func R11_gatewayLearnsSiteThroughMSEE() {
        let result = compute(Seed.sdwanER())
        // Its own circuit paths; Route Server's reflection of the twin's path is R26's.
        let routes = result.routes("er-gateway", "10.2.0.0/16").filter { $0.from == "er-circuit" }
        #expect(routes.count == 4)
        #expect(routes.allSatisfy {
            $0.attributes.asPath == [12076, 65020] && $0.azureOrigin == .ebgp && $0.weight == 32769 && $0.from == "er-circuit"
        })
        #expect(Set(routes.map(\.attributes.nextHop)) == Self.msee)
        #expect(routes.allSatisfy { $0.isSelected })
        // VNet routes are Network; with route exchange, Route Server's are IBgp at 32768.
        #expect(result.routes("er-gateway", "10.0.0.0/16").allSatisfy { $0.azureOrigin == .network && $0.weight == 32768 })
        let on = compute(Seed.sdwanER(routeExchange: true))
        #expect(on.routes("er-gateway", "10.1.0.0/16").allSatisfy { $0.azureOrigin == .ibgp && $0.weight == 32768 })
    }

    @Test("R11: the MSEE applies as-override towards the gateway: 65515 in the path becomes 12076")
    func R11_asOverride() throws {
        let topology = Seed.sdwanER()
        let network = try Network(topology: topology, settings: Settings(of: topology))
        let msee = network.node(named: "er-circuit")!.speakers[0]
        let gateway = network.node(named: "er-gateway")!.speakers[0]
        let site = network.node(named: "on-prem-2")!.speakers[0]
        let session = try #require(network.sessions.first { $0.a == gateway && $0.b == msee })
        // A path that went through another Azure VNet (65515) before reaching the customer edge.
        let candidate = Candidate(attributes: PathAttributes(asPath: [65020, 65515, 65030], nextHop: ip("192.168.255.1")),
                                  source: .session(0), peer: site, ibgp: false, weight: 0, localPreference: 100,
                                  origination: nil, lostAt: nil)
        let verdict = ExportPolicy(network: network).verdict(for: candidate, .outside, from: msee, over: session)
        #expect(verdict == .advertise(PathAttributes(asPath: [12076, 65020, 12076, 65030], nextHop: ip("192.168.255.2"))))
        // The gateway then accepts it: no 65515 left for R3 to find.
        guard case .advertise(let sent) = verdict,
              case .accept = ImportPolicy(network: network).verdict(for: sent, at: gateway, from: msee, over: session) else {
            Issue.record("the overridden path was not accepted")
            return
        }
    }

    // MARK: R12

    @Test("R12: on-prem-2 sees the hub, the spokes and (with route exchange) on-prem-1 as just 12076")
    func R12_removePrivateAS() {
        let result = compute(Seed.sdwanER(routeExchange: true))
        for prefix in ["10.0.0.0/16", "10.10.0.0/16", "10.1.0.0/16"] {
            let routes = result.routes("on-prem-2", prefix)
            #expect(routes.count == 2, "\(prefix)")
            #expect(routes.allSatisfy { $0.attributes.asPath == [12076] && $0.isSelected }, "\(prefix)")
            #expect(Set(routes.map(\.attributes.nextHop)) == Self.msee)
        }
        // What the gateway sent the MSEE still had the private ASNs.
        #expect(result.bestPaths("er-circuit", "10.1.0.0/16").allSatisfy { $0 == [65515, 65001, 65010] })
        // The MSEE never sends the site's own prefix back to it.
        #expect(result.routes("on-prem-2", "10.2.0.0/16").map(\.from) == [nil])
    }

    @Test("R12: a path holding a public ASN (an NVA using AS 7224) keeps it; 12076 goes in front")
    func R12_publicASNKept() {
        var topology = Seed.sdwanER(routeExchange: true)
        topology.nvas.append(Lab.nva("aws-edge", asn: 7224, ip: "10.0.2.7", advertise: ["10.72.0.0/16"]))
        let result = compute(topology)
        #expect(result.bestPaths("on-prem-2", "10.72.0.0/16") == [[12076, 65515, 7224], [12076, 65515, 7224]])
        #expect(result.bestPaths("on-prem-2", "10.1.0.0/16") == [[12076], [12076]])
    }

    @Test("R12: remove-private-as counts 64512–65534 and 4200000000–4294967294 as private")
    func R12_privateRanges() throws {
        #expect(!ASN.isPrivate(64511) && ASN.isPrivate(64512) && ASN.isPrivate(65534) && !ASN.isPrivate(65535))
        #expect(!ASN.isPrivate(4_199_999_999) && ASN.isPrivate(4_200_000_000) && ASN.isPrivate(4_294_967_294))
        #expect(!ASN.isPrivate(4_294_967_295))
        let topology = Seed.sdwanER()
        let network = try Network(topology: topology, settings: Settings(of: topology))
        let msee = network.node(named: "er-circuit")!.speakers[0]
        let gateway = network.node(named: "er-gateway")!.speakers[0]
        let session = try #require(network.sessions.first { $0.b == network.node(named: "on-prem-2")!.speakers[0] && $0.a == msee })
        func sent(_ path: [UInt32]) -> [UInt32]? {
            let candidate = Candidate(attributes: PathAttributes(asPath: path, nextHop: ip("10.0.3.4")), source: .session(0),
                                      peer: gateway, ibgp: false, weight: 0, localPreference: 100, origination: nil, lostAt: nil)
            guard case .advertise(let out) = ExportPolicy(network: network).verdict(for: candidate, .outside, from: msee, over: session) else {
                return nil
            }
            return out.asPath
        }
        #expect(sent([65515, 4_200_000_001]) == [12076])
        #expect(sent([65515, 64511]) == [12076, 65515, 64511])
    }

    // MARK: R13

    static func bigSite(_ count: Int, sku: CircuitSKU = .standard) -> Topology {
        var topology = Seed.sdwanER()
        topology.expressRouteGateway!.circuit.sku = sku
        topology.sites[1].prefixes += slash24s(count - 1).map { Advertisement($0) }
        return topology
    }

    @Test("R13: a site sending 4,001 prefixes to a Standard circuit loses both MSEE sessions; 4,000 is fine")
    func R13_standardLimit() {
        let over = compute(Self.bigSite(4001))
        let siteSessions = over.sessions("on-prem-2")
        #expect(siteSessions.count == 2)
        #expect(siteSessions.allSatisfy { $0.state == .down(reason: "advertised 4001 routes, limit 4000") && $0.downRule == .r13 })
        #expect(!over.has("er-gateway", "10.2.0.0/16") && !over.has("er-circuit", "172.16.0.0/24"))
        #expect(!over.has("on-prem-2", "10.0.0.0/16"))
        #expect(over.gatewayRoute("hub-vnet", "10.2.0.0/16") == nil)
        // The gateway–MSEE sessions are not the ones that broke.
        #expect(over.sessions("er-gateway").allSatisfy { $0.state.isUp })
        #expect(over.convergence.isConverged)

        let at = compute(Self.bigSite(4000))
        #expect(at.sessions("on-prem-2").allSatisfy { $0.state.isUp })
        #expect(at.routes("er-gateway", "10.2.0.0/16").filter { $0.from == "er-circuit" }.count == 4)
        #expect(at.gatewayRoute("spoke-1", "172.16.0.0/24")?.nextHopIPs.count == 2)
    }

    @Test("R13: a Premium circuit accepts 4,001 prefixes and refuses 10,001")
    func R13_premiumLimit() {
        let accepted = compute(Self.bigSite(4001, sku: .premium))
        #expect(accepted.sessions("on-prem-2").allSatisfy { $0.state.isUp })
        #expect(accepted.routes("er-gateway", "172.16.0.0/24").allSatisfy { $0.attributes.asPath == [12076, 65020] })
        #expect(accepted.has("er-gateway", "172.16.0.0/24"))

        let refused = compute(Self.bigSite(10_001, sku: .premium))
        #expect(refused.sessions("on-prem-2").allSatisfy {
            $0.state == .down(reason: "advertised 10001 routes, limit 10000") && $0.downRule == .r13
        })
        #expect(!refused.has("er-gateway", "10.2.0.0/16"))
    }

    @Test("R13: more than 1,000 routes from Azure to the circuit put a warning on the gateway–circuit sessions")
    func R13_azureToCircuitWarning() {
        // Two NVAs with 600 prefixes each: with route exchange on, the gateway advertises them plus the VNet.
        func topology(routeExchange: Bool) -> Topology {
            var topology = Seed.sdwanER(routeExchange: routeExchange)
            topology.nvas = [NVA(name: "nva-a", asn: 65001, ip: ip("10.0.2.4"), advertise: slash24s(600).map { Advertisement($0) }),
                             NVA(name: "nva-b", asn: 65002, ip: ip("10.0.2.5"),
                                 advertise: slash24s(600, from: "172.20.0.0").map { Advertisement($0) })]
            return topology
        }
        let on = compute(topology(routeExchange: true))
        let gatewayCircuit = on.sessions("er-circuit").filter { on.network.kind(of: $0.a) == .expressRouteGateway }
        #expect(gatewayCircuit.count == 4)
        #expect(gatewayCircuit.allSatisfy {
            $0.state.isUp && $0.warning == "Azure advertises 1202 routes to the circuit; ExpressRoute allows 1000"
        })
        // One warning in the result's list, about the circuit; nothing else carries one, nothing went down.
        #expect(on.warnings.map(\.rule) == [.r13] && on.warnings.first?.node == "er-circuit")
        #expect(on.warnings.first?.sessions.count == 4)
        #expect(on.network.sessions.filter { $0.warning != nil }.count == 4)
        #expect(on.network.sessions.allSatisfy { $0.state.isUp })
        #expect(on.has("on-prem-2", "172.20.0.0/24"))

        let off = compute(topology(routeExchange: false))
        #expect(off.network.sessions.allSatisfy { $0.warning == nil })
        #expect(off.warnings.isEmpty)
    }
}
