import Foundation
import Testing
import TopologyFile

/// The corpus of refused files: each states its expected `line:column: message` and hint in its
/// first two lines (`# expect:` and `# hint:`; `-` for none).
@Suite("Invalid topology files")
struct InvalidTopologyTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/invalid")

    static var fixtures: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test("the corpus has at least 20 refusals")
    func corpusSize() {
        #expect(Self.fixtures.count >= 20)
    }

    @Test("each invalid file is refused with file:line:column, its message and its hint", arguments: fixtures)
    func refused(_ name: String) throws {
        let path = Self.directory.appendingPathComponent(name).path
        let header = try #require(String(data: FileManager.default.contents(atPath: path)!.prefix(400), encoding: .isoLatin1))
        let lines = header.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = lines[0].replacingOccurrences(of: "# expect: ", with: "")
        let hint = lines[1].replacingOccurrences(of: "# hint: ", with: "")
        do {
            _ = try TopologyLoader.load(contentsOf: path)
            Issue.record("\(name) loaded but should be refused with \(expected)")
        } catch {
            let first = error.first
            #expect(first.file == path)
            #expect("\(first.line):\(first.column): \(first.message)".hasPrefix(expected), "\(first)")
            if hint == "-" {
                #expect(first.description.hasPrefix("\(path):\(first.line):\(first.column): "))
            } else {
                #expect(first.hint?.contains(hint) == true, "hint was \(first.hint ?? "none")")
                #expect(first.description.contains("\n  hint: "))
            }
        }
    }

    @Test("every error of a file is reported in one pass, in file order")
    func severalErrors() {
        let yaml = """
            hub:
              name: hub-vnet
              addressSpace: [10.0.0.1/16]
            sites:
              - name: s1
                asn: 0
                prefixes: [10.1.0/16]
            """
        #expect(throws: TopologyErrors.self) { try TopologyLoader.parse(yaml, file: "many.yaml") }
        do {
            _ = try TopologyLoader.parse(yaml, file: "many.yaml")
        } catch {
            #expect(error.errors.map(\.line) == [3, 6, 7])
        }
    }

    @Test("a missing file, a directory and a huge file are refused at 1:1")
    func unreadable() throws {
        #expect(throws: TopologyErrors.self) { try TopologyLoader.load(contentsOf: "/nonexistent/topology.yaml") }
        #expect(throws: TopologyErrors.self) { try TopologyLoader.load(contentsOf: "/tmp") }
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("routescope-big-\(getpid()).yaml")
        defer { try? FileManager.default.removeItem(at: big) }
        try Data(repeating: UInt8(ascii: "#"), count: TopologyLoader.maximumFileSize + 1).write(to: big)
        do {
            _ = try TopologyLoader.load(contentsOf: big.path)
            Issue.record("a file over the size limit loaded")
        } catch {
            #expect(error.first.message.contains("too large"))
        }
    }

    @Test("deep nesting is an error, not a crash")
    func deepNesting() {
        let yaml = "hub:\n  name: hub\n  addressSpace: [10.0.0.0/16]\ntitle: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        #expect(throws: TopologyErrors.self) { try TopologyLoader.parse(yaml, file: "deep.yaml") }
    }
}
