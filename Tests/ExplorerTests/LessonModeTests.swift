import Explorer
import Foundation
import RoutingEngine
import Testing
import TopologyFile

/// A lesson in the explorer: beside the live table, waiting for the student's action, answered and
/// checked against the engine, left and resumed.
@Suite("Explorer lessons")
struct LessonModeTests {
    static let sdwan = Prefix("10.2.0.0/16")

    /// Two steps: look (no action), then turn route exchange on.
    static let lesson = Lesson(name: "t", title: "Route exchange", topology: "sdwan-er", steps: [
        LessonStep(say: "Route exchange is off.", select: "sdwan",
                   questions: [LessonQuestion("Does sdwan know on-prem-2?", answer: .has(node: "sdwan", prefix: sdwan)),
                               LessonQuestion("How many next hops for the hub?", answer: .nextHopCount(node: "sdwan", prefix: Prefix("10.0.0.0/16")))]),
        LessonStep(say: "Turn route exchange on — press r.", select: "sdwan", change: SettingsChange(routeExchange: true),
                   questions: [LessonQuestion("Its AS path?", answer: .asPath(node: "sdwan", prefix: sdwan))]),
    ])

    func started(width: Int = 120, height: Int = 40) throws -> ExplorerState {
        var state = try explorer(width: width, height: height)
        update(&state, .lessonOpened(Self.lesson, state.topology))
        return state
    }

    @Test(":lesson NAME asks for the lesson; the step selects its node and shows its table beside the lesson, never instead of it")
    func paneBesideTable() throws {
        var state = try explorer(width: 120, height: 40)
        state.press(.char("L"))
        #expect(state.commandLine == "lesson ", "no lesson to resume: L asks for one")
        state.type("route-exchange")
        #expect(update(&state, .key(.enter)) == [.openLesson("route-exchange")])
        for (width, height) in [(80, 24), (120, 40), (140, 45), (200, 60)] {
            var sized = try started(width: width, height: height)
            sized.press(.char("A"), .char("y"))
            let text = view(sized).text
            #expect(sized.selection == "sdwan" && sized.tab == .learned)
            #expect(text.contains("Lesson 1/2: Route exchange"), "\(width)×\(height)")
            #expect(text.contains("Network          Next Hop"), "the table stays on screen at \(width)×\(height)")
            #expect(text.contains("Q1. Does sdwan know on-prem-2?"), "\(width)×\(height)")
            #expect(text.contains("on-prem-1") && text.contains("route-server"), "the diagram stays at \(width)×\(height)")
            let lines = view(sized).lines
            // Wide: the lesson is to the right of the table on the same rows; narrow: below it.
            let header = try #require(lines.firstIndex { $0.contains("Network          Next Hop") })
            let title = try #require(lines.firstIndex { $0.contains("Lesson 1/2") })
            if width >= 140 {
                #expect(lines[title].firstRange(of: "Lesson 1/2")!.lowerBound > lines[title].startIndex, "beside")
                #expect(title <= header)
            } else {
                #expect(title > header, "below the table at \(width)×\(height)")
            }
        }
    }

    @Test("a step that asks for an action waits: no questions until the switches match, however they get there (key, :set, undo)")
    func waits() throws {
        var state = try started()
        state.press(.char("n"))
        #expect(state.lesson?.step == 1)
        #expect(!state.settings.routeExchange, "the step does not apply its change itself")
        var text = view(state).text
        #expect(text.contains("▶ Your turn: route exchange on (r, or :set route-exchange on)"))
        #expect(!text.contains("Its AS path?"))
        // The key.
        state.press(.char("r"))
        text = view(state).text
        #expect(state.settings.routeExchange && text.contains("✓ done: route exchange on") && text.contains("Q1. Its AS path?"))
        #expect(state.message?.text == "step 2 done: route exchange on · A answers the questions")
        // Undo makes it wait again; redo, then :set, complete it again.
        state.press(.char("u"))
        #expect(view(state).text.contains("▶ Your turn"))
        state.press(.ctrl("r"))
        #expect(view(state).text.contains("Q1. Its AS path?"))
        state.press(.char("r"))
        state.command("set route-exchange on")
        #expect(view(state).text.contains("Q1. Its AS path?"))
    }

