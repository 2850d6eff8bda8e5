import RoutingEngine

/// A lesson on paper: each step's narration and action, the table its questions are about and the
/// questions, with the answers computed from the tables at that step (when asked for).
public enum LessonReport {
    /// The script: `results[i]` are the tables once step i's action is done.
    public static func lines(_ lesson: Lesson, results: [RoutingResult], answers: Bool) -> [String] {
        var lines = ["Lesson: \(lesson.title)  (topology \(lesson.topology), \(lesson.steps.count) steps)"]
        for (index, step) in lesson.steps.enumerated() {
            lines += ["", "Step \(index + 1)/\(lesson.steps.count)" + (step.change.isEmpty ? "" : " — \(step.change.description)")
                      + (step.select.map { " — look at \($0)" } ?? "")]
            lines += step.say.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }.filter { $0 != "  " }
            for (number, question) in step.questions.enumerated() {
                lines.append("  Q\(number + 1). \(question.question)")
                if let choices = question.offeredChoices { lines.append("      (" + choices.joined(separator: " / ") + ")") }
                if answers { lines.append("      → \(results[index].answer(to: question).text)") }
            }
        }
        return lines
    }

    /// The Markdown handout (`routescope lesson NAME --handout md`).
    public static func markdown(_ lesson: Lesson, results: [RoutingResult], answers: Bool) -> String {
        var out = ["# \(lesson.title)", "",
                   "Topology `\(lesson.topology)` · \(lesson.steps.count) steps · in the explorer: `routescope \(lesson.topology)`, "
                   + "then `:lesson \(lesson.name)`", ""]
        for (index, step) in lesson.steps.enumerated() {
            let result = results[index]
            out += ["## Step \(index + 1) of \(lesson.steps.count)", ""]
            out += paragraphs(step.say).flatMap { [$0, ""] }
            if !step.change.isEmpty { out += ["**Your turn:** \(step.change.description).", ""] }
            out += ["Switches: \(SettingsLine.text(result.settings))", ""]
            for table in tables(for: step, in: result) {
                out += ["**\(table.title)**", "", "```text"] + table.lines + ["```", ""]
            }
            for (number, question) in step.questions.enumerated() {
                out.append("\(number + 1). \(question.question)")
                if let choices = question.offeredChoices { out.append("   " + choices.map { "☐ \($0)" }.joined(separator: "  ")) }
                out.append(answers ? "   *Answer:* \(result.answer(to: question).text)" : "   *Your answer:* ____________________")
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }

    /// The tables a step's questions are read from, once per node or VNet: a node's paths for the
    /// prefixes asked about (FRR `show ip bgp`), a VNet's effective routes, a node's sessions.
    static func tables(for step: LessonStep, in result: RoutingResult) -> [(title: String, lines: [String])] {
        var subjects: [String] = []
        var prefixes: [String: [Prefix]] = [:]
        var sessions: Set<String> = []
        for question in step.questions {
            let subject = question.answer.subject
            if !subjects.contains(subject) { subjects.append(subject) }
            if case .session = question.answer { sessions.insert(subject) }
            if let prefix = question.answer.prefix, !(prefixes[subject] ?? []).contains(prefix) { prefixes[subject, default: []].append(prefix) }
        }
        var tables: [(title: String, lines: [String])] = []
        for subject in subjects {
            if let vnet = result.network.virtualNetworks.first(where: { $0.name == subject }) {
                // The rows for the prefixes asked about and the routes that cover them (a VNet's own space).
                let asked = prefixes[subject] ?? []
                let routes = result.effectiveRoutes(of: vnet).filter { route in
                    asked.contains(route.prefix) || route.prefix != .defaultRoute && asked.contains { route.prefix.contains($0) }
                }
                let missing = asked.filter { prefix in !routes.contains { $0.prefix == prefix } }
                tables.append(("Effective routes of a VM in \(subject), for \(asked.map(\.description).joined(separator: " "))",
                               TextReport.effectiveRouteTable(routes) + missing.map { "(no route for \($0) itself)" }))
            } else if let node = result.node(named: subject) {
                if let asked = prefixes[subject] {
                    let routes = asked.sorted().flatMap { result.routes(of: node, for: $0) }
                    let missing = asked.filter { prefix in !routes.contains { $0.prefix == prefix } }
                    let body = BGPTableFormat.lines(routes) + missing.map { "   (no route for \($0))" }
                    tables.append(("\(subject): show ip bgp \(asked.map(\.description).joined(separator: " "))",
                                   BGPTableFormat.legend + ["", BGPTableFormat.header] + body))
                }
                if sessions.contains(subject) { tables.append(("\(subject): BGP sessions", TextReport.sessionTable(node, result))) }
            }
        }
        return tables
    }

    /// A YAML block's lines joined into paragraphs (an empty line separates them).
    public static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }
}
