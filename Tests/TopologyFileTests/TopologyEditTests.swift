import Foundation
import RoutingEngine
import Testing
@testable import TopologyFile

/// Edits made to a topology file's text at the loader's positions, loaded by the same loader.
@Suite("Topology edits: the text changed in place, loaded by the file's own loader")
struct TopologyEditTests {
    func document(_ name: String) throws -> TopologyDocument { try BundledTopologies.document(named: name) }

    func edited(_ name: String, _ edit: TopologyEdit) throws -> TopologyDocument {
        try edit.apply(to: document(name)).get()
    }

    @Test("setting every field of every element of every bundled topology to its own value leaves the text byte for byte")
    func noChangeRoundTrip() throws {
        for entry in BundledTopologies.all {
            let original = try document(entry.name)
            let index = ElementIndex(original.outline)
            var fields = 0
            for element in index.elements {
                for field in element.kind.fields {
                    guard let value = element.currentValue(of: field.name, index: index), field.key != "" || element.kind == .subnet,
                          element.node[element.key(for: field.name)] != nil else { continue }
                    let result = try TopologyEdit.set(name: element.name, field: field.name, value: value).apply(to: original).get()
                    #expect(result.text == original.text, "\(entry.name): \(element.name) \(field.name) \(value)")
                    fields += 1
                }
            }
            #expect(fields > 0, "\(entry.name) has fields")
            #expect(TopologyWriter.scenario(original, settings: Settings(of: original.topology)) == original.text)
        }
    }

    @Test("an edit changes only the edited value's bytes: comments, key order and the rest stay")
    func minimalDiff() throws {
        let original = try document("sdwan-er")
        let asn = try edited("sdwan-er", .set(name: "sdwan", field: "asn", value: "65515"))
        #expect(asn.text == original.text.replacingOccurrences(of: "asn: 65001", with: "asn: 65515"))
        #expect(asn.text.contains("# \"route exchange\": off is Azure's default"))
        #expect(asn.topology.nvas[0].asn == 65515)

        let routeExchange = try edited("sdwan-er", .set(name: "route-server", field: "route-exchange", value: "on"))
        #expect(routeExchange.text == original.text.replacingOccurrences(of: "allowBranchToBranchTraffic: false", with: "allowBranchToBranchTraffic: true"))

        // A key the element did not have: one new line at the element's indentation.
        let prepend = try edited("sdwan-er", .set(name: "sdwan", field: "prepend", value: "2"))
        #expect(prepend.text == original.text.replacingOccurrences(of: "    site: on-prem-1\n", with: "    site: on-prem-1\n    asPathPrepend: 2\n"))
        #expect(prepend.topology.nvas[0].asPathPrepend == 2)
    }

