import Foundation
import Reports
import RoutingEngine
import Testing
import TopologyFile

private func seed(_ name: String = "sdwan-er", _ change: (inout Settings) -> Void = { _ in }) throws -> RoutingResult {
    let topology = try BundledTopologies.topology(named: name)
    var settings = Settings(of: topology)
    change(&settings)
    return try Engine.compute(topology, settings: settings)
}

@Suite("Text format (FRR show ip bgp)")
struct TextReportTests {
    @Test("the NVA's table: codes, columns, the network printed once per prefix, the summary line")
    func nvaTable() throws {
        let result = try seed { $0.routeExchange = true }
        let text = TextReport.render(result, options: .init(node: "sdwan"))
        let table = """
               Network          Next Hop            Metric LocPrf Weight Path
            *> 10.0.0.0/16      10.0.1.4                               0 65515 i
            *=                  10.0.1.5                               0 65515 i
            *> 10.1.0.0/16      192.168.1.1                            0 65010 i
            *> 10.2.0.0/16      10.0.1.4                               0 65515 12076 65020 i
            *=                  10.0.1.5                               0 65515 12076 65020 i
            *> 10.10.0.0/16     10.0.1.4                               0 65515 i
            *=                  10.0.1.5                               0 65515 i

            Displayed 4 routes and 7 total paths
            """
        #expect(text.contains(table))
        #expect(text.contains("BGP table of sdwan, local router ID is 10.0.2.4, local AS 65001"))
        #expect(text.contains("route exchange: on · hub routing preference: ExpressRoute · down: none"))
    }

    @Test("iBGP paths show i, the local preference and the metric; local paths 0.0.0.0 and weight 32768")
    func internalPaths() throws {
        let text = TextReport.render(try seed { $0.routeExchange = true }, options: .init(node: "er-gateway"))
        #expect(text.contains("*>i10.1.0.0/16      10.0.2.4                 0    100  32768 65001 65010 i"))
        #expect(text.contains("*> 10.0.0.0/16      0.0.0.0                  0         32768 i"))
        #expect(text.contains("*> 10.2.0.0/16      192.168.255.2                      32769 12076 65020 i"))
    }

    @Test("sessions list the reason a session is down; refused paths name their rule")
    func sessionsAndRefusals() throws {
        let text = TextReport.render(try seed("vpn-er") { $0.down = ["er-gateway#1"] }, options: .init(node: "route-server"))
        #expect(text.contains("iBGP  Down         node down"))
        let shared = TextReport.render(try seed("shared-asn"), options: .init(node: "branch-a"))
        #expect(shared.contains("10.12.0.0/16 from nva-a [65001 65515 65002 65010]: R3 [bgp] AS path 65001 65515 65002 65010 contains own AS 65010"))
    }

    @Test("R15: a VNet's effective routes in Azure's columns; --advertised adds adj-RIB-out tables")
    func R15_effectiveRoutesAndAdvertised() throws {
        let text = TextReport.render(try seed("default-route"), options: .init(node: "spoke-1"))
        #expect(text.contains("Source                 State    Address Prefixes  Next Hop Type          Next Hop IP Address"))
        #expect(text.contains("VirtualNetworkGateway  Active   0.0.0.0/0         VirtualNetworkGateway  10.0.2.4"))
        #expect(text.contains("Default                Invalid  0.0.0.0/0         Internet"))
        let advertised = TextReport.render(try seed(), options: .init(node: "sdwan", showAdvertised: true))
        #expect(advertised.contains("Advertised by sdwan to route-server#0"))
        #expect(advertised.contains("*> 10.1.0.0/16      10.0.2.4                               0 65001 65010 i"))
    }
}

@Suite("Azure format")
struct AzureReportTests {
    @Test("R15a: Route Server's learned and advertised routes per NVA, in the cmdlets' columns")
    func R15a_routeServer() throws {
        let text = AzureReport.render(try seed { $0.routeExchange = true }, node: "route-server")
        #expect(text.contains("PS> Get-AzRouteServerPeerLearnedRoute -RouteServerName route-server -PeerName sdwan"))
        #expect(text.contains("LocalAddress  Network      NextHop   SourcePeer  Origin  AsPath       Weight"))
        #expect(text.contains("10.0.1.4      10.1.0.0/16  10.0.2.4  10.0.2.4    EBgp    65001-65010  32768"))
        #expect(text.contains("10.0.1.5      10.2.0.0/16   10.0.1.5              Igp     65515-12076-65020  0"))
    }

