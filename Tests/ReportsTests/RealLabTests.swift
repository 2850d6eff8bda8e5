import Reports
import RoutingEngine
import Testing
import TopologyFile

/// The four published labs bundled as topologies/labs/*.yaml, compared with what the labs printed
/// (rows copied verbatim from the published outputs). Azure's tables are compared as sets of rows,
/// split on whitespace (an empty column disappears on both sides). Where routescope cannot express a
/// part of a lab, the test says which part and why; docs/rules.md lists the differences.
@Suite("Real labs as golden tests (R1–R26)")
struct RealLabTests {
    static func lab(_ name: String, _ change: (inout Settings) -> Void = { _ in }) throws -> RoutingResult {
        let topology = try BundledTopologies.topology(named: name)
        var settings = Settings(of: topology)
        change(&settings)
        return try Engine.compute(topology, settings: settings)
    }

    /// The rows of the table printed after `command` (up to the next blank line after the rule line).
    static func rows(_ text: String, after command: String) -> Set<[String]> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("PS> \(command)") }),
              let rule = lines[start...].firstIndex(where: { $0.hasPrefix("---") }) else { return [] }
        var out: Set<[String]> = []
        for line in lines[(rule + 1)...] {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            out.insert(line.split(separator: " ").map(String.init))
        }
        return out
    }

    static func rows(_ lab: String) -> Set<[String]> {
        Set(lab.split(separator: "\n").map { $0.split(separator: " ").map(String.init) })
    }

    /// FRR `show ip bgp` rows of one table as (network, next hop, path) triples.
    static func bgpPaths(_ result: RoutingResult, _ node: String) -> Set<[String]> {
        Set(result.routes(of: result.node(named: node)!).map {
            [$0.prefix.description, $0.attributes.nextHop.description, $0.attributes.asPathText]
        })
    }

    // MARK: minimal-rs-nva

    @Test("R15a lab minimal-rs-nva: Route Server's learned and advertised tables match the lab row for row")
    func R15a_minimalRouteServer() throws {
        let text = AzureReport.render(try Self.lab("lab-minimal-rs-nva"), node: "route-server")
        #expect(Self.rows(text, after: "Get-AzRouteServerPeerLearnedRoute") == Self.rows("""
            10.10.1.5    10.0.1.0/24 10.10.4.10 10.10.4.10 EBgp   65001   32768
            10.10.1.5    10.0.3.0/24 10.10.4.10 10.10.4.10 EBgp   65001   32768
            10.10.1.5    10.0.2.0/24 10.10.4.10 10.10.4.10 EBgp   65001   32768
            10.10.1.4    10.0.1.0/24 10.10.4.10 10.10.4.10 EBgp   65001   32768
            10.10.1.4    10.0.3.0/24 10.10.4.10 10.10.4.10 EBgp   65001   32768
            10.10.1.4    10.0.2.0/24 10.10.4.10 10.10.4.10 EBgp   65001   32768
            """))
        #expect(Self.rows(text, after: "Get-AzRouteServerPeerAdvertisedRoute") == Self.rows("""
            10.10.1.5    10.10.0.0/16 10.10.1.5            Igp    65515       0
            10.10.1.4    10.10.0.0/16 10.10.1.4            Igp    65515       0
            """))
    }

    // MARK: branch-to-branch-off-on

    @Test("R7/R8/R14 lab branch-to-branch-off-on: the NVA's received routes off, then on; the VPN gateway's ASN draws a warning")
    func R7_branchToBranch() throws {
        // `show ip bgp nei 10.100.2.4 received-routes`: the paths from the first Route Server instance.
        func received(_ result: RoutingResult) -> Set<[String]> {
            Set(result.routes(of: result.node(named: "frr")!).filter { $0.from == "route-server" && $0.fromInstance == 0 }
                .map { [$0.prefix.description, $0.attributes.nextHop.description, $0.attributes.asPathText] })
        }
        let off = try Self.lab("lab-branch-to-branch-off-on")
        #expect(received(off) == [["10.100.0.0/16", "10.100.2.4", "65515"]])
        let on = try Self.lab("lab-branch-to-branch-off-on") { $0.routeExchange = true }
        #expect(received(on) == [["10.0.0.0/16", "10.100.2.4", "65515 65020 65010"], ["10.100.0.0/16", "10.100.2.4", "65515"]])
        #expect(on.warnings.map(\.rule) == [.r14] && on.warnings.first?.node == "vpn-gateway")
        // Not in the lab's output: the VPN gateway's own tables (the lab prints none). The cloud VNet's VPN
        // gateway is modelled as one site speaker (AS 65010): routescope has no VNet-to-VNet connection.
    }

    // MARK: hub-spoke-er-rs-udr

    @Test("R1/R3/R5/R8/R15/R22 lab hub-spoke-er-rs-udr: Route Server's tables, the NVA's, the circuit's and the effective routes")
    func R1_hubSpoke() throws {
        let result = try Self.lab("lab-hub-spoke-er-rs-udr")
        let text = AzureReport.render(result)
        #expect(Self.rows(text, after: "Get-AzRouteServerPeerAdvertisedRoute") == Self.rows("""
            10.0.100.68  10.0.100.0/24 10.0.100.68            Igp    65515             0
            10.0.100.68  10.1.34.0/25  10.0.100.68            Igp    65515-12076-65020 0
            10.0.100.69  10.0.100.0/24 10.0.100.69            Igp    65515             0
            10.0.100.69  10.1.34.0/25  10.0.100.69            Igp    65515-12076-65020 0
            """))
        #expect(Self.rows(text, after: "Get-AzRouteServerPeerLearnedRoute") == Self.rows("""
            10.0.100.68  10.0.50.0/24 10.0.100.10 10.0.100.10 EBgp   65001  32768
            10.0.100.69  10.0.50.0/24 10.0.100.10 10.0.100.10 EBgp   65001  32768
            """))
        // `show ip bgp neighbors 10.0.100.68 received-routes`: not 10.0.50.0/24, the NVA's own (R5).
        let received = Set(result.routes(of: result.node(named: "conn1")!).filter { $0.fromInstance == 0 && $0.from == "rs" }
            .map { [$0.prefix.description, $0.attributes.nextHop.description, $0.attributes.asPathText] })
        #expect(received == [["10.0.100.0/24", "10.0.100.68", "65515"], ["10.1.34.0/25", "10.0.100.68", "65515 12076 65020"]])
        // The NVA echoes Route Server's routes back (plain FRR), and Route Server refuses them (R3). The lab's
        // NVA also echoes to the instance it learned them from; routescope's split horizon sends them only to
        // the other instance, so the refusals are on rs#1.
        let echoes = result.rejected(at: result.node(named: "rs")!).filter { $0.from == "conn1" }
        #expect(Set(echoes.map(\.prefix.description)) == ["10.0.100.0/24", "10.1.34.0/25"])
        #expect(echoes.allSatisfy { $0.rule == .r3 && $0.attributes.asPath.starts(with: [65001, 65515]) })
        // Get-AzExpressRouteCircuitRouteTable (primary): the spoke from the NVA through both gateway instances,
        // the hub, the site. The lab's next hops are the gateway instances and the CE (192.168.34.17), as here.
        #expect(Self.bgpPaths(result, "SEA-Cust34-ER").isSuperset(of: [
            ["10.0.50.0/24", "10.0.100.204", "65515 65001"], ["10.0.50.0/24", "10.0.100.205", "65515 65001"],
            ["10.0.100.0/24", "10.0.100.204", "65515"], ["10.0.100.0/24", "10.0.100.205", "65515"],
            ["10.1.34.0/25", "192.168.34.17", "65020"]]))
        // Effective routes, compared as the lab's rows (its tables omit the None ranges, trimmed by the author).
        func entries(_ subnet: String) -> Set<[String]> {
            let table = result.subnetRouteTables.first { $0.subnet?.name == subnet }!
            return Set(table.routes.filter { $0.nextHopType != .none || $0.source == .user }
                .map { [$0.source.rawValue, $0.state.rawValue, $0.prefix.description, $0.nextHopType.rawValue, $0.routeName ?? "-"] })
        }
        // nva-nic: the lab's table lacks 0.0.0.0/0 Internet too (trimmed); the spoke range from the NVA is
        // not programmed (R15). The two ER next hops are the MSEE addresses; the lab's (10.3.129.52/.53)
        // are not the /30 link addresses its CE uses, which one circuit in routescope cannot both be.
        #expect(entries("nva-subnet").subtracting([["Default", "Active", "0.0.0.0/0", "Internet", "-"]]) == [
            ["Default", "Active", "10.0.100.0/24", "VnetLocal", "-"], ["Default", "Active", "10.0.50.0/24", "VNetPeering", "-"],
            ["VirtualNetworkGateway", "Active", "10.1.34.0/25", "VirtualNetworkGateway", "-"]])
        let nvaNIC = result.subnetRouteTables.first { $0.subnet?.name == "nva-subnet" }!.routes
        #expect(nvaNIC.first { $0.prefix == Prefix("10.1.34.0/25") }?.nextHopIPs.count == 2)
        #expect(entries("hubSubnet2") == [
            ["Default", "Active", "10.0.100.0/24", "VnetLocal", "-"], ["Default", "Invalid", "10.0.50.0/24", "VNetPeering", "-"],
            ["Default", "Active", "0.0.0.0/0", "Internet", "-"],
            ["User", "Active", "10.0.50.0/24", "VirtualAppliance", "to-spoke1"], ["User", "Active", "10.0.0.0/8", "VirtualAppliance", "to-10network"]])
        #expect(entries("spoke1Subnet1") == [
            ["Default", "Active", "10.0.50.0/24", "VnetLocal", "-"], ["Default", "Invalid", "10.0.100.0/24", "VNetPeering", "-"],
            ["Default", "Active", "0.0.0.0/0", "Internet", "-"],
            ["User", "Active", "10.0.100.0/24", "VirtualAppliance", "to-hub"], ["User", "Active", "10.0.0.0/8", "VirtualAppliance", "to-10network"]])
    }

    // MARK: nva-default-route-next-hop

    @Test("R4/R9/R15a/R24/R26 lab nva-default-route-next-hop: the ER site gets 0.0.0.0/0, the VPN branch does not; the VPN gateway's learned routes")
    func R4_nvaDefaultRoute() throws {
        let result = try Self.lab("lab-nva-default-route-next-hop")
        // `show ip route` on the ExpressRoute CE: 0.0.0.0/0, 10.0.0.0/16 and 10.50.0.0/16 via the MSEE 172.16.0.2.
        let site = Self.bgpPaths(result, "onprem")
        for prefix in ["0.0.0.0/0", "10.0.0.0/16", "10.50.0.0/16"] { #expect(site.contains([prefix, "172.16.0.2", "12076"])) }
        // The branch (vpngw-clab-brach-eus): the hub and the ER site from both hub instances, no default route (R24).
        #expect(Set(Self.bgpPaths(result, "branch").map { [$0[0], $0[1], $0[2]] }).isSuperset(of: [
            ["10.0.0.0/16", "10.0.0.14", "65515"], ["10.0.0.0/16", "10.0.0.15", "65515"],
            ["10.20.10.0/24", "10.0.0.14", "65515 12076 65150"], ["10.20.10.0/24", "10.0.0.15", "65515 12076 65150"]]))
        #expect(!result.has(node: "branch", prefix: .defaultRoute))
        // az network vnet-gateway list-learned-routes (hub): every row the lab printed for the routes
        // routescope models, per instance (LocalAddress added: the lab's list interleaves the two instances).
        let text = AzureReport.render(result, node: "vpngw-clab-hub")
        let ours = Self.rows(text, after: "Get-AzVirtualNetworkGatewayLearnedRoute")
        let shared = Self.rows("""
            10.0.0.14 10.0.0.0/16 10.0.0.14 Network 32768
            10.0.0.14 10.20.10.0/24 10.0.0.4 10.0.2.4 IBgp 12076-65150 32768
            10.0.0.14 10.20.10.0/24 10.0.0.4 10.0.2.5 IBgp 12076-65150 32768
            10.0.0.14 10.50.0.0/16 10.50.0.4 10.50.0.4 EBgp 65020 32768
            10.0.0.14 10.50.0.0/16 10.0.0.15 10.0.0.15 IBgp 65020 32768
            10.0.0.14 0.0.0.0/0 10.0.3.4 10.0.2.4 IBgp 65001 32768
            10.0.0.14 0.0.0.0/0 10.0.3.4 10.0.2.5 IBgp 65001 32768
            10.0.0.15 10.0.0.0/16 10.0.0.15 Network 32768
            10.0.0.15 10.20.10.0/24 10.0.0.4 10.0.2.4 IBgp 12076-65150 32768
            10.0.0.15 10.20.10.0/24 10.0.0.4 10.0.2.5 IBgp 12076-65150 32768
            10.0.0.15 10.50.0.0/16 10.50.0.4 10.50.0.4 EBgp 65020 32768
            10.0.0.15 10.50.0.0/16 10.0.0.14 10.0.0.14 IBgp 65020 32768
            10.0.0.15 0.0.0.0/0 10.0.3.4 10.0.2.4 IBgp 65001 32768
            10.0.0.15 0.0.0.0/0 10.0.3.4 10.0.2.5 IBgp 65001 32768
            """)
        #expect(ours.isSuperset(of: shared), "missing: \(shared.subtracting(ours))")
        // R26: the lab shows Route Server reflecting the second instance's branch path to the first; routescope
        // breaks Route Server's tie by the lowest router ID, so the first instance's path goes to the second.
        #expect(ours.subtracting(shared) == Self.rows("""
            10.0.0.15 10.50.0.0/16 10.0.0.14 10.0.2.4 IBgp 65020 32768
            10.0.0.15 10.50.0.0/16 10.0.0.14 10.0.2.5 IBgp 65020 32768
            """))
        // Not expressible: the branch is an active/active VPN gateway with two BGP addresses (10.50.0.4 and
        // .5), so the lab has a second EBgp row per instance; routescope's site is one speaker. The lab's
        // /32 rows (10.50.0.4/32 Network …) are the tunnels' BGP peer addresses, which routescope does not model.
    }
}

extension RoutingResult {
    fileprivate func has(node: String, prefix: Prefix) -> Bool {
        !bestRoutes(of: self.node(named: node)!, for: prefix).isEmpty
    }
}