    @Test("every kind of edit: the model says what the command said")
    func everyEdit() throws {
        var doc = try edited("sdwan-vpn-er", .addPrefix(node: "on-prem-1", prefix: "10.5.0.0/16", communities: ["65010:100"]))
        #expect(doc.topology.sites[0].prefixes.map(\.prefix.description) == ["10.1.0.0/16", "10.5.0.0/16"])
        #expect(doc.topology.sites[0].prefixes[1].communities.map(\.description) == ["65010:100"])
        doc = try TopologyEdit.deletePrefix(node: "on-prem-1", prefix: "10.1.0.0/16").apply(to: doc).get()
        #expect(doc.topology.sites[0].prefixes.map(\.prefix.description) == ["10.5.0.0/16"])

        doc = try edited("sdwan-vpn-er", .addSite(name: "on-prem-4", asn: "65040", prefixes: ["10.4.0.0/16", "10.44.0.0/16"]))
        #expect(doc.topology.sites.last == Site(name: "on-prem-4", asn: 65040, prefixes: [Advertisement(Prefix("10.4.0.0/16")), Advertisement(Prefix("10.44.0.0/16"))]))
        doc = try TopologyEdit.attach(site: "on-prem-4", to: "vpn", bgp: "off").apply(to: doc).get()
        #expect(doc.topology.vpnGateway?.connections.last == VPNConnection(site: "on-prem-4", bgp: false))
        doc = try TopologyEdit.addNVA(name: "sdwan-2", asn: "65002", ip: "10.0.2.5", site: nil).apply(to: doc).get()
        doc = try TopologyEdit.attach(site: "on-prem-4", to: "sdwan-2", bgp: nil).apply(to: doc).get()
        #expect(doc.topology.nvas.last == NVA(name: "sdwan-2", asn: 65002, ip: IPv4Address("10.0.2.5")!, site: "on-prem-4"))
        doc = try TopologyEdit.detach(site: "on-prem-4", from: "vpn-gateway").apply(to: doc).get()
        #expect(doc.topology.vpnGateway?.connections.map(\.site) == ["on-prem-3"])
        doc = try TopologyEdit.detach(site: "on-prem-4", from: "sdwan-2").apply(to: doc).get()
        #expect(doc.topology.nvas.last?.site == nil)
        doc = try TopologyEdit.setSitePrepend(site: "on-prem-1", peer: "sdwan", count: "3").apply(to: doc).get()
        #expect(doc.topology.sites[0].asPathPrepend == ["sdwan": 3])
        doc = try TopologyEdit.set(name: "er-circuit", field: "sku", value: "Premium").apply(to: doc).get()
        #expect(doc.topology.expressRouteGateway?.circuit.sku == .premium)
        doc = try TopologyEdit.set(name: "sdwan", field: "nexthop", value: "10.0.4.4").apply(to: doc).get()
        #expect(doc.topology.nvas[0].nextHop == IPv4Address("10.0.4.4"))
        doc = try TopologyEdit.addSpoke(name: "spoke-3", prefix: "10.30.0.0/16").apply(to: doc).get()
        #expect(doc.topology.hub.spokes.map(\.name) == ["spoke-1", "spoke-2", "spoke-3"])
        doc = try TopologyEdit.delete("spoke-2").apply(to: doc).get()
        #expect(doc.topology.hub.spokes.map(\.name) == ["spoke-1", "spoke-3"])
        doc = try TopologyEdit.delete("sdwan-2").apply(to: doc).get()
        #expect(doc.topology.nvas.map(\.name) == ["sdwan"])
        doc = try TopologyEdit.delete("vpn-gateway").apply(to: doc).get()
        #expect(doc.topology.vpnGateway == nil)

        // Subnets and route tables (R22).
        var firewall = try edited("forced-tunnelling-firewall", .set(name: "workload", field: "propagation", value: "off"))
        #expect(firewall.topology.routeTable(named: firewall.topology.hub.subnets[1].routeTable)?.disableBgpRoutePropagation == true)
        firewall = try TopologyEdit.set(name: "mgmt", field: "propagation", value: "on").apply(to: firewall).get()
        #expect(firewall.topology.routeTable(named: "rt-mgmt")?.disableBgpRoutePropagation == false)
        firewall = try TopologyEdit.addRoute(table: "rt-app", prefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", address: "10.0.4.4")
            .apply(to: firewall).get()
        #expect(firewall.topology.routeTable(named: "rt-app")?.routes.last
                == UserRoute(name: "route-1", addressPrefix: Prefix("0.0.0.0/0"), nextHopType: .virtualAppliance,
                             nextHopIpAddress: IPv4Address("10.0.4.4")))
        // The original comments are all still there.
        for line in try document("forced-tunnelling-firewall").text.split(separator: "\n") where line.contains("#") {
            #expect(firewall.text.contains(line.components(separatedBy: "#").dropFirst().joined(separator: "#")), "lost: \(line)")
        }
    }