    @Test("n on a waiting step does the action for the student and says so; the next n moves on")
    func doneForYou() throws {
        var state = try started()
        state.press(.char("n"), .char("n"))
        #expect(state.settings.routeExchange && state.lesson?.step == 1)
        #expect(state.message?.text.hasPrefix("done for you: route exchange on") == true)
        #expect(state.log.contains { $0.text == "── lesson step 2: done for you: route exchange on ──" })
        #expect(view(state).text.contains("Q1. Its AS path?"))
        state.press(.char("n"))
        #expect(state.message?.text == "last step: Esc leaves the lesson")
    }

    @Test("answers: typed or chosen, checked against the engine's, right — or not quite — with why; yes/no answered yes or no first")
    func answering() throws {
        var state = try started()
        state.press(.char("A"))
        // A yes/no question is a choice: y picks yes.
        #expect(view(state).text.contains("answer: [1 yes] 2 no ←→ choose"))
        state.press(.char("y"))
        var verdict = try #require(state.lesson?.verdicts[0])
        #expect(!verdict.right)
        #expect(verdict.text.hasPrefix("not quite — no — sdwan has no route for 10.2.0.0/16: route-server#0 does not send it to sdwan: route exchange is off"))
        // The next A goes to the next unanswered question: a typed count.
        state.press(.char("A"))
        state.type("2")
        #expect(view(state).text.contains("answer: 2█"))
        state.press(.enter)
        verdict = try #require(state.lesson?.verdicts[1])
        #expect(verdict.right)
        #expect(verdict.text == "right — 2 — two next hops: one per Azure Route Server instance (10.0.1.4 is route-server#0, 10.0.1.5 is route-server#1)")
        // Typed AS path, any separator; Enter on an empty prompt shows the answer.
        state.press(.char("n"), .char("n"), .char("A"))
        state.type("65515-12076-65020")
        state.press(.enter)
        #expect(state.lesson?.verdicts[0]?.right == true)
        state.press(.char("A"), .enter)
        #expect(state.lesson?.verdicts[0]?.text.hasPrefix("the answer: 65515 12076 65020 — read right to left: on-prem-2 (65020)") == true)
        // Esc closes a prompt without answering; the lesson stays.
        state.press(.char("A"), .char("1"), .escape)
        #expect(state.lesson?.prompt == nil && state.lesson != nil)
    }

    @Test("Esc leaves the lesson and L resumes it at the same step, even after :open of another topology")
    func resume() throws {
        var state = try started()
        state.press(.char("n"), .char("n"))
        state.press(.escape)
        #expect(state.lesson == nil)
        #expect(state.message?.text == "left the lesson at step 2 · L resumes it")
        #expect(!view(state).text.contains("Lesson 2/2"))
        state.press(.char("L"))
        #expect(state.lesson?.step == 1)
        #expect(view(state).text.contains("Lesson 2/2") && view(state).text.contains("Q1. Its AS path?"))
        state.press(.escape)
        update(&state, .opened(try BundledTopologies.topology(named: "vpn-er"), source: "vpn-er"))
        state.press(.char("L"))
        #expect(state.topology.name == "sdwan-er" && state.lesson?.step == 1)
        #expect(view(state).text.contains("▶ Your turn"), "back on the lesson's topology, the step waits again")
    }

    @Test("N goes back with the switches as they were at that step; a student's own toggles are put back for the next step")
    func back() throws {
        var state = try started()
        state.press(.char("n"), .char("n"))
        state.press(.char("N"))
        #expect(state.lesson?.step == 0 && !state.settings.routeExchange)
        #expect(view(state).text.contains("Q1. Does sdwan know on-prem-2?"))
        state.press(.char("p"))
        state.press(.char("n"))
        #expect(state.settings.hubRoutingPreference == .expressRoute, "step 2 starts from what step 1 left")
    }
}

