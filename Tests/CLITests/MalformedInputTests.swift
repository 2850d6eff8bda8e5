import Foundation
import Testing

/// Every malformed file of the corpus, through the real binary the way a script meets it:
/// exit status 1, `file:line:column: message` first on stderr, nothing that looks like a crash,
/// and quickly (debug build, measured including process start).
@Suite("Malformed input through the CLI", .serialized)
struct MalformedInputTests {
    enum Kind: String, CaseIterable, Sendable { case topology, lesson, expectation }

    struct Case: Sendable, CustomTestStringConvertible {
        let kind: Kind
        let path: String
        var testDescription: String { "\(kind.rawValue) \(URL(fileURLWithPath: path).lastPathComponent)" }

        var arguments: [String] {
            switch kind {
            case .topology: ["check", path]
            case .lesson: ["lesson", path]
            case .expectation: ["check", "topologies/sdwan-er.yaml", "--expect", path]
            }
        }
    }

    static let fixtures = Binary.packageRoot.appendingPathComponent("Tests/TopologyFileTests/Fixtures")

    static let corpus: [Case] = [(Kind.topology, "invalid"), (.lesson, "invalid-lessons"), (.expectation, "invalid-expectations")]
        .flatMap { kind, directory in
            let folder = fixtures.appendingPathComponent(directory)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.filter { $0.hasSuffix(".yaml") }.sorted().map { Case(kind: kind, path: folder.appendingPathComponent($0).path) }
        }

    @Test("the corpus holds at least 40 files of each kind together, over all three kinds")
    func corpusSize() {
        #expect(Self.corpus.count >= 100)
        for kind in Kind.allCases { #expect(Self.corpus.filter { $0.kind == kind }.count >= 15, "\(kind)") }
    }

    @Test("each malformed file: exit 1, file:line:column first on stderr, no crash text, no hang",
          arguments: corpus)
    func refused(_ item: Case) throws {
        try expectRefused(item)
    }

    @Test("10 MB files (binary, and YAML-looking text) are refused at 1:1 by size, at once", arguments: Kind.allCases)
    func tenMegabytes(_ kind: Kind) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("routescope-10mb-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = Data((0..<10_485_760).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
        let line = "  - {name: a, asn: 65010, prefixes: [10.1.0.0/16]}\n"
        let text = Data(("sites:\n" + String(repeating: line, count: 10_485_760 / line.utf8.count + 1)).utf8)
        for (name, data) in [("junk.yaml", binary), ("text.yaml", text)] {
            let url = directory.appendingPathComponent(name)
            try data.write(to: url)
            let output = try expectRefused(Case(kind: kind, path: url.path))
            #expect(output.stderr.hasPrefix("\(url.path):1:1: cannot read file: it is 10 MB"), "\(output.stderr)")
        }
    }

    @Test("a directory is refused at 1:1; a missing lesson or expectation file too", arguments: Kind.allCases)
    func notAFile(_ kind: Kind) throws {
        let directory = FileManager.default.temporaryDirectory.path
        #expect(try expectRefused(Case(kind: kind, path: directory)).stderr.hasPrefix("\(directory):1:1: "))
        guard kind != .topology else {
            // A topology argument is a path or a bundled name, so a missing one is not a file position.
            let output = try Binary.run(["check", "/no/such/file.yaml"])
            #expect(output.status == 1)
            #expect(output.stderr.hasPrefix("error: /no/such/file.yaml: no such file or bundled topology\n  hint: bundled topologies: sdwan-er"))
            return
        }
        #expect(try expectRefused(Case(kind: kind, path: "/no/such/file.yaml")).stderr.hasPrefix("/no/such/file.yaml:1:1: "))
    }

    @discardableResult
    private func expectRefused(_ item: Case, sourceLocation: SourceLocation = #_sourceLocation) throws -> Binary.Output {
        let start = ContinuousClock.now
        let output = try Binary.run(item.arguments)
        let elapsed = ContinuousClock.now - start
        #expect(output.status == 1, "\(item.testDescription): \(output.stderr)", sourceLocation: sourceLocation)
        let first = output.stderr.split(separator: "\n").first.map(String.init) ?? ""
        let location = try Regex("^\(NSRegularExpression.escapedPattern(for: item.path)):[0-9]+:[0-9]+: \\S")
        #expect(first.contains(location), "\(item.testDescription): \(first)", sourceLocation: sourceLocation)
        for crash in ["Fatal error", "Crash", "Backtrace", "Thread 0", "Stack dump", "SIGSEGV", "SIGILL"] {
            #expect(!output.stderr.contains(crash), "\(item.testDescription): \(output.stderr)", sourceLocation: sourceLocation)
        }
        // A guard against a hang, not a timing: a debug binary among the parallel suites took over a second.
        #expect(elapsed < .seconds(10), "\(item.testDescription) took \(elapsed)", sourceLocation: sourceLocation)
        return output
    }
}
