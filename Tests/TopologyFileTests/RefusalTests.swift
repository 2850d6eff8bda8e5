import Foundation
import RoutingEngine
import Testing
import TopologyFile

@Suite("Refusals")
struct RefusalTests {
    @Test("description is file:line:column: message, then the hint on its own line")
    func format() {
        let error = TopologyError(file: "a.yaml", line: 7, column: 5, message: "unknown key 'asnn' in nvas[0]", hint: "did you mean 'asn'?")
        #expect(error.description == "a.yaml:7:5: unknown key 'asnn' in nvas[0]\n  hint: did you mean 'asn'?")
        let bare = TopologyError(file: "a.yaml", line: 1, column: 1, message: "the file is empty")
        #expect(bare.description == "a.yaml:1:1: the file is empty")
        let both = TopologyErrors([error, bare])
        #expect(both.errors == [bare, error])
        #expect(both.description == bare.description + "\n" + error.description)
        #expect(TopologyErrors.refusals(in: both) == [bare, error])
        #expect(TopologyErrors.refusals(in: error) == [error])
        #expect(TopologyErrors.refusals(in: CancellationError()) == nil)
        #expect(both.first == bare)
        #expect(TopologyErrors([]).first.line == 1)
    }

    @Test("the loader throws TopologyErrors: one refusal for one problem, all of them in file order for several")
    func severalAtOnce() throws {
        #expect(throws: TopologyErrors.self) { try TopologyLoader.parse("hub: {name: h}\n", file: "one.yaml") }
        #expect(refusals(of: "hub: {name: h}\n").map(located) == ["1:6: missing key 'addressSpace' in hub"])
        let yaml = """
            sites:
              - {name: s, asn: 0, prefixes: [10.1.0.1/16]}
            hub:
              name: hub-vnet
              addressSpace: [10.0.0.0/16]
              colour: blue
            nvas: [{name: s, asn: 65001, ip: 10.0.2.4}]
            """
        #expect(throws: TopologyErrors.self) { try TopologyLoader.parse(yaml, file: "many.yaml") }
        let errors = refusals(of: yaml, file: "many.yaml")
        #expect(errors.map(located) == [
            "2:20: ASN 0 is out of range",
            "2:34: '10.1.0.1/16' has host bits set",
            "6:3: unknown key 'colour' in hub",
            "7:1: NVAs need a Route Server to peer with",
            "7:15: duplicate name 's' (nvas[0] and sites[0])",
        ])
        #expect(errors.allSatisfy { $0.file == "many.yaml" })
    }

    @Test("a merge-conflict marker is found on the line libyaml would count, after CR or CR LF breaks too")
    func conflictMarkerLines() {
        for breakText in ["\n", "\r", "\r\n"] {
            let yaml = ["hub:", "  name: hub-vnet", "<<<<<<< HEAD", "  addressSpace: [10.0.0.0/16]"].joined(separator: breakText)
            #expect(refusals(of: yaml).map(located) == ["3:1: an unresolved merge conflict marker"], "\(breakText.debugDescription)")
        }
    }

    @Test("a missing file or a directory is refused at 1:1")
    func unreadable() {
        let missing = refusals { try TopologyLoader.load(contentsOf: "/nonexistent/topology.yaml") }
        #expect(missing.map(\.description) == ["/nonexistent/topology.yaml:1:1: cannot read file: no such file"])
        let directory = refusals { try TopologyLoader.load(contentsOf: FileManager.default.temporaryDirectory.path) }
        #expect(directory.first?.message == "cannot read file: it is a directory")
        #expect(directory.first.map { ($0.line, $0.column) } ?? (0, 0) == (1, 1))
    }

    @Test("binary junk is refused at its first byte that is not UTF-8, not crashed on")
    func binaryJunk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("topology-junk-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SplitMix(seed: 7)
        for index in 0..<20 {
            let file = directory.appendingPathComponent("junk-\(index).yaml")
            try Data((0..<512).map { _ in UInt8(truncatingIfNeeded: generator.next()) }).write(to: file)
            let errors = refusals { try TopologyLoader.load(contentsOf: file.path) }
            #expect(errors.count >= 1 && errors.allSatisfy { $0.line >= 1 && $0.column >= 1 && !$0.message.hasPrefix("not a") })
        }
        let latin1 = directory.appendingPathComponent("latin1.yaml")
        try (Data("hub:\n  name: caf".utf8) + [0xE9, 0x0A]).write(to: latin1)  // "café" in Latin-1
        let errors = refusals { try TopologyLoader.load(contentsOf: latin1.path) }
        #expect(errors.map(located) == ["2:12: the file is not UTF-8 text (byte 0xE9)"])
    }

    /// Shapes of pathological nesting, generated in the test (libyaml stops at 1,000 levels).
    enum Nesting: String, CaseIterable, Sendable {
        case flowLists, flowMappings, blockMappings, blockLists

        var yaml: String {
            switch self {
            case .flowLists: String(repeating: "[", count: 100_000)
            case .flowMappings: String(repeating: "{a: ", count: 20_000)
            case .blockMappings: (0..<2000).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
            case .blockLists: "hub: " + String(repeating: "- ", count: 5000) + "x\n"
            }
        }
    }

    @Test("deeply nested files are refused, not crashed on", arguments: Nesting.allCases)
    func deepNesting(_ nesting: Nesting) {
        let errors = refusals(of: nesting.yaml, file: "deep.yaml")
        #expect(errors.count == 1)
        #expect(errors.first.map { !$0.message.hasPrefix("not a") } == true)
    }

    @Test("enum values are matched without regard to case, as on the command line; a misspelling suggests the right one")
    func caseInsensitiveValues() throws {
        #expect(refusals(of: minimalHub + "routeServer: {name: rs, hubRoutingPreference: aspath}\n").isEmpty)
        let errors = refusals(of: minimalHub + "routeServer: {name: rs, hubRoutingPreference: aspth}\n")
        #expect(errors.first?.message == "unknown hubRoutingPreference 'aspth'")
        #expect(errors.first?.hint == "did you mean 'ASPath'? (valid values: ExpressRoute, VpnGateway, ASPath)")
    }

    @Test("a null where a value is required points at its key")
    func nullValue() {
        let errors = refusals(of: minimalHub + "routeServer: {name: rs}\nnvas:\n  - name: nva\n    asn:\n    ip: 10.0.2.4\n")
        #expect(errors.map(located) == ["7:5: expected an ASN (a whole number from 1 to 4294967295) for nvas[0].asn, found nothing"])
    }

    @Test("names are one namespace: a spoke, a circuit and a site may not share a name")
    func namespace() {
        let errors = refusals(of: """
            hub: {name: hub, addressSpace: [10.0.0.0/16], spokes: [{name: edge, addressSpace: [10.1.0.0/16]}]}
            expressRouteGateway: {name: er, circuit: {name: edge, site: dc}}
            sites: [{name: dc, asn: 65020, prefixes: []}]
            """)
        #expect(errors.map(located) == ["2:49: duplicate name 'edge' (expressRouteGateway.circuit and hub.spokes[0])"])
        #expect(errors.first?.hint == "first defined at line 1; every name in a topology is unique")
    }

    @Test("mutated bundled topologies never crash the loader", arguments: BundledTopologies.all.map(\.name))
    func fuzz(_ name: String) throws {
        let original = try #require(BundledTopologies.named(name)).yaml
        var generator = SplitMix(seed: UInt64(name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
        let alphabet = Array(":-[]{}#&*!|>'\"\t\n ,?%@`0123456789./abc~")
        for _ in 0..<300 {
            var characters = Array(original)
            for _ in 0...(generator.next() % 3) {
                let index = Int(generator.next() % UInt64(characters.count))
                switch generator.next() % 4 {
                case 0: characters.remove(at: index)
                case 1: characters.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: index)
                case 2: characters[index] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                default: characters.insert(contentsOf: characters[index..<min(characters.count, index + 40)], at: index)
                }
            }
            let mutated = String(characters)
            let lineCount = mutated.split(separator: "\n", omittingEmptySubsequences: false).count
            for error in refusals(of: mutated, file: "fuzz.yaml") {
                #expect(!error.message.hasPrefix("not a TopologyError"), "\(error.message)")
                #expect((1...lineCount + 1).contains(error.line) && error.column >= 1, "\(error)")
            }
        }
    }
}

