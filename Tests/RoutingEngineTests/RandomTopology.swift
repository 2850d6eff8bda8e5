@testable import RoutingEngine

/// Random valid topologies for the property tests, decoded from a list of small numbers ("genes").
/// Shrinking the list towards zeros shrinks the topology towards the simplest one (one site, Route
/// Server, nothing else), so a failure is reported on a small network.
///
/// Pools are small on purpose: shared ASNs (R3 loops), reserved ASNs (R19), overlapping and equal
/// prefixes from several places (ECMP, preference), a default route and a no-advertise community
/// turn up often. The genes after the first 40 add format revision 2 (all zeros: none of it): sites
/// with several attachments and per-peer prepends (R27), per-prefix communities and MEDs (R28), NVA
/// next hops (R23), a spoke without gateway transit (R1), a second circuit (R29), subnets with route
/// tables (R22).
enum RandomTopology {
    /// Genes per case (each 0–255): bounded, so every topology stays small (at most 4 sites, 3 NVAs,
    /// 2 spokes, 2 route tables of 3 routes) and a debug-build check stays fast.
    static let geneCount = 72

    static let siteASNs: [UInt32] = [65010, 65020, 65030, 65001, 65010]
    static let nvaASNs: [UInt32] = [65001, 65002, 65001, 65010, 65515, 4_200_000_000]
    static let prefixes = ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.1.0.0/24", "0.0.0.0/0",
                           "10.0.0.0/16", "192.168.0.0/16", "10.10.0.0/16"]

    /// Reads genes in order; past the end every gene is 0.
    struct Reader {
        let genes: [Int]
        var index = 0
        mutating func next(_ bound: Int) -> Int {
            defer { index += 1 }
            return index < genes.count ? genes[index] % bound : 0
        }
        mutating func chance(_ inOutOf: Int) -> Bool { next(inOutOf) != 0 }
    }

    static func decode(_ genes: [Int]) -> Topology {
        var g = Reader(genes: genes)
        let siteCount = 1 + g.next(4)
        var sites: [Site] = (0..<siteCount).map { index in
            Site(name: "site-\(index + 1)", asn: siteASNs[g.next(siteASNs.count)], prefixes: [])
        }
        for index in sites.indices {
            for _ in 0...g.next(2) { sites[index].prefixes.append(Advertisement(Prefix(prefixes[g.next(prefixes.count)]))) }
        }
        var unconnected = sites.map(\.name)
        func takeSite(_ g: inout Reader) -> String? {
            let choice = g.next(unconnected.count + 1)
            return choice < unconnected.count ? unconnected.remove(at: choice) : nil
        }

        let spokes = (0..<g.next(3)).map { VirtualNetwork(name: "spoke-\($0 + 1)", addressSpace: [Prefix("10.\(10 * ($0 + 1)).0.0/16")]) }
        let hub = VirtualNetwork(name: "hub-vnet", addressSpace: [Prefix("10.0.0.0/16")], spokes: spokes)

        let hasRouteServer = g.next(5) != 4
        let routeServer = hasRouteServer
            ? RouteServer(name: "route-server", allowBranchToBranchTraffic: g.chance(2),
                          hubRoutingPreference: HubRoutingPreference.allCases[g.next(3)])
            : nil
        var nvas: [NVA] = []
        if hasRouteServer {
            for index in 0..<g.next(4) {
                var advertise: [Advertisement] = []
                for _ in 0..<g.next(3) {
                    let communities: [Community] = g.next(4) == 3 ? [.noAdvertise] : []
                    advertise.append(Advertisement(Prefix(prefixes[g.next(prefixes.count)]), communities: communities))
                }
                nvas.append(NVA(name: "nva-\(index + 1)", asn: nvaASNs[g.next(nvaASNs.count)],
                                ip: IPv4Address("10.0.2.\(4 + index)")!, site: takeSite(&g),
                                advertise: advertise, asPathPrepend: g.next(3)))
            }
        }
        var expressRoute: ExpressRouteGateway?
        if g.next(3) != 2, let site = takeSite(&g) {
            expressRoute = ExpressRouteGateway(name: "er-gateway", circuit: ExpressRouteCircuit(
                name: "er-circuit", site: site, sku: g.chance(2) ? .standard : .premium))
        }
        var vpn: VPNGateway?
        if g.chance(2) {
            var connections: [VPNConnection] = []
            while let site = takeSite(&g) { connections.append(VPNConnection(site: site, bgp: g.next(3) != 2)) }
            vpn = VPNGateway(name: "vpn-gateway", activeActive: g.next(3) != 2, asn: g.next(6) == 5 ? 65050 : ASN.azure,
                             connections: connections)
        }
        var topology = Topology(name: "random", hub: hub, routeServer: routeServer, nvas: nvas,
                                expressRouteGateway: expressRoute, vpnGateway: vpn, sites: sites)
        let down = g.next(4) == 3 ? g.next(1 << 16) : nil
        g.index = max(g.index, 40)
        addRevisionTwo(to: &topology, &g)
        if let down {
            let names = downCandidates(of: topology)
            topology.down = [names[down % names.count]]
        }
        return topology
    }

    /// The revision-2 fields, each off when its gene is 0.
    static func addRevisionTwo(to topology: inout Topology, _ g: inout Reader) {
        let siteNames = topology.sites.map(\.name)
        // R27: an NVA without a site takes one that may be connected already; the VPN gateway backs one up.
        for index in topology.nvas.indices where topology.nvas[index].site == nil && g.chance(3) {
            topology.nvas[index].site = siteNames[g.next(siteNames.count)]
        }
        if topology.vpnGateway != nil, g.chance(3) {
            topology.vpnGateway?.connections.append(VPNConnection(site: siteNames[g.next(siteNames.count)], bgp: g.next(4) != 3))
        }
        // R29: a second circuit on the gateway.
        if topology.expressRouteGateway != nil, g.next(4) == 3 {
            topology.expressRouteGateway?.circuits.append(ExpressRouteCircuit(
                name: "er-circuit-2", site: siteNames[g.next(siteNames.count)],
                primaryPeerAddressPrefix: Prefix("192.168.254.0/30"), secondaryPeerAddressPrefix: Prefix("192.168.254.4/30")))
        }
        // R27 prepends towards attached elements; R28 communities and MEDs per prefix.
        for index in topology.sites.indices {
            let name = topology.sites[index].name
            let peers = topology.nvas.filter { $0.site == name }.map(\.name)
                + (topology.expressRouteGateway?.circuits.filter { $0.site == name }.map(\.name) ?? [])
                + (topology.vpnGateway?.connections.contains { $0.site == name && $0.bgp } == true ? [topology.vpnGateway!.name] : [])
            if !peers.isEmpty, g.chance(3) { topology.sites[index].asPathPrepend[peers[g.next(peers.count)]] = 1 + g.next(2) }
            for prefix in topology.sites[index].prefixes.indices {
                switch g.next(5) {
                case 1: topology.sites[index].prefixes[prefix].med = UInt32(10 * g.next(4))
                case 2: topology.sites[index].prefixes[prefix].communities = [Community(65010, 1)]
                case 3: topology.sites[index].prefixes[prefix].communities = [.noAdvertise]
                default: break
                }
            }
        }
        for index in topology.nvas.indices {
            if g.next(4) == 3 { topology.nvas[index].nextHop = IPv4Address("10.0.5.\(4 + g.next(2))") }
            for prefix in topology.nvas[index].advertise.indices where g.next(3) == 2 {
                topology.nvas[index].advertise[prefix].med = UInt32(10 * g.next(4))
            }
        }
        // R1: a spoke without gateway transit.
        if !topology.hub.spokes.isEmpty, g.next(3) == 2 {
            topology.hub.spokes[g.next(topology.hub.spokes.count)].useRemoteGateways = false
        }
        // R22: subnets of the hub and the first spoke, some with a route table.
        let hops = topology.nvas.map(\.ip) + topology.nvas.compactMap(\.nextHop) + [IPv4Address("10.0.9.9")!]
        for table in 0..<g.next(3) {
            var routes: [UserRoute] = []
            for route in 0..<g.next(4) {
                let type = UserRoute.NextHopType.allCases[g.next(UserRoute.NextHopType.allCases.count)]
                let prefix = Prefix(prefixes[g.next(prefixes.count)])
                // A route table has one route per prefix (the loader refuses a second one, as Azure does).
                guard !routes.contains(where: { $0.addressPrefix == prefix }) else { continue }
                routes.append(UserRoute(name: "r\(route)", addressPrefix: prefix, nextHopType: type,
                                        nextHopIpAddress: type == .virtualAppliance ? hops[g.next(hops.count)] : nil))
            }
            topology.routeTables.append(RouteTable(name: "rt-\(table + 1)", disableBgpRoutePropagation: g.next(3) == 2, routes: routes))
        }
        func subnet(_ name: String, _ prefix: String, _ g: inout Reader) -> Subnet {
            let choice = g.next(topology.routeTables.count + 1)
            return Subnet(name: name, addressPrefix: Prefix(prefix),
                          routeTable: choice < topology.routeTables.count ? topology.routeTables[choice].name : nil)
        }
        if g.chance(2) {
            topology.hub.subnets = [subnet("hub-a", "10.0.10.0/24", &g), subnet("hub-b", "10.0.20.0/24", &g)]
        }
        if !topology.hub.spokes.isEmpty, g.chance(2) {
            topology.hub.spokes[0].subnets = [subnet("spoke-a", "10.10.1.0/24", &g)]
        }
    }

    /// Names a `down` entry may take: nodes, single instances and sessions.
    static func downCandidates(of topology: Topology) -> [String] {
        let network = try! Network(topology: topology, settings: Settings(of: topology))
        var names = network.nodes.map(\.name)
        for node in network.nodes where network.isMultiInstance(node) {
            names += node.speakers.map { network.name(of: $0) }
        }
        names += network.sessions.map { "\(network.node(of: $0.a).name)--\(network.node(of: $0.b).name)" }
        return names
    }
}