    @Test("R15a: gateway learned routes: Network, EBgp 32769 from the circuit, IBgp 32768 from Route Server")
    func R15a_gateway() throws {
        let text = AzureReport.render(try seed { $0.routeExchange = true }, node: "er-gateway")
        #expect(text.contains("10.0.3.4      10.0.0.0/16                  10.0.3.4       Network               32768"))
        #expect(text.contains("10.0.3.4      10.1.0.0/16   10.0.2.4       10.0.1.4       IBgp     65001-65010  32768"))
        #expect(text.contains("10.0.3.4      10.2.0.0/16   192.168.255.2  192.168.255.2  EBgp     12076-65020  32769"))
    }

    @Test("non-Azure nodes say there is no cmdlet for them")
    func site() throws {
        #expect(AzureReport.render(try seed(), node: "on-prem-1").contains("not an Azure resource"))
    }
}

@Suite("JSON format (contract §2)")
struct JSONReportTests {
    func document(_ result: RoutingResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(result).utf8)) as? [String: Any])
    }

    @Test("the contract's fields, with null where it shows null")
    func schema() throws {
        let json = try document(try seed())
        #expect(json["topology"] as? String == "sdwan-er")
        let settings = try #require(json["settings"] as? [String: Any])
        #expect(settings["allowBranchToBranchTraffic"] as? Bool == false)
        #expect(settings["vpnActiveActive"] is NSNull)
        #expect(settings["down"] as? [String] == [])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["name"] as? String } == ["route-server", "sdwan", "er-gateway", "er-circuit", "on-prem-1", "on-prem-2"])
        #expect(nodes.map { $0["kind"] as? String } == ["routeServer", "nva", "expressRouteGateway", "expressRouteCircuit", "site", "site"])
        let sdwan = nodes[1]
        let session = try #require((sdwan["sessions"] as? [[String: Any]])?.first)
        #expect(session["peer"] as? String == "route-server" && session["instance"] as? Int == 0)
        #expect(session["state"] as? String == "Established" && session["reason"] is NSNull)
        let route = try #require((sdwan["routes"] as? [[String: Any]])?.first)
        #expect(route["prefix"] as? String == "10.0.0.0/16")
        #expect(route["nextHop"] as? String == "10.0.1.4")
        #expect(route["asPath"] as? [Int] == [65515])
        #expect(route["origin"] as? String == "igp")
        #expect(route["from"] as? String == "route-server")
        #expect(route["best"] as? Bool == true && route["multipath"] as? Bool == true)
        #expect(route["reason"] as? String == "multipath")
        let advertised = try #require((sdwan["advertised"] as? [[String: Any]])?.first)
        #expect(advertised["peer"] as? String == "route-server")
        #expect(advertised["prefix"] as? String == "10.1.0.0/16")
        #expect(advertised["asPath"] as? [Int] == [65001, 65010])
        let vnets = try #require(json["effectiveRoutes"] as? [[String: Any]])
        #expect(vnets.map { $0["vnet"] as? String } == ["hub-vnet", "spoke-1"])
        let first = try #require((vnets[0]["routes"] as? [[String: Any]])?.first)
        #expect(first["source"] as? String == "Default" && first["nextHopType"] as? String == "Internet")
        #expect(first["nextHopIps"] as? [String] == [])
    }

    @Test("routes are sorted by prefix then best first; a down session carries its reason")
    func orderAndReasons() throws {
        let json = try document(try seed { $0.down = ["route-server#1"] })
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        let sdwan = nodes[1]
        let routes = try #require(sdwan["routes"] as? [[String: Any]])
        let prefixes = routes.compactMap { $0["prefix"] as? String }
        #expect(prefixes == ["10.0.0.0/16", "10.1.0.0/16", "10.10.0.0/16"])
        let sessions = try #require(sdwan["sessions"] as? [[String: Any]])
        #expect(sessions.contains { $0["instance"] as? Int == 1 && $0["state"] as? String == "Down" && $0["reason"] as? String == "node down" })
        let settings = try #require(json["settings"] as? [String: Any])
        #expect(settings["down"] as? [String] == ["route-server#1"])
    }

    @Test("the same topology and settings give the same bytes", arguments: BundledTopologies.all.map(\.name))
    func deterministic(_ name: String) throws {
        let first = JSONReport.render(try seed(name) { $0.routeExchange = true })
        let second = JSONReport.render(try seed(name) { $0.routeExchange = true })
        #expect(first == second)
    }
}