/// The lesson pane on screen at the four sizes a class sees: a step answered, and a step waiting.
@Suite("Lesson screens")
struct LessonScreenTests {
    @Test("route-exchange step 1 answered, step 3 waiting, at 80×24, 120×40, 140×45 and 200×60",
          arguments: [(80, 24), (120, 40), (140, 45), (200, 60)])
    func screens(_ size: (Int, Int)) throws {
        let lesson = try BundledLessons.lesson(named: "route-exchange")
        var state = try explorer(width: size.0, height: size.1)
        update(&state, .lessonOpened(lesson, state.topology))
        state.press(.char("A"))
        state.type("65515")
        state.press(.enter, .char("A"), .char("2"), .enter, .char("A"))
        try expectGolden(view(state), "lesson-route-exchange-\(size.0)x\(size.1)-answered")
        state.press(.escape, .char("n"), .char("n"))
        try expectGolden(view(state), "lesson-route-exchange-\(size.0)x\(size.1)-waiting")
    }
}

/// Every step of every bundled lesson, walked in the explorer: the switches the narration names are
/// the step's change, and once the step is done the status line shows them.
@Suite("Lesson narration matches the switches")
struct LessonNarrationTests {
    /// What a step's text says about the switches: "Turn route exchange on", "route exchange is off",
    /// "preference to VpnGateway", "active/standby", "take X down".
    static func claims(in text: String) -> SettingsChange {
        let words = text.replacingOccurrences(of: "\n", with: " ")
        var change = SettingsChange()
        if let match = words.firstMatch(of: /(?i)(?:turn route exchange|route exchange is) (on|off)/) { change.routeExchange = match.1.lowercased() == "on" }
        if let match = words.firstMatch(of: /(?i)preference to (ExpressRoute|VpnGateway|ASPath)/) { change.hubRoutingPreference = HubRoutingPreference(rawValue: String(match.1)) }
        if words.contains("active/standby — press a") { change.activeActive = false }
        change.down = words.matches(of: /take (\S+) down/).map { String($0.1) }
        return change
    }

    /// The switches as the status line shows them.
    static func status(_ grid: Grid) -> [String: String] {
        guard let line = grid.lines.last(where: { $0.contains(" down: ") }) else { return [:] }
        var values: [String: String] = [:]
        for match in line.matches(of: /(route exchange|VPN active\/active|preference|down): (\S+)/) { values[String(match.1)] = String(match.2) }
        return values
    }

    @Test("what each step says about the switches is what the status line shows once it is done", arguments: BundledLessons.all.map(\.name))
    func walk(_ name: String) throws {
        let lesson = try BundledLessons.lesson(named: name)
        let topology = try BundledTopologies.topology(named: lesson.topology)
        var state = try ExplorerState(topology: topology, source: lesson.topology, width: 160, height: 50)
        update(&state, .lessonOpened(lesson, topology))
        for (index, step) in lesson.steps.enumerated() {
            #expect(state.lesson?.step == index)
            let claimed = Self.claims(in: step.say)
            // The text names every switch the step asks for (and no other it does not ask for).
            for part in step.change.parts { #expect(claimed.parts.contains(part), "\(name) step \(index + 1): the text does not say '\(part)'") }
            if !step.change.isEmpty {
                #expect(view(state).text.contains("▶ Your turn"), "\(name) step \(index + 1) waits")
                state.press(.char("n"))
                #expect(state.message?.text.hasPrefix("done for you: \(SettingsChange(from: lesson.settings(before: index, startingFrom: Settings(of: topology)), to: state.settings).description)") == true)
            }
            let target = lesson.settings(through: index, startingFrom: Settings(of: topology))
            #expect(state.settings == target, "\(name) step \(index + 1)")
            let shown = Self.status(view(state))
            if let on = claimed.routeExchange { #expect(shown["route exchange"] == (on ? "ON" : "OFF"), "\(name) step \(index + 1): \(shown)") }
            if let on = claimed.activeActive { #expect(shown["VPN active/active"] == (on ? "ON" : "OFF"), "\(name) step \(index + 1)") }
            if let preference = claimed.hubRoutingPreference { #expect(shown["preference"] == preference.rawValue, "\(name) step \(index + 1)") }
            for down in claimed.down { #expect(shown["down"]?.split(separator: ",").contains(Substring(down)) == true, "\(name) step \(index + 1): \(down)") }
            // Every question is shown and answered from the live tables.
            let text = view(state).text
            for (number, question) in step.questions.enumerated() {
                #expect(text.contains("Q\(number + 1). \(question.question.prefix(30))"), "\(name) step \(index + 1) Q\(number + 1)")
            }
            if let select = step.select { #expect(state.selection == select) }
            state.press(.char("n"))
        }
    }
}
