import ArgumentParser
import Foundation
import Reports
import RoutingEngine
import TopologyFile

struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Guided lessons: `lesson list`, `lesson NAME` for a lesson's script with the answers, `--handout md` for a handout.",
        discussion: """
            Each step has narration, an action for the student (switches), the node its questions are about
            and check questions; the answers are computed from the tables at that step. In the explorer:
            :lesson NAME, then L resumes it. A lesson file: routescope lesson path/to/lesson.yaml
            A handout for a class: routescope lesson NAME --handout md > handout.md (--answers adds them).
            """)

    @Argument(help: "`list`, a bundled lesson name, or a lesson file.", completion: Completions.lessons)
    var name: String = "list"

    @Flag(name: .customLong("no-answers"), help: "Leave the answers out of the script.")
    var noAnswers = false

    @Option(help: "Write a handout instead of the script: md (Markdown: narration, each question's table, the questions).")
    var handout: HandoutFormat?

    @Flag(help: "With --handout: print the answers (computed) under the questions.")
    var answers = false

    @Flag(help: "Run the lesson in the explorer, beside the live tables (a lesson file is followed: saved elsewhere, it reloads at the same step).")
    var explore = false

    @OptionGroup(title: "Screen (with --explore)")
    var screen: ScreenOptions

    enum HandoutFormat: String, ExpressibleByArgument, CaseIterable { case md }

    func validate() throws {
        if answers && handout == nil { throw ValidationError("--answers goes with --handout md (the script has the answers; --no-answers leaves them out)") }
        if explore && (handout != nil || noAnswers) { throw ValidationError("--explore runs the lesson in the explorer; --handout and --no-answers are for the printed script") }
        if screen.isSet && !explore { throw ValidationError("the screen options go with --explore (routescope lesson \(name) --explore)") }
        if explore && name == "list" { throw ValidationError("--explore needs a lesson: routescope lesson NAME --explore (routescope lesson list names them)") }
    }

    /// A path (anything with a `/` or `.yaml`, or that exists) is a lesson file; else a bundled name.
    static func isFile(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.contains("/") || FileManager.default.fileExists(atPath: name)
    }

    /// The lesson a name stands for: a lesson file, or a bundled lesson.
    static func lesson(named name: String) throws(TopologyErrors) -> Lesson {
        isFile(name) ? try LessonLoader.load(contentsOf: name) : try BundledLessons.lesson(named: name)
    }

    func run() throws {
        if name == "list" {
            for entry in BundledLessons.all {
                let lesson = try Diagnostics.reportingTopologyErrors { try BundledLessons.lesson(named: entry.name) }
                print(entry.name.padding(toLength: 20, withPad: " ", startingAt: 0) + lesson.title)
            }
            return
        }
        let lesson = try Diagnostics.reportingTopologyErrors { try LessonCommand.lesson(named: name) }
        if explore {
            let (topology, document, isFile) = try TopologySource.document(lesson.topology)
            return try screen.launch(topology: topology, document: document, isFile: isFile, source: lesson.topology,
                                     settings: Settings(of: topology), lesson: (lesson, LessonCommand.isFile(name) ? name : nil)) {
                print(try script(lesson, topology: topology).joined(separator: "\n"))
            }
        }
        let topology = try TopologySource.load(lesson.topology)
        if handout == .md {
            let results = try stepResults(lesson, topology: topology)
            print(LessonReport.markdown(lesson, results: results, answers: answers), terminator: "")
        } else {
            print(try script(lesson, topology: topology).joined(separator: "\n"))
        }
    }

    private func script(_ lesson: Lesson, topology: Topology) throws -> [String] {
        LessonReport.lines(lesson, results: try stepResults(lesson, topology: topology), answers: !noAnswers)
    }

    /// The tables at every step, which the answers are computed from.
    private func stepResults(_ lesson: Lesson, topology: Topology) throws -> [RoutingResult] {
        let start = Settings(of: topology)
        var results: [RoutingResult] = []
        for index in lesson.steps.indices {
            do {
                results.append(try Engine.compute(topology, settings: lesson.settings(through: index, startingFrom: start)))
            } catch {
                Diagnostics.error("lesson \(lesson.name), step \(index + 1): down: \(error)")
                throw ExitCode(1)
            }
        }
        return results
    }
}
