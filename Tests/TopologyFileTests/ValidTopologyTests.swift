import Foundation
import RoutingEngine
import Testing
import TopologyFile

@Suite("Valid topology files")
struct ValidTopologyTests {
    @Test("only the hub is required; everything else takes its default, the name from the file name")
    func minimal() throws {
        let topology = try TopologyLoader.parse(minimalHub, file: "labs/tiny.yaml")
        #expect(topology == Topology(name: "tiny", hub: VirtualNetwork(name: "hub-vnet", addressSpace: [Prefix("10.0.0.0/16")])))
        #expect(try TopologyLoader.parse(minimalHub, file: "x.yml").name == "x")
        #expect(try TopologyLoader.parse(minimalHub + "name: lab-1\n", file: "x.yaml").name == "lab-1")
    }

    @Test("defaults: route exchange off, ExpressRoute preference, Standard SKU, active/active, ASN 65515, BGP on")
    func defaults() throws {
        let topology = try TopologyLoader.parse(minimalHub + """
            routeServer: {name: rs}
            expressRouteGateway: {name: er, circuit: {name: msee, site: dc}}
            vpnGateway: {name: vpn, connections: [{site: branch}]}
            sites:
              - {name: dc, asn: 65020, prefixes: [10.2.0.0/16]}
              - {name: branch, asn: 65010, prefixes: []}
            """, file: "defaults.yaml")
        #expect(topology.routeServer == RouteServer(name: "rs"))
        #expect(topology.expressRouteGateway == ExpressRouteGateway(name: "er", circuit: ExpressRouteCircuit(name: "msee", site: "dc")))
        #expect(topology.vpnGateway == VPNGateway(name: "vpn", connections: [VPNConnection(site: "branch")]))
        #expect(topology.vpnGateway?.activeActive == true && topology.vpnGateway?.asn == 65515)
    }

