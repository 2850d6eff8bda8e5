import RoutingEngine
import Testing

/// The engine's meaning of the revision-2 fields of the topology (contract §1a): R1 rev. 2, R4/R23,
/// R22, R27, R28, R29.
@Suite("Revision 2: spokes, next hops, several attachments, per-prefix attributes, circuits")
struct RevisionTwoModelTests {
    /// The seed's first diagram with spoke-2 (10.20.0.0/16) peered without gateway transit.
    func spokeWithoutTransit() -> Topology {
        var topology = Seed.sdwanER(routeExchange: true)
        topology.hub = Lab.hubTwoSpokes
        topology.hub.spokes[1].useRemoteGateways = false
        return topology
    }

    @Test("R1: a spoke with useRemoteGateways false is not advertised, its VMs get no gateway routes, the hub reaches it by VNetPeering")
    func spokeWithoutGatewayTransit() throws {
        let result = compute(spokeWithoutTransit())
        #expect(!result.has("sdwan", "10.20.0.0/16") && !result.has("on-prem-2", "10.20.0.0/16"))
        #expect(!result.has("route-server", "10.20.0.0/16") && !result.has("er-gateway", "10.20.0.0/16"))
        #expect(result.has("sdwan", "10.10.0.0/16"), "the other spoke is advertised as before")
        #expect(result.effective("spoke-2").allSatisfy { $0.source == .default })
        #expect(result.effective("spoke-2", "10.0.0.0/16").map(\.nextHopType) == [.vnetPeering])
        #expect(result.gatewayRoute("spoke-1", "10.1.0.0/16") != nil)
        #expect(result.effective("hub-vnet", "10.20.0.0/16").map(\.nextHopType) == [.vnetPeering])
        let path = try #require(result.dataPath(from: "hub-vnet", to: IPv4Address("10.20.1.1")!))
        #expect(path.isComplete)
        let toBranch = try #require(result.dataPath(from: "spoke-2", to: IPv4Address("10.1.1.1")!))
        #expect(toBranch.first.outcome == .internet, "no gateway route: the system default route takes it")
    }

    @Test("R23: an NVA's nextHop is kept by Route Server (SourcePeer stays the NVA), by the gateways, and programmed into VMs")
    func nvaNextHop() throws {
        var topology = Seed.sdwanER(routeExchange: true)
        topology.nvas[0].nextHop = IPv4Address("10.0.3.4")
        let result = compute(topology)
        let learned = result.routes("route-server", "10.1.0.0/16")
        #expect(learned.count == 2 && learned.allSatisfy { $0.attributes.nextHop.description == "10.0.3.4" })
        #expect(learned.allSatisfy { $0.neighborAddress?.description == "10.0.2.4" })
        #expect(result.routes("er-gateway", "10.1.0.0/16").allSatisfy { $0.attributes.nextHop.description == "10.0.3.4" })
        #expect(result.gatewayRoute("hub-vnet", "10.1.0.0/16")?.nextHopIPs.map(\.description) == ["10.0.3.4"])
        // Towards its own site the NVA is still the next hop.
        #expect(result.routes("on-prem-1", "10.0.0.0/16").map(\.attributes.nextHop.description) == ["10.0.2.4"])
        // Without nextHop (R4): the NVA's ip.
        #expect(compute(Seed.sdwanER()).gatewayRoute("hub-vnet", "10.1.0.0/16")?.nextHopIPs.map(\.description) == ["10.0.2.4"])
    }

    /// on-prem-2 behind ExpressRoute and an active/active VPN gateway (the classic backup).
    func expressRouteWithVPNBackup(sitePrepend: [String: Int] = [:]) -> Topology {
        var topology = Seed.vpnER()
        topology.vpnGateway?.connections = [VPNConnection(site: "on-prem-2")]
        topology.sites = [Site(name: "on-prem-2", asn: 65020, prefixes: [Advertisement(Prefix("10.2.0.0/16"))],
                               asPathPrepend: sitePrepend)]
        return topology
    }

