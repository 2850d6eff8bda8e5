import RoutingEngine

/// The performance spec's scale topology (product §7): 8 NVAs with 1,000 prefixes each (exactly
/// Route Server's per-NVA limit), ExpressRoute 4,000 (the Standard circuit's limit), VPN 1,000, 20 spokes.
enum ScaleTopology {
    static func make() -> Topology {
        let spokes = (0..<20).map { VirtualNetwork(name: "spoke-\($0 + 1)", addressSpace: [Prefix(address(10, 100 + $0, 0), length: 16)]) }
        let nvaCount = 8
        var nvas: [NVA] = []
        var sites: [Site] = []
        for index in 0..<nvaCount {
            let site = "branch-\(index + 1)"
            nvas.append(NVA(name: "sdwan-\(index + 1)", asn: UInt32(65001 + index), ip: address(10, 0, 2, 4 + index), site: site))
            let base = (10 << 24) | ((64 + index * 4) << 16)
            sites.append(Site(name: site, asn: UInt32(65101 + index),
                              prefixes: (0..<1000).map { Advertisement(Prefix(IPv4Address(UInt32(base + $0 << 8)), length: 24)) }))
        }
        sites.append(Site(name: "datacenter", asn: 65020,
                          prefixes: (0..<4000).map { Advertisement(Prefix(IPv4Address(UInt32((172 << 24) | (16 << 16)) + UInt32($0 << 8)), length: 24)) }))
        sites.append(Site(name: "vpn-branch", asn: 65030,
                          prefixes: (0..<1000).map { Advertisement(Prefix(IPv4Address(UInt32((100 << 24) | (64 << 16)) + UInt32($0 << 8)), length: 24)) }))
        return Topology(
            name: "scale", title: "Scale: 8 NVAs × 1,000 prefixes, ExpressRoute 4,000, VPN 1,000, 20 spokes",
            hub: VirtualNetwork(name: "hub-vnet", addressSpace: [Prefix("10.0.0.0/16")], spokes: spokes),
            routeServer: RouteServer(name: "route-server", allowBranchToBranchTraffic: false),
            nvas: nvas,
            expressRouteGateway: ExpressRouteGateway(name: "er-gateway", circuit: ExpressRouteCircuit(
                name: "er-circuit", site: "datacenter", sku: .standard)),
            vpnGateway: VPNGateway(name: "vpn-gateway", activeActive: true, connections: [VPNConnection(site: "vpn-branch")]),
            sites: sites)
    }

    private static func address(_ a: Int, _ b: Int, _ c: Int, _ d: Int = 0) -> IPv4Address {
        IPv4Address(UInt32(a << 24 | b << 16 | c << 8 | d))
    }
}
