import Foundation
import RoutingEngine
import Testing
import TopologyFile

@Suite("Lessons")
struct LessonTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("topologies/lessons")

    @Test("the embedded lessons are byte-for-byte the files in topologies/lessons (run scripts/embed-topologies.sh)")
    func embedded() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.lessons.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.map { String($0.dropLast(5)) } == BundledLessons.all.map(\.name))
        for entry in BundledLessons.all {
            #expect(entry.yaml == (try String(contentsOf: Self.lessons.appendingPathComponent("\(entry.name).yaml"), encoding: .utf8)))
        }
    }

    @Test("every bundled lesson loads, names a bundled topology, and every answer is computed at every step",
          arguments: BundledLessons.all.map(\.name))
    func bundled(_ name: String) throws {
        let lesson = try BundledLessons.lesson(named: name)
        let topology = try BundledTopologies.topology(named: lesson.topology)
        #expect(!lesson.steps.isEmpty && lesson.steps.contains { !$0.questions.isEmpty })
        for (index, step) in lesson.steps.enumerated() {
            let result = try Engine.compute(topology, settings: lesson.settings(through: index, startingFrom: Settings(of: topology)))
            if let select = step.select { #expect(result.node(named: select) != nil || result.network.virtualNetworks.contains { $0.name == select }) }
            for question in step.questions {
                let answer = result.answer(to: question).text
                #expect(!answer.hasPrefix("there is no"), "\(name) step \(index + 1): \(question.question) → \(answer)")
            }
        }
    }

    @Test("the seed lesson's answers are the seed document's statements, computed")
    func seedAnswers() throws {
        let lesson = try BundledLessons.lesson(named: "route-exchange")
        let topology = try BundledTopologies.topology(named: lesson.topology)
        let before = try Engine.compute(topology, settings: lesson.settings(through: 0, startingFrom: Settings(of: topology)))
        let after = try Engine.compute(topology, settings: lesson.settings(through: 2, startingFrom: Settings(of: topology)))
        #expect(before.answer(lesson.steps[0].questions[2].answer).short == "no")
        #expect(after.answer(lesson.steps[2].questions[0].answer).short == "65515 12076 65020")
        #expect(after.answer(lesson.steps[2].questions[1].answer).short == "65001 65010")
        #expect(after.answer(lesson.steps[2].questions[2].answer).short == "12076")
    }

    @Test("a lesson file's mistakes are refused with positions")
    func refusals() {
        #expect(throws: TopologyErrors.self) { try LessonLoader.parse("title: t\nsteps: []\n", file: "l.yaml") }
        do {
            _ = try LessonLoader.parse("""
                title: t
                topology: sdwan-er
                steps:
                  - say: hello
                    ask:
                      - {question: q, answer: {node: sdwan, prefix: 10.2.0.0/16, show: aspath}}
                """, file: "l.yaml")
            Issue.record("a bad answer kind loaded")
        } catch {
            #expect(error.first.line == 6)
            #expect(error.first.message.contains("unknown answer 'aspath'"))
            #expect(error.first.hint?.contains("asPath") == true)
        }
    }
}
