import Foundation
@testable import Reports
import RoutingEngine
import Testing
import TopologyFile

/// One bundled topology under one set of switches, named briefly in the test list.
struct Scenario: CustomTestStringConvertible, Sendable {
    let topology: String
    let label: String
    let change: @Sendable (inout Settings, Topology) -> Void

    var testDescription: String { "\(topology) \(label)" }

    func result() throws -> RoutingResult {
        let topology = try BundledTopologies.topology(named: self.topology)
        var settings = Settings(of: topology)
        change(&settings, topology)
        return try Engine.compute(topology, settings: settings)
    }

    /// Every bundled topology as the file has it, with route exchange flipped, under each hub routing
    /// preference, with VPN active/active flipped, and with its first NVA or site down.
    static let all: [Scenario] = BundledTopologies.all.map(\.name).flatMap { name -> [Scenario] in
        [Scenario(topology: name, label: "as in the file") { _, _ in },
         Scenario(topology: name, label: "route exchange flipped") { settings, _ in settings.routeExchange.toggle() },
         Scenario(topology: name, label: "VPN active/active flipped") { settings, _ in
             settings.vpnActiveActive = settings.vpnActiveActive.map { !$0 }
         },
         Scenario(topology: name, label: "first NVA or site down") { settings, topology in
             if let name = topology.nvas.first?.name ?? topology.sites.first?.name { settings.down.insert(name) }
         }]
        + HubRoutingPreference.allCases.map { preference in
            Scenario(topology: name, label: "preference \(preference.rawValue), route exchange on") { settings, _ in
                settings.hubRoutingPreference = preference
                settings.routeExchange = true
            }
        }
    }
}

@Suite("Streamed JSON: the same bytes as Foundation's JSONEncoder")
struct StreamingJSONTests {
    @Test("routes --format json, whole document and each --node", arguments: Scenario.all)
    func routes(_ scenario: Scenario) throws {
        let result = try scenario.result()
        #expect(JSONReport.render(result) == (try JSONOracle.render(result)))
        for name in result.nodes.map(\.name) + result.network.virtualNetworks.map(\.name) {
            let streamed = JSONReport.render(result, node: name)
            let oracle = try JSONOracle.render(result, node: name)
            #expect(streamed == oracle, "--node \(name)")
        }
    }

    @Test("diff --format json, from the file's switches to each scenario's", arguments: Scenario.all)
    func diff(_ scenario: Scenario) throws {
        let after = try scenario.result()
        let before = try Engine.compute(after.topology)
        let diff = before.diff(to: after)
        let streamed = DiffReport.json(diff, from: before.settings, to: after.settings, topology: after.topology)
        #expect(streamed == (try JSONOracle.diff(diff, from: before.settings, to: after.settings, topology: after.topology)))
    }

    @Test("strings are escaped as JSONEncoder escapes them (quotes, backslashes, control characters, slashes, Unicode)")
    func escaping() throws {
        let strings = ["plain", "a \"quoted\" word", #"back\slash"#, "10.0.0.0/16", "line\nbreak\ttab\r\u{8}\u{c}",
                       "\u{1}\u{1f}\u{7f}", "route-server — R7 [doc]", "é😀", ""]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let oracle = String(decoding: try encoder.encode(["key": strings]), as: UTF8.self) + "\n"
        let streamed = OutputSink.collecting { sink in
            JSONWriter(sink).document(strings, JSONSchema([.strings("key") { $0 }]))
        }
        #expect(streamed == oracle)
    }

    @Test("a sink smaller than the document hands it on in pieces, and the pieces are the document")
    func smallBuffer() throws {
        let result = try Scenario.all[0].result()
        var pieces = 0
        var bytes: [UInt8] = []
        let sink = OutputSink(capacity: 64) { pieces += 1; bytes += $0 }
        JSONReport.write(result, to: sink)
        try sink.finish()
        #expect(pieces > 100)
        #expect(String(decoding: bytes, as: UTF8.self) == JSONReport.render(result))
    }

    @Test("a write error is kept, later output is dropped, and finish() reports it")
    func writeError() {
        struct Full: Error {}
        var calls = 0
        let sink = OutputSink(capacity: 16) { _ in calls += 1; throw Full() }
        for _ in 0..<10 { sink.line("more than sixteen bytes of text") }
        #expect(calls == 1)
        #expect(throws: Full.self) { try sink.finish() }
    }
}
