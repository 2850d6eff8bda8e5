import Foundation
import RoutingEngine
import Yams

/// Reads lesson files (`topologies/lessons/*.yaml`):
///
/// ```yaml
/// title: What route exchange does
/// topology: sdwan-er
/// steps:
///   - say: The SD-WAN NVA peers with both Route Server instances…
///     select: sdwan
///     ask:
///       - {question: "Which AS path does the NVA see for on-prem-2?", answer: {node: sdwan, prefix: 10.2.0.0/16, show: asPath}}
///   - say: Turn route exchange on.
///     set: {allowBranchToBranchTraffic: true}
/// ```
/// `show` is asPath, nextHop, nextHopCount, has or reason (for a node), state (for a session: a--b),
/// route, programmed or source (for a vnet). A question may add `why` (text shown after the engine's
/// explanation) and `choices` (answers to pick from, for a question that is otherwise typed). A step's
/// `set` is what the student is asked to switch: the explorer waits until the switches match.
public enum LessonLoader {
    public static func parse(_ yaml: String, file: String) throws(TopologyErrors) -> Lesson {
        let root = try YAMLDocument.root(of: yaml, file: file, emptyMessage: "the lesson is empty", emptyHint: nil)
        let log = DiagnosticLog(file: file)
        let reader = LessonReader(values: TopologyDecoder(log: log), log: log)
        let lesson = reader.lesson(Field(key: nil, value: root, path: ""), name: TopologyLoader.defaultName(for: file))
        guard log.isEmpty, let lesson else { throw TopologyErrors(log.errors) }
        return lesson
    }

    /// Read with the topology loader's checks (missing, directory, size, not UTF-8).
    public static func load(contentsOf path: String) throws(TopologyErrors) -> Lesson {
        try parse(TopologyLoader.readText(path), file: path)
    }
}

private struct LessonReader {
    let values: TopologyDecoder
    let log: DiagnosticLog

    func lesson(_ root: Field, name: String) -> Lesson? {
        guard let top = MappingReader(root, expected: "a lesson (title, topology, steps)", keys: ["title", "topology", "steps"], log: log) else {
            return nil
        }
        let title = top.required("title").flatMap { values.text($0) }
        let topology = top.required("topology", hint: "a bundled topology name, e.g. topology: sdwan-er").flatMap { values.text($0) }
        let steps = top.required("steps").flatMap { values.elements($0, expected: "a list of steps", read: step) }
        guard let title, let topology, let steps else { return nil }
        return Lesson(name: name, title: title, topology: topology, steps: steps)
    }

    private func step(_ field: Field) -> LessonStep? {
        guard let reader = MappingReader(field, expected: "a step (say, select, set, ask)", keys: ["say", "select", "set", "ask"], log: log) else {
            return nil
        }
        let say = reader.required("say", hint: "the narration of the step").flatMap { values.text($0) }
        let select = reader["select"].flatMap { values.text($0) }
        var change = SettingsChange()
        if let set = reader["set"], let switches = MappingReader(set, expected: "switches", keys: ["allowBranchToBranchTraffic", "activeActive",
                                                                                                  "hubRoutingPreference", "down", "up"], log: log) {
            change.routeExchange = switches["allowBranchToBranchTraffic"].flatMap(values.bool)
            change.activeActive = switches["activeActive"].flatMap(values.bool)
            change.hubRoutingPreference = switches["hubRoutingPreference"].flatMap { values.choice($0, of: HubRoutingPreference.self, noun: "hubRoutingPreference") }
            change.down = switches["down"].flatMap { values.elements($0, expected: "a list of names", read: { values.text($0) }) } ?? []
            change.up = switches["up"].flatMap { values.elements($0, expected: "a list of names", read: { values.text($0) }) } ?? []
        }
        let questions = reader["ask"].flatMap { values.elements($0, expected: "a list of questions", read: question) } ?? []
        guard let say else { return nil }
        return LessonStep(say: say, select: select, change: change, questions: questions)
    }

    private func question(_ field: Field) -> LessonQuestion? {
        guard let reader = MappingReader(field, expected: "a question (question, answer, why, choices)",
                                         keys: ["question", "answer", "why", "choices"], log: log) else { return nil }
        let text = reader.required("question").flatMap { values.text($0) }
        let why = reader["why"].flatMap { values.text($0, expected: "text (shown after the answer)") }
        let answer = reader.required("answer", hint: "where the engine finds the answer, e.g. {node: sdwan, prefix: 10.2.0.0/16, show: asPath}")
            .flatMap(answer)
        var choices: [String]?
        if let field = reader["choices"] {
            choices = values.elements(field, expected: "a list of answers to choose from", read: { values.text($0) })
            if let list = choices, Set(list).count < 2 {
                log.refuse("choices needs two different answers or more", at: field.position, hint: "e.g. choices: [\"65515\", \"65515 12076 65020\"]")
                choices = nil
            } else if let answer, answer.defaultChoices != nil {
                log.refuse("this answer offers its own choices (\(answer.defaultChoices!.joined(separator: ", "))): leave choices out",
                           at: field.position)
                choices = nil
            }
        }
        guard let text, let answer else { return nil }
        return LessonQuestion(text, answer: answer, why: why, choices: choices)
    }

    private func answer(_ answerField: Field) -> LessonQuestion.Answer? {
        guard let answer = MappingReader(answerField, expected: "an answer (node/vnet/session, prefix, show)",
                                         keys: ["node", "vnet", "session", "prefix", "show"], log: log),
              let show = answer.required("show").flatMap({ values.text($0) }) else { return nil }
        if let session = answer["session"].flatMap({ values.text($0) }) {
            guard show == "state", let ends = Network.sessionEnds(session) else {
                log.refuse("a session answer is {session: a--b, show: state}", at: answerField.position)
                return nil
            }
            return .session(ends.0, ends.1)
        }
        guard let prefix = answer.required("prefix").flatMap(values.prefix) else { return nil }
        if let vnet = answer["vnet"].flatMap({ values.text($0) }) {
            let kinds: [String: LessonQuestion.Answer] = ["route": .effectiveRoute(vnet: vnet, prefix: prefix),
                                                          "programmed": .programmed(vnet: vnet, prefix: prefix),
                                                          "source": .source(vnet: vnet, prefix: prefix)]
            guard let kind = kinds[show] else {
                log.refuse("a vnet answer shows route, programmed or source, not '\(show)'", at: answerField.position,
                           hint: Suggestions.hint(for: show, in: kinds.keys.sorted()))
                return nil
            }
            return kind
        }
        guard let node = answer.required("node").flatMap({ values.text($0) }) else { return nil }
        let kinds: [String: LessonQuestion.Answer] = ["asPath": .asPath(node: node, prefix: prefix), "nextHop": .nextHop(node: node, prefix: prefix),
                                                      "nextHopCount": .nextHopCount(node: node, prefix: prefix),
                                                      "has": .has(node: node, prefix: prefix), "reason": .reason(node: node, prefix: prefix)]
        guard let kind = kinds[show] else {
            log.refuse("unknown answer '\(show)'", at: answerField.position, hint: Suggestions.hint(for: show, in: kinds.keys.sorted()))
            return nil
        }
        return kind
    }
}
