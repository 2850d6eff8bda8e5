import Foundation
import RoutingEngine
import Testing
import TopologyFile

@Suite("Bundled topologies")
struct BundledTopologyTests {
    @Test("every bundled topology parses, with a title and a 2–4 line description",
          arguments: BundledTopologies.all.map(\.name))
    func parses(_ name: String) throws {
        let topology = try BundledTopologies.topology(named: name)
        #expect(topology.name == name)
        #expect(!topology.title.isEmpty)
        let lines = topology.description.split(separator: "\n")
        #expect((2...4).contains(lines.count), "\(name): \(lines.count) description lines")
    }

    @Test("the embedded copies equal topologies/*.yaml and topologies/labs/*.yaml byte for byte (rerun scripts/embed-topologies.sh)")
    func embeddedCopiesMatchFiles() throws {
        let root = try #require(TestPaths.packageRoot, "no Package.swift with topologies/ above \(TestPaths.testsDirectory.path)")
        var files: [(name: String, url: URL)] = []
        for folder in ["topologies", "topologies/labs"] {
            let directory = root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".yaml") {
                files.append((String(file.dropLast(5)), directory.appendingPathComponent(file)))
            }
        }
        #expect(files.map(\.name).sorted() == BundledTopologies.all.map(\.name).sorted())
        for file in files {
            let text = try String(contentsOf: file.url, encoding: .utf8)
            let entry = BundledTopologies.named(file.name)
            #expect(entry?.yaml == text, "\(file.url.lastPathComponent) differs from its embedded copy: run scripts/embed-topologies.sh")
        }
    }

    @Test("the default is sdwan-er and comes first; an unknown name is refused with a suggestion")
    func lookup() throws {
        #expect(BundledTopologies.defaultName == "sdwan-er")
        #expect(BundledTopologies.all.first?.name == "sdwan-er")
        let others = BundledTopologies.all.dropFirst().map(\.name)
        #expect(others == others.sorted())
        #expect(BundledTopologies.named("nope") == nil)
        let errors = refusals { try BundledTopologies.topology(named: "sdwan-eer") }
        #expect(errors.first?.message == "no bundled topology named 'sdwan-eer'")
        #expect(errors.first?.hint == "did you mean 'sdwan-er'?")
    }

    @Test("the product's topologies are all there")
    func required() {
        let names = Set(BundledTopologies.all.map(\.name))
        for name in ["sdwan-er", "vpn-er", "sdwan-vpn-er", "two-nvas-ecmp", "routing-preference", "shared-asn", "default-route"] {
            #expect(names.contains(name), "missing topologies/\(name).yaml")
        }
    }

    @Test("sdwan-er is the contract's example: the seed's first diagram with the ASNs of its AS paths")
    func seedFirstDiagram() throws {
        let topology = try BundledTopologies.topology(named: "sdwan-er")
        #expect(topology.hub == VirtualNetwork(name: "hub-vnet", addressSpace: [Prefix("10.0.0.0/16")],
                                               spokes: [VirtualNetwork(name: "spoke-1", addressSpace: [Prefix("10.10.0.0/16")])]))
        #expect(topology.routeServer == RouteServer(name: "route-server", allowBranchToBranchTraffic: false,
                                                    hubRoutingPreference: .expressRoute,
                                                    ips: [IPv4Address("10.0.1.4"), IPv4Address("10.0.1.5")].compactMap { $0 }))
        #expect(topology.nvas == [NVA(name: "sdwan", asn: 65001, ip: IPv4Address(0x0A00_0204), site: "on-prem-1")])
        #expect(topology.expressRouteGateway == ExpressRouteGateway(name: "er-gateway",
                                                                    circuit: ExpressRouteCircuit(name: "er-circuit", site: "on-prem-2")))
        #expect(topology.vpnGateway == nil)
        #expect(topology.sites == [Site(name: "on-prem-1", asn: 65010, prefixes: [Advertisement(Prefix("10.1.0.0/16"))]),
                                   Site(name: "on-prem-2", asn: 65020, prefixes: [Advertisement(Prefix("10.2.0.0/16"))])])
        #expect(topology.down.isEmpty)
        #expect(Settings(of: topology) == Settings())
    }

    @Test("vpn-er: the seed's second diagram, an active/active VPN gateway with BGP to on-prem-1 and no NVA")
    func seedSecondDiagram() throws {
        let topology = try BundledTopologies.topology(named: "vpn-er")
        #expect(topology.nvas.isEmpty)
        #expect(topology.routeServer != nil)
        #expect(topology.vpnGateway == VPNGateway(name: "vpn-gateway", activeActive: true, asn: 65515,
                                                  connections: [VPNConnection(site: "on-prem-1", bgp: true)]))
        #expect(topology.expressRouteGateway?.circuit.site == "on-prem-2")
        #expect(topology.sites.map(\.asn) == [65010, 65020])
    }

    @Test("sdwan-vpn-er: the NVA, the VPN gateway and the ExpressRoute gateway each connect their own site")
    func allThree() throws {
        let topology = try BundledTopologies.topology(named: "sdwan-vpn-er")
        #expect(topology.nvas.map(\.site) == ["on-prem-1"])
        #expect(topology.expressRouteGateway?.circuit.site == "on-prem-2")
        #expect(topology.vpnGateway?.connections.map(\.site) == ["on-prem-3"])
        #expect(topology.sites.first { $0.name == "on-prem-3" }?.asn == 65030)
    }

    @Test("two-nvas-ecmp: 10.50.0.0/16 ties (ECMP), 10.60.0.0/16 loses on nva-c's prepend")
    func ecmpAndPrepend() throws {
        let topology = try BundledTopologies.topology(named: "two-nvas-ecmp")
        func announcers(_ prefix: String) -> [NVA] { topology.nvas.filter { $0.advertise.contains { $0.prefix == Prefix(prefix) } } }
        let tie = announcers("10.50.0.0/16")
        #expect(tie.map(\.name) == ["nva-a", "nva-b"])
        #expect(Set(tie.map(\.asPathPrepend)) == [0])
        let steered = announcers("10.60.0.0/16")
        #expect(steered.map(\.name) == ["nva-b", "nva-c"])
        #expect(steered.map(\.asPathPrepend) == [0, 2])
        #expect(Set(topology.nvas.compactMap(\.site)).count == topology.nvas.count)
    }

    @Test("routing-preference: one prefix from the circuit's site and from the NVA")
    func routingPreference() throws {
        let topology = try BundledTopologies.topology(named: "routing-preference")
        let circuitSite = try #require(topology.sites.first { $0.name == topology.expressRouteGateway?.circuit.site })
        let shared = Prefix("10.2.0.0/16")
        #expect(circuitSite.prefixes.map(\.prefix).contains(shared))
        #expect(topology.nvas.contains { $0.advertise.map(\.prefix).contains(shared) })
    }

    @Test("shared-asn: two sites behind two NVAs with one ASN")
    func sharedASN() throws {
        let topology = try BundledTopologies.topology(named: "shared-asn")
        #expect(topology.sites.count == 2)
        #expect(Set(topology.sites.map(\.asn)) == [65010])
        #expect(Set(topology.nvas.compactMap(\.site)) == Set(topology.sites.map(\.name)))
    }

    @Test("default-route: an NVA announces 0.0.0.0/0; no-advertise: a prefix tagged no-advertise")
    func defaultRouteAndNoAdvertise() throws {
        let defaultRoute = try BundledTopologies.topology(named: "default-route")
        #expect(defaultRoute.nvas.contains { $0.advertise.map(\.prefix).contains(.defaultRoute) })
        let noAdvertise = try BundledTopologies.topology(named: "no-advertise")
        #expect(noAdvertise.nvas.flatMap(\.advertise).contains { $0.communities == [.noAdvertise] })
    }
}
