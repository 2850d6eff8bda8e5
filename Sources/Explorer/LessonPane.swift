import Reports
import RoutingEngine

/// The lesson pane, beside the table (wide terminals) or below it: the step's narration, what it
/// waits for, then its questions with the student's answers and the prompt.
enum LessonPane {
    struct Line: Equatable {
        let text: String
        let role: Role
        /// The question the line belongs to, if any.
        var question: Int?
    }

    /// What a student does for each switch, in the explorer's keys.
    static func instruction(_ change: SettingsChange) -> String {
        var parts: [String] = []
        if let on = change.routeExchange { parts.append("route exchange \(on ? "on" : "off") (r, or :set route-exchange \(on ? "on" : "off"))") }
        if let on = change.activeActive { parts.append("VPN active/active \(on ? "on" : "off") (a, or :set active-active \(on ? "on" : "off"))") }
        if let preference = change.hubRoutingPreference {
            parts.append("preference \(preference.rawValue) (p until the status line says it, or :set preference \(preference.rawValue))")
        }
        parts += change.down.map { "\($0) down (:down \($0), or select it and d)" }
        parts += change.up.map { "\($0) up (:up \($0), or select it and d)" }
        return parts.joined(separator: "; ")
    }

    static func lines(_ progress: LessonProgress, settings: Settings, result: RoutingResult, width: Int) -> [Line] {
        let step = progress.current
        var lines: [Line] = []
        // Prose wraps flush; a question's text wraps under its words.
        var block: Int?
        func add(_ text: String, _ role: Role = .normal, indent: String = "", hang: String = "") {
            for (index, piece) in wrap(text, width: width - displayWidth(indent) - displayWidth(hang)).enumerated() {
                lines.append(Line(text: indent + (index == 0 ? "" : hang) + piece, role: role, question: block))
            }
        }
        let subject = step.select ?? step.questions.first?.answer.subject
        for paragraph in LessonReport.paragraphs(step.say) { add(paragraph) }
        if let subject { add("Look at: \(subject) (selected: its table is on screen)", .dim) }
        let waiting = progress.isWaiting(settings)
        if waiting {
            lines.append(Line(text: "", role: .normal))
            add("▶ Your turn: " + instruction(SettingsChange(from: settings, to: progress.target)), .warning)
            add("The questions show when the switches match. n does it for you.", .dim)
            return lines
        }
        if !step.change.isEmpty { add("✓ done: \(step.change.description)", .added) }
        for (number, question) in step.questions.enumerated() {
            block = nil
            lines.append(Line(text: "", role: .normal))
            block = number
            let elsewhere = question.answer.subject == subject ? "" : " (in \(question.answer.subject)'s table: :node \(question.answer.subject))"
            add("Q\(number + 1). \(question.question)\(elsewhere)", .header, hang: "    ")
            if let prompt = progress.prompt, prompt.question == number {
                if let choices = question.offeredChoices {
                    let options = choices.enumerated().map { index, choice in index == prompt.choice ? "[\(index + 1) \(choice)]" : " \(index + 1) \(choice) " }
                    add("answer: " + options.joined(separator: " ") + "   ←→ choose · Enter answers · Esc", .message, indent: "    ", hang: "  ")
                } else {
                    add("answer: \(prompt.text)█   Enter answers (empty: show me) · Esc", .message, indent: "    ", hang: "  ")
                }
            } else if let verdict = progress.verdicts[number] {
                if !verdict.response.isEmpty { add("you: \(verdict.response)", .dim, indent: "    ") }
                add(verdict.text, verdict.right ? .added : verdict.response.isEmpty ? .normal : .removed, indent: "    ", hang: "  ")
            } else {
                add("(A to answer)", .dim, indent: "    ")
            }
        }
        return lines
    }

    /// Prose at word boundaries; a word longer than the line is cut with `…`.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(10, width)
        var out: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let word = displayWidth(String(word)) > width ? String(word.prefix(width - 1)) + "…" : String(word)
            let candidate = current.isEmpty ? word : current + " " + word
            if displayWidth(candidate) > width && !current.isEmpty {
                out.append(current)
                current = word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty || out.isEmpty { out.append(current) }
        return out
    }
}

enum LessonPaneView {
    static func draw(_ state: ExplorerState, _ progress: LessonProgress, in rect: Rect, into grid: inout Grid) {
        let focused = state.focus == .log
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), Cell(" ", focused ? .tabActive : .tab))
        let title = " Lesson \(progress.step + 1)/\(progress.lesson.steps.count): \(progress.lesson.title) "
        grid.put(title, x: rect.x, y: rect.y, role: focused ? .tabActive : .tab, limit: rect.width)
        let body = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
        let lines = LessonPane.lines(progress, settings: state.settings, result: state.result, width: body.width)
        let first = firstLine(progress, lines: lines, height: body.height)
        for (row, line) in lines.dropFirst(first).prefix(body.height).enumerated() {
            grid.put(line.text, x: body.x, y: body.y + row, role: line.role, limit: body.width)
        }
        let keys = "n next · N back · A answer · Esc leaves (L resumes)"
        let more = lines.count > first + body.height ? "↓ more: Tab here, j/k  " : (first > 0 ? "↑ scrolled: k  " : "")
        grid.put(more + keys, x: body.x, y: rect.maxY - 1, role: .dim, limit: body.width)
    }

    /// The first line shown: the student's scroll, moved so the question being answered stays in view.
    static func firstLine(_ progress: LessonProgress, lines: [LessonPane.Line], height: Int) -> Int {
        var first = min(progress.scroll, max(0, lines.count - height))
        if let focused = progress.focusedQuestion, let start = lines.firstIndex(where: { $0.question == focused }),
           let end = lines.lastIndex(where: { $0.question == focused }) {
            if end >= first + height { first = end - height + 1 }
            if start < first { first = start }
        }
        return max(0, first)
    }
}