/// A small deterministic generator (SplitMix64), so fuzz inputs are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Refusals that need the whole file")
struct CrossReferenceTests {
    @Test("a Route Server refused for its own fields does not also leave the NVAs without one")
    func routeServerPresent() {
        let errors = refusals(of: minimalHub + "routeServer: {name: \"\"}\nnvas: [{name: nva, asn: 65001, ip: 10.0.2.4}]\n")
        #expect(errors.map(\.message) == ["routeServer.name is empty"])
    }

    @Test("down accepts nodes, instances and sessions that exist, and refuses the rest with a reason")
    func downEntries() {
        let base = minimalHub + """
            routeServer: {name: rs}
            nvas: [{name: nva, asn: 65001, ip: 10.0.2.4, site: branch}]
            vpnGateway: {name: vpn, connections: [{site: remote, bgp: false}]}
            sites: [{name: branch, asn: 65010, prefixes: []}, {name: remote, asn: 65030, prefixes: []}]

            """
        for entry in ["nva", "rs#0", "vpn#1", "nva--rs", "rs#1--nva", "branch--nva", "vpn#0--vpn#1", "vpn--rs"] {
            #expect(refusals(of: base + "down: [\"\(entry)\"]\n").isEmpty, "\(entry)")
        }
        let refused: [(String, String)] = [
            ("nva#1", "'nva#1' in down names no instance of 'nva'"),
            ("vpn--remote", "session 'vpn--remote' in down names no session: 'vpn' and 'remote' do not peer"),
            ("rs--rs", "session 'rs--rs' in down joins 'rs' to itself"),
            ("rs#0--rs#1", "session 'rs#0--rs#1' in down joins 'rs' to itself"),
            ("nva--ghost", "session 'nva--ghost' in down: 'ghost' names no node"),
            ("a--b--c", "'a--b--c' in down is neither a node nor a session"),
            ("--nva", "'--nva' in down is neither a node nor a session"),
        ]
        for (entry, message) in refused {
            #expect(refusals(of: base + "down: [\"\(entry)\"]\n").map(\.message) == [message], "\(entry)")
        }
    }
}
