import Foundation
import RoutingEngine
import Testing
import TopologyFile

/// The fuzz targets' committed corpora (Fuzz/corpus, see scripts/fuzz.sh) replayed in-process, with the
/// invariants the targets check (Fuzz/Sources/FuzzSupport): the corpus is a regression suite.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    /// What the fuzz targets name the input.
    static let file = "fuzz/input.yaml"

    @Test("every topology input of the fuzz corpus: refusals inside the text, or a topology that survives the writer")
    func topologyCorpus() throws {
        let inputs = try FuzzCorpus.inputs(of: "FuzzTopologyLoader")
        #expect(inputs.count >= 50)
        for (name, yaml) in inputs {
            do {
                let topology = try TopologyLoader.parse(yaml, file: Self.file)
                let written = TopologyWriter.yaml(topology)
                let reread = try? TopologyLoader.parse(written, file: Self.file)
                #expect(reread == topology, "\(name): written and read back, the topology differs:\n\(written)")
            } catch {
                FuzzCorpus.checkRefusals(error.errors, in: yaml, input: name)
            }
        }
    }

    @Test("every lesson/expectation input of the fuzz corpus: refusals inside the text, facts inside the text")
    func lessonCorpus() throws {
        let inputs = try FuzzCorpus.inputs(of: "FuzzLessonLoader")
        #expect(inputs.count >= 5)
        for (name, yaml) in inputs {
            do {
                let lesson = try LessonLoader.parse(yaml, file: Self.file)
                #expect(lesson.name == "input", "\(name)")
            } catch {
                FuzzCorpus.checkRefusals(error.errors, in: yaml, input: name)
            }
            do {
                let cases = try ExpectationLoader.parse(yaml, file: Self.file)
                let lines = FuzzCorpus.LineMap(yaml)
                for fact in cases.flatMap(\.expectations) {
                    #expect(lines.contains(line: fact.line, column: fact.column), "\(name): a fact at \(fact.line):\(fact.column)")
                }
            } catch {
                FuzzCorpus.checkRefusals(error.errors, in: yaml, input: name)
            }
        }
    }
}

enum FuzzCorpus {
    /// Fuzz/corpus/TARGET's files, each read as the fuzz target reads it (any bytes, as UTF-8 text).
    static func inputs(of target: String) throws -> [(name: String, text: String)] {
        let root = try #require(TestPaths.packageRoot, "no package root above \(TestPaths.testsDirectory.path)")
        let directory = root.appendingPathComponent("Fuzz/corpus/\(target)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        return names.map { name in
            let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) ?? Data()
            return ("\(target)/\(name)", String(decoding: data, as: UTF8.self))
        }
    }

    /// At least one refusal; each in the file, inside the text, with a message and no empty hint; in order.
    static func checkRefusals(_ errors: [TopologyError], in text: String, input: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = LineMap(text)
        #expect(!errors.isEmpty, "\(input): a refusal without an error", sourceLocation: sourceLocation)
        for error in errors {
            #expect(error.file == FuzzCorpusTests.file, "\(input): \(error)", sourceLocation: sourceLocation)
            #expect(lines.contains(line: error.line, column: error.column),
                    "\(input): outside the text (\(lines.lengths.count) lines): \(error)", sourceLocation: sourceLocation)
            #expect(!error.message.isEmpty, "\(input): no message: \(error)", sourceLocation: sourceLocation)
            #expect(error.hint.map { !$0.isEmpty } ?? true, "\(input): empty hint: \(error)", sourceLocation: sourceLocation)
        }
        let positions = errors.map { [$0.line, $0.column] }
        #expect(positions == positions.sorted { $0.lexicographicallyPrecedes($1) }, "\(input): out of order",
                sourceLocation: sourceLocation)
    }

    /// The lines of a text as libyaml counts them (LF, CR, CR LF, NEL, LS, PS end a line; columns count
    /// Unicode scalars). The same as the fuzz targets' LineMap.
    struct LineMap {
        let lengths: [Int]

        init(_ text: String) {
            var lengths: [Int] = [], length = 0, previous: Unicode.Scalar?
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\n" where previous == "\r": break
                case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": lengths.append(length); length = 0
                default: length += 1
                }
                previous = scalar
            }
            lengths.append(length)
            self.lengths = lengths
        }

        /// On a line, at most one column past its end; or libyaml's end of stream after a last line
        /// without a line break.
        func contains(line: Int, column: Int) -> Bool {
            if line == lengths.count + 1, lengths[line - 2] > 0 { return column == 1 }
            return line >= 1 && line <= lengths.count && column >= 1 && column <= lengths[line - 1] + 1
        }
    }
}