    @Test("a bad edit is refused with the file's words: the same message and hint as the hand-edited file")
    func sameRefusal() throws {
        let original = try document("sdwan-er")
        let cases: [(TopologyEdit, String, String)] = [
            (.set(name: "sdwan", field: "asn", value: "0"), "asn: 65001", "asn: 0"),
            (.set(name: "sdwan", field: "asn", value: "1.10"), "asn: 65001", "asn: 1.10"),
            (.set(name: "sdwan", field: "ip", value: "10.0.2.4/24"), "ip: 10.0.2.4", "ip: 10.0.2.4/24"),
            (.set(name: "er-circuit", field: "sku", value: "Ultra"), "sku: Standard", "sku: Ultra"),
            (.set(name: "sdwan", field: "site", value: "on-prem-9"), "site: on-prem-1", "site: on-prem-9"),
            (.set(name: "sdwan", field: "asnn", value: "65002"), "    site: on-prem-1", "    site: on-prem-1\n    asnn: 65002"),
        ]
        for (edit, from, to) in cases {
            guard case .failure(let refusal) = edit.apply(to: original) else {
                Issue.record("\(edit) was not refused")
                continue
            }
            #expect(original.text.contains(from))
            let file = original.text.replacingOccurrences(of: from, with: to)
            do {
                _ = try TopologyLoader.parse(file, file: "topologies/sdwan-er.yaml")
                Issue.record("the hand-edited file loads: \(to)")
            } catch {
                #expect(refusal.message == error.first.message, "\(edit)")
                #expect(refusal.hint == error.first.hint, "\(edit)")
            }
        }
        // A name that names nothing: the nearest name.
        guard case .failure(let refusal) = TopologyEdit.set(name: "sdwam", field: "asn", value: "1").apply(to: original) else {
            Issue.record("a misspelt name was accepted")
            return
        }
        #expect(refusal.description == "no element named 'sdwam' — did you mean 'sdwan'?")
    }

    @Test("differential: an edit, the same change made in the file by hand, and the edited file loaded fresh give the same tables")
    func differential() throws {
        let original = try document("sdwan-vpn-er")
        let cases: [(TopologyEdit, String, String)] = [
            (.set(name: "sdwan", field: "asn", value: "65515"), "    asn: 65001", "    asn: 65515"),
            (.addPrefix(node: "on-prem-3", prefix: "10.33.0.0/16", communities: []), "[10.3.0.0/16]", "[10.3.0.0/16, 10.33.0.0/16]"),
            (.set(name: "sdwan", field: "prepend", value: "2"), "    site: on-prem-1", "    site: on-prem-1\n    asPathPrepend: 2"),
        ]
        for (edit, from, to) in cases {
            let byEdit = try edit.apply(to: original).get()
            let byHand = try TopologyLoader.parse(original.text.replacingOccurrences(of: from, with: to), file: original.file)
            let fresh = try TopologyLoader.parse(byEdit.text, file: original.file)
            #expect(byEdit.topology == byHand && fresh == byHand, "\(edit)")
            let tables = try [byEdit.topology, byHand, fresh].map { try Engine.compute($0) }
            #expect(tables[0].diff(to: tables[1]).isEmpty && tables[1].diff(to: tables[2]).isEmpty)
            #expect(!tables[0].diff(to: try Engine.compute(original.topology)).isEmpty, "\(edit) changes the tables")
        }
    }

    @Test("a scenario writes the switches into the file's own text, comments kept")
    func scenario() throws {
        let original = try document("sdwan-er")
        var settings = Settings(of: original.topology)
        settings.routeExchange = true
        settings.down = ["sdwan"]
        let text = TopologyWriter.scenario(original, settings: settings)
        let loaded = try TopologyLoader.parse(text, file: "scenario.yaml")
        #expect(Settings(of: loaded) == settings)
        #expect(text.contains("allowBranchToBranchTraffic: true     # \"route exchange\""))
        #expect(text.hasPrefix(original.text.prefix(200)))
    }
}
