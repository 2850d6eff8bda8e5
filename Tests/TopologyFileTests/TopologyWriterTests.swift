import Foundation
import RoutingEngine
import Testing
import TopologyFile

@Suite("Topology writer (scenarios)")
struct TopologyWriterTests {
    @Test("every bundled topology round-trips: written, read back, the same topology", arguments: BundledTopologies.all.map(\.name))
    func roundTrip(_ name: String) throws {
        let topology = try BundledTopologies.topology(named: name)
        let reread = try TopologyLoader.parse(TopologyWriter.yaml(topology), file: "\(name).yaml")
        #expect(reread == topology)
    }

    @Test("a scenario bakes the switches into the file: it loads with those settings")
    func scenario() throws {
        let topology = try BundledTopologies.topology(named: "vpn-er")
        let settings = Settings(routeExchange: true, vpnActiveActive: false, hubRoutingPreference: .asPath, down: ["er-circuit#1"])
        let reread = try TopologyLoader.parse(TopologyWriter.yaml(topology, settings: settings), file: "scenario.yaml")
        #expect(Settings(of: reread) == settings)
        #expect(reread.hub == topology.hub && reread.sites == topology.sites)
    }

    @Test("writing is atomic: the old file stays whole when the write fails, and is replaced when it succeeds")
    func atomic() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("routescope-writer-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("scenario.yaml")
        try TopologyWriter.writeAtomically("first\n", to: file.path)
        try TopologyWriter.writeAtomically("second\n", to: file.path)
        #expect(try String(contentsOf: file, encoding: .utf8) == "second\n")
        #expect(throws: (any Error).self) { try TopologyWriter.writeAtomically("x", to: directory.appendingPathComponent("missing/dir/f.yaml").path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["scenario.yaml"])
    }
}
