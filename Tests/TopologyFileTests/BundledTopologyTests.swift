import Foundation
import RoutingEngine
import Testing
import TopologyFile

@Suite("Bundled topologies")
struct BundledTopologyTests {
    static let topologies = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("topologies")

    @Test("the embedded copies are byte-for-byte the files in topologies/ (run scripts/embed-topologies.sh)")
    func embeddedMatchesFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.topologies.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.map { String($0.dropLast(5)) } == BundledTopologies.all.map(\.name).sorted())
        for entry in BundledTopologies.all {
            let text = try String(contentsOf: Self.topologies.appendingPathComponent("\(entry.name).yaml"), encoding: .utf8)
            #expect(entry.yaml + "\n" == text, "\(entry.name) differs from topologies/\(entry.name).yaml")
        }
    }

    @Test("the default is the seed's first diagram and comes first")
    func defaultTopology() throws {
        #expect(BundledTopologies.all.first?.name == BundledTopologies.defaultName)
        let topology = try BundledTopologies.topology(named: "sdwan-er")
        #expect(topology.nvas.map(\.name) == ["sdwan"])
        #expect(topology.expressRouteGateway?.circuit.site == "on-prem-2")
        #expect(topology.routeServer?.allowBranchToBranchTraffic == false)
    }

    @Test("every bundled topology loads, has a title and a description, and converges", arguments: BundledTopologies.all.map(\.name))
    func loads(_ name: String) throws {
        let topology = try BundledTopologies.topology(named: name)
        #expect(topology.name == name)
        #expect(!topology.title.isEmpty && !topology.description.isEmpty)
        #expect(try Engine.compute(topology).convergence.isConverged)
    }

    @Test("the contract's fields decode to the model")
    func fields() throws {
        let topology = try TopologyLoader.parse("""
            title: t
            hub:
              name: hub-vnet
              addressSpace: [10.0.0.0/16]
              spokes: [{name: spoke-1, addressSpace: [10.10.0.0/16]}]
            routeServer: {name: rs, allowBranchToBranchTraffic: true, hubRoutingPreference: ASPath, ips: [10.0.1.4, 10.0.1.5]}
            nvas:
              - name: sdwan
                asn: 65001
                ip: 10.0.2.4
                site: on-prem-1
                advertise: [0.0.0.0/0, {prefix: 10.9.0.0/16, communities: [no-advertise, "65001:100"]}]
                asPathPrepend: 2
            expressRouteGateway: {name: erg, circuit: {name: erc, site: on-prem-2, sku: Premium}}
            vpnGateway: {name: vpn, activeActive: false, asn: 65000, connections: [{site: on-prem-3, bgp: false}]}
            sites:
              - {name: on-prem-1, asn: 65010, prefixes: [10.1.0.0/16]}
              - {name: on-prem-2, asn: 4200000001, prefixes: [{prefix: 10.2.0.0/16, communities: ["65517:65517"]}]}
              - {name: on-prem-3, asn: 65030, prefixes: [10.3.0.0/16], bgpPeeringAddress: 192.168.3.1}
            down: [sdwan, rs#1, erg--erc]
            """, file: "dir/my-hub.yml")
        #expect(topology.name == "my-hub")
        #expect(topology.hub.spokes.first?.addressSpace == [Prefix("10.10.0.0/16")])
        #expect(topology.routeServer == RouteServer(name: "rs", allowBranchToBranchTraffic: true, hubRoutingPreference: .asPath,
                                                    ips: [IPv4Address("10.0.1.4")!, IPv4Address("10.0.1.5")!]))
        #expect(topology.nvas[0].advertise[1].communities == [.noAdvertise, Community(65001, 100)])
        #expect(topology.nvas[0].asPathPrepend == 2)
        #expect(topology.expressRouteGateway?.circuit.sku == .premium)
        #expect(topology.vpnGateway == VPNGateway(name: "vpn", activeActive: false, asn: 65000,
                                                  connections: [VPNConnection(site: "on-prem-3", bgp: false)]))
        #expect(topology.sites[1].asn == 4_200_000_001)
        #expect(topology.sites[1].prefixes[0].communities == [.routeServerTag])
        #expect(topology.sites[2].bgpPeeringAddress == IPv4Address("192.168.3.1"))
        #expect(topology.down == ["sdwan", "rs#1", "erg--erc"])
    }

    @Test("configurations Azure rejects load, and the engine shows the session down with the reason")
    func azureRejectedConfigurationsLoad() throws {
        func load(_ nva: String, vpn: String = "") throws -> RoutingResult {
            try Engine.compute(try TopologyLoader.parse("""
                hub: {name: hub, addressSpace: [10.0.0.0/16]}
                routeServer: {name: rs}
                nvas: [\(nva)]
                \(vpn)
                """, file: "azure.yaml"))
        }
        for (asn, reason) in [("65515", "NVA uses reserved ASN 65515"), ("8075", "NVA uses reserved ASN 8075"),
                              ("4200000001", "NVA uses 32-bit ASN 4200000001")] {
            let result = try load("{name: nva, asn: \(asn), ip: 10.0.2.4}")
            #expect(result.network.sessions.allSatisfy { $0.state.reason?.hasPrefix(reason) == true })
        }
        let vpn = try load("", vpn: "vpnGateway: {name: vpn, activeActive: false}")
        #expect(vpn.network.sessions.contains { $0.state.reason == "VPN gateway is not active-active" })
        let many = (0..<1001).map { "10.\(100 + $0 / 256).\($0 % 256).0/24" }.joined(separator: ", ")
        let limited = try load("{name: nva, asn: 65001, ip: 10.0.2.4, advertise: [\(many)]}")
        #expect(limited.network.sessions.allSatisfy { $0.state.reason == "advertised 1001 routes, limit 1000" })
    }
}