    @Test("the optional fields beyond the contract's example are read")
    func optionalFields() throws {
        let topology = try TopologyLoader.parse(minimalHub + """
            routeServer:
              name: rs
              allowBranchToBranchTraffic: true
              hubRoutingPreference: ASPath
              ips: [10.0.1.4, 10.0.1.5]
            nvas:
              - name: nva
                asn: 65001
                ip: 10.0.2.4
                site: branch
                advertise: [0.0.0.0/0, {prefix: 10.9.0.0/16, communities: [no-advertise, no-export, "65001:100"]}]
                asPathPrepend: 3
            expressRouteGateway:
              name: er
              ips: [10.0.3.4, 10.0.3.5]
              circuit:
                name: msee
                site: dc
                sku: Premium
                primaryPeerAddressPrefix: 172.16.0.0/30
                secondaryPeerAddressPrefix: 172.16.0.4/30
            vpnGateway:
              name: vpn
              activeActive: false
              asn: 65000
              ips: [10.0.4.4, 10.0.4.5]
              connections: [{site: remote, bgp: false}]
            sites:
              - name: branch
                asn: 65010
                prefixes: [10.1.0.0/16]
                bgpPeeringAddress: 192.168.1.1
              - name: dc
                asn: 65020
                prefixes: [{prefix: 10.2.0.0/16, communities: ["65020:1"]}, 10.2.0.0/16]
              - {name: remote, asn: 65030, prefixes: [10.3.0.0/16]}
            down: [nva, rs#1, er--msee, vpn#0--vpn#1, msee#0--dc]
            """, file: "full.yaml")
        #expect(topology.routeServer == RouteServer(name: "rs", allowBranchToBranchTraffic: true, hubRoutingPreference: .asPath,
                                                    ips: [IPv4Address(0x0A00_0104), IPv4Address(0x0A00_0105)]))
        let nva = try #require(topology.nvas.first)
        #expect(nva.advertise == [Advertisement(.defaultRoute),
                                  Advertisement(Prefix("10.9.0.0/16"), communities: [.noAdvertise, .noExport, Community(65001, 100)])])
        #expect(nva.asPathPrepend == 3)
        let circuit = try #require(topology.expressRouteGateway?.circuit)
        #expect(circuit.sku == .premium)
        #expect(circuit.primaryPeerAddressPrefix == Prefix("172.16.0.0/30"))
        #expect(circuit.secondaryPeerAddressPrefix == Prefix("172.16.0.4/30"))
        #expect(topology.expressRouteGateway?.ips?.map(\.description) == ["10.0.3.4", "10.0.3.5"])
        #expect(topology.vpnGateway?.connections == [VPNConnection(site: "remote", bgp: false)])
        #expect(topology.sites[0].bgpPeeringAddress?.description == "192.168.1.1")
        // A prefix listed twice is not refused.
        #expect(topology.sites[1].prefixes == [Advertisement(Prefix("10.2.0.0/16"), communities: [Community(65020, 1)]),
                                               Advertisement(Prefix("10.2.0.0/16"))])
        #expect(topology.down == ["nva", "rs#1", "er--msee", "vpn#0--vpn#1", "msee#0--dc"])
        #expect(Settings(of: topology).vpnActiveActive == false)
    }

    @Test("configurations Azure rejects but the file allows load: the engine shows the consequence",
          arguments: [
            ("NVA with Azure's ASN 65515", "nvas: [{name: nva, asn: 65515, ip: 10.0.2.4}]\nrouteServer: {name: rs}\n"),
            ("NVA with reserved ASN 8075", "nvas: [{name: nva, asn: 8075, ip: 10.0.2.4}]\nrouteServer: {name: rs}\n"),
            ("NVA with IANA-reserved ASN 23456", "nvas: [{name: nva, asn: 23456, ip: 10.0.2.4}]\nrouteServer: {name: rs}\n"),
            ("NVA with 32-bit ASN 4200000001", "nvas: [{name: nva, asn: 4200000001, ip: 10.0.2.4}]\nrouteServer: {name: rs}\n"),
            ("NVA with the largest ASN", "nvas: [{name: nva, asn: 4294967295, ip: 10.0.2.4}]\nrouteServer: {name: rs}\n"),
            ("VPN gateway not active/active", "vpnGateway: {name: vpn, activeActive: false}\nrouteServer: {name: rs}\n"),
            ("VPN gateway with ASN 65000", "vpnGateway: {name: vpn, asn: 65000}\nrouteServer: {name: rs}\n"),
            ("a site with Microsoft's ASN 12076", "sites: [{name: s, asn: 12076, prefixes: []}]\n"),
            ("nine NVAs", "routeServer: {name: rs}\nnvas:\n" + (1...9).map { "  - {name: nva-\($0), asn: \(65000 + $0), ip: 10.0.2.\($0 + 3)}\n" }.joined()),
          ])
    func azureRejectedButValid(_ label: String, _ yaml: String) throws {
        let topology = try TopologyLoader.parse(minimalHub + yaml, file: "lesson.yaml")
        #expect(topology.hub.name == "hub-vnet", "\(label)")
    }

    @Test("an NVA announcing 1,001 prefixes loads (Route Server drops the session, R18)")
    func thousandAndOnePrefixes() throws {
        let prefixes = (0..<1001).map { "      - 10.\(100 + $0 / 256).\($0 % 256).0/24\n" }.joined()
        let topology = try TopologyLoader.parse(minimalHub + """
            routeServer: {name: rs}
            nvas:
              - name: nva
                asn: 65001
                ip: 10.0.2.4
                advertise:

            """ + prefixes, file: "many.yaml")
        #expect(topology.nvas.first?.advertise.count == 1001)
    }

    @Test("title and description are text; a | block loses its final newline; null optional keys are absent")
    func textAndNulls() throws {
        let topology = try TopologyLoader.parse(minimalHub + """
            title: A lab
            description: |
              Line one.
              Line two.
            routeServer:
            nvas:
            sites: ~
            down: []
            """, file: "t.yaml")
        #expect(topology.title == "A lab")
        #expect(topology.description == "Line one.\nLine two.")
        #expect(topology.routeServer == nil && topology.nvas.isEmpty && topology.sites.isEmpty)
    }

    @Test("flow style, anchors and aliases read like block style; CRLF line ends too")
    func styles() throws {
        let flow = try TopologyLoader.parse("""
            {hub: {name: hub-vnet, addressSpace: &space [10.0.0.0/16], spokes: [{name: s1, addressSpace: [10.10.0.0/16]}]},
             sites: [{name: a, asn: 65010, prefixes: *space}]}
            """, file: "flow.yaml")
        #expect(flow.hub.spokes.map(\.name) == ["s1"])
        #expect(flow.sites.first?.prefixes == [Advertisement(Prefix("10.0.0.0/16"))])
        let crlf = try TopologyLoader.parse(minimalHub.replacingOccurrences(of: "\n", with: "\r\n"), file: "crlf.yaml")
        #expect(crlf.hub.addressSpace == [Prefix("10.0.0.0/16")])
    }

    @Test("load(contentsOf:) reads a file from disk, its name the default topology name")
    func loadsFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("topology-file-tests-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("lab.yaml")
        try Data(minimalHub.utf8).write(to: file)
        #expect(try TopologyLoader.load(contentsOf: file.path).name == "lab")
    }
}
