import Reports
import RoutingEngine

extension ExplorerState {
    /// Opens a lesson on its topology at step 1.
    mutating func startLesson(_ next: Lesson, topology lessonTopology: Topology) {
        leaveStepMode()
        if lessonTopology != topology { replace(topology: lessonTopology, source: next.topology) }
        lesson = (next, 0, false)
        enterLessonStep()
    }

    mutating func lessonStep(by delta: Int) {
        guard let current = lesson else { return }
        let step = max(0, min(current.lesson.steps.count - 1, current.step + delta))
        guard step != current.step else {
            return message = .init(text: delta > 0 ? "last step: Esc leaves the lesson" : "first step", isError: false)
        }
        lesson = (current.lesson, step, false)
        enterLessonStep()
    }

    mutating func revealAnswers() {
        guard let current = lesson else { return }
        lesson = (current.lesson, current.step, true)
        rebuildTable()
    }

    /// Applies the step's switches (cumulatively, from the file's settings) and points at its node.
    mutating func enterLessonStep() {
        guard let (current, step, _) = lesson else { return }
        let target = current.settings(through: step, startingFrom: Settings(of: topology))
        if target != settings { apply(target, because: "lesson step \(step + 1)") }
        if let name = current.steps[step].select, selectableNames.contains(name) { select(node: name) }
        focus = .table
        rowCursor = 0
        rowScroll = 0
        rebuildTable()
        message = .init(text: "lesson \(current.name): step \(step + 1)/\(current.steps.count) · n next · N back · A answers · Esc leaves",
                        isError: false)
    }
}

/// The lesson in the table pane: the step's narration and questions (answers once revealed).
enum LessonPane {
    static func lines(_ lesson: Lesson, step: Int, answersShown: Bool, result: RoutingResult) -> [String] {
        let current = lesson.steps[step]
        var lines = ["Lesson: \(lesson.title) — step \(step + 1) of \(lesson.steps.count)"
                     + (current.change.isEmpty ? "" : " (\(current.change.description))"), ""]
        lines += current.say.split(separator: "\n").map(String.init)
        for (number, question) in current.questions.enumerated() {
            lines += ["", "Q\(number + 1). \(question.question)"]
            lines.append(answersShown ? "    → \(result.answer(question.answer))" : "    (A shows the answer)")
        }
        return lines
    }
}