    @Test("R27: a site behind ExpressRoute and VPN peers with both; hub routing preference picks the copy VMs get")
    func expressRouteAndVPNForOneSite() {
        let topology = expressRouteWithVPNBackup()
        let byER = compute(topology)
        #expect(byER.bestPaths("er-gateway", "10.2.0.0/16").contains([12076, 65020]))
        #expect(byER.bestPaths("vpn-gateway", "10.2.0.0/16").contains([65020]))
        #expect(byER.gatewayRoute("hub-vnet", "10.2.0.0/16")?.learnedFrom == .expressRoute)
        let byVPN = compute(topology) { $0.hubRoutingPreference = .vpnGateway }
        #expect(byVPN.gatewayRoute("hub-vnet", "10.2.0.0/16")?.learnedFrom == .vpn)
        #expect(byVPN.gatewayRoute("hub-vnet", "10.2.0.0/16")?.nextHopIPs.count == 2, "both VPN instances")
        // The circuit down: the VPN copy takes over whatever the preference.
        let backup = compute(topology) { $0.down = ["er-circuit"] }
        #expect(backup.gatewayRoute("hub-vnet", "10.2.0.0/16")?.learnedFrom == .vpn)
    }

    @Test("R27: a site's asPathPrepend lengthens only the path towards that element; under ASPath the VMs move to VPN")
    func perPeerPrepend() {
        let topology = expressRouteWithVPNBackup(sitePrepend: ["er-circuit": 2])
        let result = compute(topology) { $0.hubRoutingPreference = .asPath }
        #expect(result.bestPaths("er-gateway", "10.2.0.0/16").contains([12076, 65020, 65020, 65020]))
        #expect(result.bestPaths("vpn-gateway", "10.2.0.0/16").contains([65020]))
        #expect(result.gatewayRoute("hub-vnet", "10.2.0.0/16")?.learnedFrom == .vpn)
        // Hub routing preference ExpressRoute still wins over the longer path.
        #expect(compute(topology).gatewayRoute("hub-vnet", "10.2.0.0/16")?.learnedFrom == .expressRoute)
        // Towards the VPN gateway instead: ER wins under ASPath.
        let other = compute(expressRouteWithVPNBackup(sitePrepend: ["vpn-gateway": 1])) { $0.hubRoutingPreference = .asPath }
        #expect(other.gatewayRoute("hub-vnet", "10.2.0.0/16")?.learnedFrom == .expressRoute)
    }

    /// A branch (AS 65010, 10.1.0.0/16) behind two SD-WAN appliances.
    func sdwanPair(secondASN: UInt32 = 65002, advertiseMEDs: (UInt32?, UInt32?) = (nil, nil)) -> Topology {
        var topology = Seed.sdwanER()
        topology.nvas = [
            NVA(name: "sdwan-a", asn: 65001, ip: IPv4Address("10.0.2.4")!, site: "on-prem-1",
                advertise: [Advertisement(Prefix("10.60.0.0/16"), med: advertiseMEDs.0)]),
            NVA(name: "sdwan-b", asn: secondASN, ip: IPv4Address("10.0.2.5")!, site: "on-prem-1",
                advertise: [Advertisement(Prefix("10.60.0.0/16"), med: advertiseMEDs.1)]),
        ]
        return topology
    }

