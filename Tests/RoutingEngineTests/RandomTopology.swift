import PropertyBased
@testable import RoutingEngine

/// Random valid topologies for the property tests, decoded from a list of small numbers ("genes").
/// Shrinking the list towards zeros shrinks the topology towards the simplest one (one site, Route
/// Server, nothing else), so a failure is reported on a small network.
///
/// Pools are small on purpose: shared ASNs (R3 loops), reserved ASNs (R19), overlapping and equal
/// prefixes from several places (ECMP, preference), a default route and a no-advertise community
/// turn up often.
enum RandomTopology {
    static let genes = Gen.int(in: 0...255).array(of: 40)

    static let generator = genes.map { decode($0) }

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
        if g.next(4) == 3 {
            let names = downCandidates(of: topology)
            topology.down = [names[g.next(names.count)]]
        }
        return topology
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
