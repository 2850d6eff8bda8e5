import RoutingEngine

/// A lesson as a script: each step's narration and action, its questions and the right answers,
/// computed from the tables at that step.
public enum LessonReport {
    /// `results[i]` are the tables after step i's action.
    public static func lines(_ lesson: Lesson, results: [RoutingResult], answers: Bool) -> [String] {
        var lines = ["Lesson: \(lesson.title)  (topology \(lesson.topology), \(lesson.steps.count) steps)"]
        for (index, step) in lesson.steps.enumerated() {
            lines += ["", "Step \(index + 1)/\(lesson.steps.count)" + (step.change.isEmpty ? "" : " — \(step.change.description)")
                      + (step.select.map { " — look at \($0)" } ?? "")]
            lines += step.say.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }.filter { $0 != "  " }
            for (number, question) in step.questions.enumerated() {
                lines.append("  Q\(number + 1). \(question.question)")
                if answers { lines.append("      → \(results[index].answer(question.answer))") }
            }
        }
        return lines
    }
}