    @Test("R27: a branch behind two NVAs peers with both; Route Server programs both next hops (ECMP)")
    func sdwanHAPair() {
        let result = compute(sdwanPair())
        #expect(result.routes("on-prem-1", "10.0.0.0/16").filter(\.isSelected).count == 1, "different AS paths: one best")
        let route = result.gatewayRoute("hub-vnet", "10.1.0.0/16")
        #expect(route?.nextHopIPs.map(\.description) == ["10.0.2.4", "10.0.2.5"])
        // One appliance down: the other carries the branch alone.
        #expect(compute(sdwanPair()) { $0.down = ["sdwan-a"] }.gatewayRoute("hub-vnet", "10.1.0.0/16")?
            .nextHopIPs.map(\.description) == ["10.0.2.5"])
    }

    @Test("R28: MED decides between paths from the same neighbouring AS, and is not compared between different ones")
    func medSameNeighbourAS() {
        let sameAS = compute(sdwanPair(secondASN: 65001, advertiseMEDs: (50, 10)))
        let paths = sameAS.routes("on-prem-1", "10.60.0.0/16")
        #expect(paths.filter(\.isSelected).map(\.from) == ["sdwan-b"])
        #expect(paths.first?.attributes.med == 10 && paths.first?.reason == .med)
        #expect(paths.last?.lostAt == .med)
        // Equal MEDs from one AS: both are multipath.
        #expect(compute(sdwanPair(secondASN: 65001, advertiseMEDs: (10, 10))).routes("on-prem-1", "10.60.0.0/16")
            .filter(\.isSelected).count == 2)
        // Different neighbouring ASes: MED is skipped, the router ID decides.
        let differentAS = compute(sdwanPair(advertiseMEDs: (50, 10))).routes("on-prem-1", "10.60.0.0/16")
        #expect(differentAS.first?.from == "sdwan-a" && differentAS.first?.reason == .routerID)
        // MED is non-transitive: Route Server passes the NVA's value, its next eBGP hop does not.
        #expect(sameAS.routes("route-server", "10.60.0.0/16").map(\.attributes.med).sorted() == [10, 10, 50, 50])
    }

    @Test("R28: a site's per-prefix community travels; no-advertise set on a site's prefix stops at its first hop")
    func perPrefixCommunities() {
        var topology = Seed.sdwanER(routeExchange: true)
        topology.sites[0].prefixes = [Advertisement(Prefix("10.1.0.0/16"), communities: [Community(65010, 7)]),
                                      Advertisement(Prefix("10.1.128.0/17"), communities: [.noAdvertise])]
        let result = compute(topology)
        #expect(result.routes("route-server", "10.1.0.0/16").allSatisfy { $0.attributes.communities.contains(Community(65010, 7)) })
        #expect(result.routes("er-gateway", "10.1.0.0/16").allSatisfy { $0.attributes.communities.contains(Community(65010, 7)) })
        #expect(result.has("sdwan", "10.1.128.0/17"), "the NVA uses it")
        #expect(!result.has("route-server", "10.1.128.0/17"), "and advertises it to no peer (R6)")
        #expect(result.blockers("route-server", "10.1.128.0/17").contains { $0.rule == .r6 })
    }

    @Test("R29: routes from one circuit are not advertised to another circuit of the same gateway")
    func circuitToCircuit() {
        let topology = Topology(
            name: "two-circuits", hub: Seed.hub,
            expressRouteGateway: ExpressRouteGateway(name: "er-gateway", circuits: [
                ExpressRouteCircuit(name: "er-ams", site: "dc-1"),
                ExpressRouteCircuit(name: "er-fra", site: "dc-2", primaryPeerAddressPrefix: Prefix("192.168.254.0/30"),
                                    secondaryPeerAddressPrefix: Prefix("192.168.254.4/30")),
            ]),
            sites: [Lab.site("dc-1", asn: 65020, ["10.2.0.0/16"]), Lab.site("dc-2", asn: 65030, ["10.3.0.0/16"])])
        let result = compute(topology)
        #expect(result.has("er-gateway", "10.2.0.0/16") && result.has("er-gateway", "10.3.0.0/16"))
        #expect(result.has("dc-1", "10.0.0.0/16") && result.has("dc-2", "10.0.0.0/16"))
        #expect(!result.has("dc-2", "10.2.0.0/16") && !result.has("dc-1", "10.3.0.0/16"))
        #expect(result.advertised("er-gateway", to: "er-fra", "10.2.0.0/16").isEmpty)
        #expect(result.blockers("er-fra", "10.2.0.0/16").contains { $0.rule == .r29 })
        #expect(result.gatewayRoute("hub-vnet", "10.3.0.0/16")?.learnedFrom == .expressRoute)
    }
}
