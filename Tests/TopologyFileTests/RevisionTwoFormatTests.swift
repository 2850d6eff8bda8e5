import Foundation
import RoutingEngine
import Testing
import TopologyFile

/// Contract §1a: the optional fields of format revision 2, read, written and read back.
@Suite("Topology format revision 2")
struct RevisionTwoFormatTests {
    static let full = """
        name: revision-2
        hub:
          name: hub-vnet
          addressSpace: [10.0.0.0/16]
          subnets:
            - name: workload
              addressPrefix: 10.0.10.0/24
              routeTable: rt-workload
            - {name: shared, addressPrefix: 10.0.20.0/24}
          spokes:
            - name: spoke-1
              addressSpace: [10.10.0.0/16]
              useRemoteGateways: false
              subnets: [{name: app, addressPrefix: 10.10.1.0/24, routeTable: rt-spoke}]
            - {name: spoke-2, addressSpace: [10.20.0.0/16]}
        routeTables:
          - name: rt-workload
            disableBgpRoutePropagation: true
            routes:
              - name: to-firewall
                addressPrefix: 0.0.0.0/0
                nextHopType: VirtualAppliance
                nextHopIpAddress: 10.0.3.4
              - {name: drop-bogons, addressPrefix: 100.64.0.0/10, nextHopType: None}
          - name: rt-spoke
            routes:
              - {name: via-vpn, addressPrefix: 10.1.0.0/16, nextHopType: VirtualNetworkGateway}
              - {name: local, addressPrefix: 10.10.0.0/16, nextHopType: VnetLocal}
              - {name: out, addressPrefix: 0.0.0.0/0, nextHopType: Internet}
        routeServer: {name: route-server}
        nvas:
          - name: sdwan-a
            asn: 65001
            ip: 10.0.2.4
            nextHop: 10.0.3.4
            site: branch
            advertise: [{prefix: 10.9.0.0/16, communities: ["65001:100"], med: 50}, {prefix: 10.8.0.0/16, med: 0}]
          - {name: sdwan-b, asn: 65001, ip: 10.0.2.5, site: branch}
        expressRouteGateway:
          name: er-gateway
          circuits:
            - {name: er-ams, site: dc}
            - {name: er-fra, site: branch, sku: Premium}
        vpnGateway:
          name: vpn-gateway
          connections: [{site: dc}, {site: dc, bgp: false}]
        sites:
          - name: branch
            asn: 65010
            prefixes: [10.1.0.0/16, {prefix: 10.1.128.0/17, communities: [no-advertise], med: 10}]
            asPathPrepend: {sdwan-b: 2, er-fra: 1}
          - name: dc
            asn: 65020
            prefixes: [10.2.0.0/16]
            asPathPrepend: {vpn-gateway: 3}
        """

    @Test("every revision-2 field is read into the model")
    func reads() throws {
        let topology = try TopologyLoader.parse(Self.full, file: "revision-2.yaml")
        #expect(topology.hub.subnets == [Subnet(name: "workload", addressPrefix: Prefix("10.0.10.0/24"), routeTable: "rt-workload"),
                                         Subnet(name: "shared", addressPrefix: Prefix("10.0.20.0/24"))])
        #expect(topology.hub.spokes[0].useRemoteGateways == false && topology.hub.spokes[1].useRemoteGateways)
        #expect(topology.hub.spokes[0].subnets.map(\.routeTable) == ["rt-spoke"])
        let table = try #require(topology.routeTable(named: "rt-workload"))
        #expect(table.disableBgpRoutePropagation)
        #expect(table.routes == [UserRoute(name: "to-firewall", addressPrefix: .defaultRoute, nextHopType: .virtualAppliance,
                                           nextHopIpAddress: IPv4Address("10.0.3.4")),
                                 UserRoute(name: "drop-bogons", addressPrefix: Prefix("100.64.0.0/10"), nextHopType: .none)])
        #expect(topology.routeTable(named: "rt-spoke")?.routes.map(\.nextHopType) == [.virtualNetworkGateway, .vnetLocal, .internet])
        #expect(topology.routeTable(named: "rt-spoke")?.disableBgpRoutePropagation == false)
        #expect(topology.nvas[0].nextHop == IPv4Address("10.0.3.4") && topology.nvas[1].nextHop == nil)
        #expect(topology.nvas[0].advertise == [Advertisement(Prefix("10.9.0.0/16"), communities: [Community(65001, 100)], med: 50),
                                               Advertisement(Prefix("10.8.0.0/16"), med: 0)])
        #expect(topology.expressRouteGateway?.circuits.map(\.name) == ["er-ams", "er-fra"])
        #expect(topology.expressRouteGateway?.circuits[1].sku == .premium)
        #expect(topology.sites[0].asPathPrepend == ["sdwan-b": 2, "er-fra": 1])
        #expect(topology.sites[0].prefixes[1] == Advertisement(Prefix("10.1.128.0/17"), communities: [.noAdvertise], med: 10))
        #expect(topology.sites[1].asPathPrepend == ["vpn-gateway": 3])
    }

    @Test("R27: a site named by two NVAs, a circuit and two connections loads (revision 1 refused it)")
    func siteConnectedSeveralTimes() throws {
        let topology = try TopologyLoader.parse(Self.full, file: "revision-2.yaml")
        #expect(topology.nvas.compactMap(\.site) == ["branch", "branch"])
        #expect(topology.vpnGateway?.connections.map(\.site) == ["dc", "dc"])
    }

    @Test("the writer writes every revision-2 field, and reading it back gives the same topology")
    func roundTrip() throws {
        let topology = try TopologyLoader.parse(Self.full, file: "revision-2.yaml")
        let written = TopologyWriter.yaml(topology)
        #expect(try TopologyLoader.parse(written, file: "revision-2.yaml") == topology)
        for text in ["useRemoteGateways: false", "routeTable: rt-workload", "disableBgpRoutePropagation: true",
                     "nextHopIpAddress: 10.0.3.4", "nextHopType: None", "nextHop: 10.0.3.4", "circuits:",
                     "asPathPrepend: {er-fra: 1, sdwan-b: 2}", "{prefix: 10.9.0.0/16, communities: [\"65001:100\"], med: 50}"] {
            #expect(written.contains(text), "written file lacks \(text)")
        }
    }

    @Test("one circuit is written as circuit:, as revision 1 wrote it; circuits: [one] reads the same")
    func oneCircuit() throws {
        let list = try TopologyLoader.parse(minimalHub + """
            expressRouteGateway: {name: er, circuits: [{name: msee, site: dc}]}
            sites: [{name: dc, asn: 65020, prefixes: []}]
            """, file: "one.yaml")
        let single = try TopologyLoader.parse(minimalHub + """
            expressRouteGateway: {name: er, circuit: {name: msee, site: dc}}
            sites: [{name: dc, asn: 65020, prefixes: []}]
            """, file: "one.yaml")
        #expect(list == single)
        #expect(TopologyWriter.yaml(list).contains("  circuit:\n    name: msee"))
    }

    @Test("subnet and route table names share the file's one namespace")
    func namespace() {
        let errors = refusals(of: minimalHub.replacingOccurrences(of: "  addressSpace: [10.0.0.0/16]\n", with: """
              addressSpace: [10.0.0.0/16]
              subnets: [{name: hub-vnet, addressPrefix: 10.0.1.0/24}]

            """))
        #expect(errors.map(located) == ["4:20: duplicate name 'hub-vnet' (hub.subnets[0] and hub)"])
    }
}
