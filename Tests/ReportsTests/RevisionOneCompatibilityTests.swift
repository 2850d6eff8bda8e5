import Foundation
import Reports
import RoutingEngine
import Testing
import TopologyFile

/// Revision 2 of the format adds optional fields; a revision-1 file must still load and mean what it
/// meant. Every bundled topology and every loadable input of the fuzz corpus (the valid corpus) is
/// computed under four settings, and its JSON, text and azure outputs plus a trace from each VNet to
/// each site are digested. The digests were recorded before revision 2 existed
/// (Goldens/revision1-digests.txt); a rule change that legitimately changes a table re-records them
/// (delete the file, run the test, read the diff of the outputs it names).
@Suite("Revision-1 files keep their meaning")
struct RevisionOneCompatibilityTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Goldens/revision1-digests.txt")

    @Test("every bundled and valid-corpus topology computes the same tables, reports and traces as before revision 2")
    func sameMeaning() throws {
        let got = try Self.digests()
        let actual = got.map { "\($0.name) \($0.digest)" }.joined(separator: "\n") + "\n"
        guard let expected = try? String(contentsOf: Self.golden, encoding: .utf8) else {
            try actual.write(to: Self.golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(Self.golden.lastPathComponent); review and commit it")
            return
        }
        let want = Dictionary(uniqueKeysWithValues: expected.split(separator: "\n").map { line in
            let parts = line.split(separator: " ")
            return (String(parts[0]), String(parts[1]))
        })
        // Revision 1 refused a site connected twice; revision 2 allows it (R27), so these two load now.
        // Enum values are case-insensitive since issue 13, so the wrong-case seeds load too.
        let newlyValid: Set = ["corpus/seed-invalid-site-connected-twice.yaml", "corpus/seed-invalid-site-connected-twice-vpn.yaml",
                               "corpus/seed-invalid-bad-sku-case.yaml", "corpus/seed-invalid-udr-bad-next-hop-type.yaml"]
        #expect(Set(got.map(\.name)) == Set(want.keys).union(newlyValid).union(Self.addedWithRevisionTwo),
                "the set of loadable topologies changed")
        for entry in got where want[entry.name] != nil {
            #expect(want[entry.name] == entry.digest, "\(entry.name): its outputs differ from before revision 2")
        }
    }

    /// The teaching topologies bundled with revision 2 (issue 11, and the next-hops lesson's of issue 10):
    /// they use its fields and had no meaning before it.
    static let addedWithRevisionTwo: Set = ["bundled/er-vpn-backup", "bundled/sdwan-ha-pair", "bundled/forced-tunnelling-firewall",
                                            "bundled/er-vpn-no-route-server", "bundled/spoke-without-transit", "bundled/nva-next-hop",
                                            // The lessons' topologies, added with revision 2's lessons.
                                            "bundled/nva-default-route", "bundled/prepend-er", "bundled/route-limits", "bundled/vnet-prefix",
                                            // The real labs (topologies/labs), bundled with the rules of revision 2.
                                            "bundled/lab-branch-to-branch-off-on", "bundled/lab-hub-spoke-er-rs-udr",
                                            "bundled/lab-minimal-rs-nva", "bundled/lab-nva-default-route-next-hop"]

    /// The inputs: bundled topologies by name, then the corpus files that load.
    static func topologies() throws -> [(name: String, topology: Topology)] {
        var out = try BundledTopologies.all.map { ("bundled/\($0.name)", try BundledTopologies.topology(named: $0.name)) }
        let root = try #require(packageRoot, "no package root")
        let directory = root.appendingPathComponent("Fuzz/corpus/FuzzTopologyLoader")
        // The revision-2 seeds use the new fields: they have no revision-1 meaning to keep.
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where !name.hasPrefix("seed-revision2-") {
            let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) ?? Data()
            guard let topology = try? TopologyLoader.parse(String(decoding: data, as: UTF8.self), file: "fuzz/input.yaml")
            else { continue }
            out.append(("corpus/\(name)", topology))
        }
        return out
    }

    static func digests() throws -> [(name: String, digest: String)] {
        try topologies().map { name, topology in
            var text = ""
            for settings in variations(of: topology) {
                guard let result = try? Engine.compute(topology, settings: settings) else { text += "unknown down entry\n"; continue }
                text += JSONReport.render(result) + TextReport.render(result, options: .init(showAdvertised: true))
                    + AzureReport.render(result)
                for vnet in result.network.virtualNetworks {
                    for site in topology.sites {
                        for prefix in site.prefixes.prefix(2) {
                            if let path = result.dataPath(from: vnet.name, to: prefix.prefix.network) {
                                text += TraceReport.lines(path).joined(separator: "\n") + "\n"
                            }
                        }
                    }
                }
            }
            return (name, fnv1a(text))
        }
    }

    /// The file's settings, route exchange flipped, and the two other routing preferences.
    static func variations(of topology: Topology) -> [Settings] {
        let base = Settings(of: topology)
        var flipped = base
        flipped.routeExchange.toggle()
        return [base, flipped] + HubRoutingPreference.allCases.filter { $0 != base.hubRoutingPreference }.map {
            var settings = base
            settings.hubRoutingPreference = $0
            return settings
        }
    }

    /// FNV-1a, 64 bits: stable across runs and platforms (Swift's Hasher is seeded per process).
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }

    static var packageRoot: URL? {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: directory.appendingPathComponent("Fuzz/corpus").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
