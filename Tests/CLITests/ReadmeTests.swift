import Foundation
import Testing

/// Every command the README shows, run as written against the built binary: the `$ routescope …`
/// examples (their shown output must appear, in order, `...` standing for elided lines, and a following
/// `$ echo $?` gives the exit status), the inline `swift run routescope …` / `routescope …` commands
/// (exit 0), and `swift test --filter R7`.
/// Not run here: `swift test` itself, the release benchmark and the fuzzing scripts (minutes of
/// release and sanitizer builds; `.ci/run` runs the benchmark).
@Suite("README commands")
struct ReadmeTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let command: String
        let output: [String]
        let status: Int32?
        var testDescription: String { command }
    }

    static let readme = (try? String(contentsOf: Binary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// `$ ` lines inside fenced blocks, with the lines shown after them.
    static let examples: [Example] = {
        var examples: [Example] = []
        var inBlock = false
        var current: (command: String, output: [String])?
        var pendingStatus = false
        func close() {
            if let current { examples.append(Example(command: current.command, output: current.output, status: nil)) }
            current = nil
        }
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                close()
                inBlock.toggle()
                continue
            }
            guard inBlock else { continue }
            if line == "$ echo $?" {
                close()
                pendingStatus = true
            } else if pendingStatus {
                let last = examples.removeLast()
                examples.append(Example(command: last.command, output: last.output, status: Int32(line)))
                pendingStatus = false
            } else if line.hasPrefix("$ ") {
                close()
                current = (String(line.dropFirst(2)), [])
            } else if current != nil {
                current!.output.append(line)
            }
        }
        return examples
    }()

    /// Inline commands: `swift run routescope …` and `routescope …` spans without placeholders.
    static let inline: [String] = {
        let pattern = try! Regex("`((?:swift run )?routescope[^`]*)`")
        return readme.matches(of: pattern).compactMap { match in
            let command = String(match.output[1].substring ?? "")
            // Synopses name placeholders in capitals (TOPOLOGY, FILE); those are not commands to run.
            return command.contains(where: \.isUppercase) || command.contains("-c release") ? nil : command
        }
    }()

    /// The command's arguments; a `> FILE` redirect is left out (its output is checked, not written).
    static func arguments(_ command: String) -> [String] {
        let withoutRedirect = command.split(separator: ">", maxSplits: 1).first.map(String.init) ?? command
        var words = withoutRedirect.split(separator: " ").map(String.init)
        if words.starts(with: ["swift", "run"]) { words.removeFirst(2) }
        precondition(words.first == "routescope", "not a routescope command: \(command)")
        return Array(words.dropFirst())
    }

    @Test("the README shows the examples this test runs", .disabled(if: readme.isEmpty))
    func found() {
        #expect(Self.examples.count >= 8)
        #expect(Self.inline.contains("swift run routescope routes vpn-er"))
    }

    @Test("each `$ routescope` example prints what the README shows", arguments: examples)
    func example(_ example: Example) throws {
        let output = try Binary.run(Self.arguments(example.command))
        #expect(output.status == (example.status ?? 0), "\(output.stderr)")
        var actual = (output.stdout + output.stderr).split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }[...]
        for shown in example.output.map({ $0.trimmingCharacters(in: .whitespaces) }) where shown != "..." && !shown.isEmpty {
            guard let index = actual.firstIndex(of: shown) else {
                Issue.record("'\(example.command)' does not print, in this order: \(shown)")
                return
            }
            actual = actual[(index + 1)...]
        }
    }

    @Test("each inline routescope command runs and exits 0", arguments: inline)
    func inlineCommand(_ command: String) throws {
        let output = try Binary.run(Self.arguments(command))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(!output.stdout.isEmpty)
    }

    /// `swift test --filter R7` hands `--filter R7` to this test bundle's Swift Testing runner; the
    /// bundle is run the same way here (a nested `swift test` would wait on this one's build lock).
    /// Swift Testing matches the filter against test IDs (Module.Suite/function), so rule tests are named `R7_…`.
    @Test("swift test --filter R7 runs R7's tests, and only tests whose display name cites R7",
          .enabled(if: readme.contains("`swift test --filter R7`")))
    func filterFindsRuleTests() throws {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0])
        let process = Process()
        process.executableURL = bundle
        process.arguments = ["--testing-library", "swift-testing", "--filter", "R7"]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let passed = text.split(separator: "\n").filter { $0.hasPrefix("✔ Test \"") }
        #expect(passed.count >= 5, "\(text.suffix(2000))")
        #expect(passed.allSatisfy { $0.contains("R7") }, "\(passed)")
    }
}
