import RoutingEngine

/// A guided lesson in progress (or paused, for `L` to resume): where the class is, what it answered.
public struct LessonProgress: Equatable, Sendable {
    public let lesson: Lesson
    /// The lesson's topology, so a paused lesson resumes on it after `:open` opened another.
    public let topology: Topology
    public internal(set) var step: Int
    /// The student's verdict per question of this step ("right — …", "not quite — …").
    public internal(set) var verdicts: [Int: Verdict] = [:]
    /// The answer being typed or chosen.
    public internal(set) var prompt: AnswerPrompt?
    /// The first line of the pane shown (the pane scrolls when its text is longer than the room).
    public internal(set) var scroll = 0
    /// The question last asked or answered: the pane scrolls to keep it in view (until j/k scroll it).
    public internal(set) var focusedQuestion: Int?

    public struct Verdict: Equatable, Sendable {
        public let response: String
        public let right: Bool
        public let text: String
    }

    public struct AnswerPrompt: Equatable, Sendable {
        public let question: Int
        /// The typed text, or for a choice question the highlighted choice.
        public internal(set) var text = ""
        public internal(set) var choice = 0
    }

    init(lesson: Lesson, topology: Topology, step: Int = 0) {
        self.lesson = lesson; self.topology = topology; self.step = step
    }

    var current: LessonStep { lesson.steps[step] }
    var start: Settings { Settings(of: topology) }
    /// The switches the step's questions are about.
    var target: Settings { lesson.settings(through: step, startingFrom: start) }
    var before: Settings { lesson.settings(before: step, startingFrom: start) }

    /// A step that asks for a change waits until the switches match it, however they got there.
    func isWaiting(_ settings: Settings) -> Bool { !current.change.isEmpty && settings != target }
}

// Lesson keys, each a small function so the keymap can call them.
extension ExplorerState {
    /// Opens a lesson on its topology at a step (1 for `:lesson NAME`).
    mutating func startLesson(_ next: Lesson, topology lessonTopology: Topology, at step: Int = 0) {
        leaveStepMode()
        if lessonTopology != topology { replace(topology: lessonTopology, source: next.topology) }
        guard topology == lessonTopology else { return }
        pausedLesson = nil
        lesson = LessonProgress(lesson: next, topology: lessonTopology, step: min(step, next.steps.count - 1))
        enterLessonStep(goingBack: false)
    }

    /// `L`: resumes the lesson left with Esc at its step, or asks for one.
    mutating func resumeLesson() {
        guard lesson == nil else { return message = .init(text: "in lesson \(lesson!.lesson.name): Esc leaves it", isError: false) }
        guard let paused = pausedLesson else {
            commandLine = "lesson "
            return
        }
        startLesson(paused.lesson, topology: paused.topology, at: paused.step)
    }

    /// `Esc`: leaves the lesson; `L` comes back to the same step.
    mutating func leaveLesson() {
        guard let current = lesson else { return }
        pausedLesson = current
        lesson = nil
        message = .init(text: "left the lesson at step \(current.step + 1) · L resumes it", isError: false)
    }

    /// `n`: on a waiting step does the action for the student, else goes to the next step.
    mutating func lessonNext() {
        guard let current = lesson else { return }
        if current.isWaiting(settings) {
            let done = SettingsChange(from: settings, to: current.target).description
            apply(current.target, because: "lesson step \(current.step + 1): done for you: \(done)")
            message = .init(text: "done for you: \(done) · the questions are in the lesson pane", isError: false)
            return
        }
        guard current.step + 1 < current.lesson.steps.count else {
            return message = .init(text: "last step: Esc leaves the lesson", isError: false)
        }
        lesson?.step += 1
        enterLessonStep(goingBack: false)
    }

    /// `N`: the step before, with the switches as they were at it.
    mutating func lessonBack() {
        guard let current = lesson else { return }
        guard current.step > 0 else { return message = .init(text: "first step", isError: false) }
        lesson?.step -= 1
        enterLessonStep(goingBack: true)
    }

    /// Points at the step's node and sets the switches the steps before it left (the step's own
    /// change is the student's to make). Going back restores what the step itself had.
    private mutating func enterLessonStep(goingBack: Bool) {
        guard let current = lesson else { return }
        lesson?.verdicts = [:]
        lesson?.prompt = nil
        lesson?.scroll = 0
        lesson?.focusedQuestion = nil
        let wanted = goingBack ? current.target : current.before
        if settings != current.target && settings != wanted {
            apply(wanted, because: "lesson step \(current.step + 1): the switches as the steps before left them")
        }
        let step = current.current
        if let name = step.select ?? step.questions.first?.answer.subject, selectableNames.contains(name) {
            focus = .table
            select(node: name)
            if case .session? = step.questions.first?.answer { select(tab: .sessions) } else if tabs.contains(.learned) { select(tab: .learned) }
            if let prefix = step.questions.first?.answer.prefix, let row = table.rows.firstIndex(where: { $0.prefix == prefix }) {
                rowCursor = row
                keepCursorVisible()
            }
        }
        let waiting = current.isWaiting(settings)
        message = .init(text: "lesson \(current.lesson.name): step \(current.step + 1)/\(current.lesson.steps.count)"
                        + (waiting ? " · waiting for you: \(SettingsChange(from: settings, to: current.target).description) · n does it for you"
                                   : " · A answers · n next"), isError: false)
    }

    /// After any change of the switches: a waiting step that now matches shows its questions.
    mutating func noteLessonAfterChange(wasWaiting: Bool) {
        guard let current = lesson else { return }
        if current.isWaiting(settings) {
            lesson?.prompt = nil
            if !wasWaiting { lesson?.verdicts = [:] }
        } else if wasWaiting, message.map({ !$0.text.hasPrefix("done for you") }) ?? true {
            message = .init(text: "step \(current.step + 1) done: \(current.current.change.description) · A answers the questions", isError: false)
        }
    }

    // MARK: answering

    /// `A`: a prompt for the next unanswered question of the step (once its action is done).
    mutating func beginAnswer() {
        guard let current = lesson else { return }
        guard !current.isWaiting(settings) else {
            return fail("first \(SettingsChange(from: settings, to: current.target).description) (n does it for you)")
        }
        let count = current.current.questions.count
        guard count > 0 else { return message = .init(text: "no questions at this step · n next", isError: false) }
        let after = current.prompt.map { $0.question + 1 } ?? 0
        let next = (0..<count).map { (after + $0) % count }.first { current.verdicts[$0] == nil } ?? after % count
        lesson?.prompt = LessonProgress.AnswerPrompt(question: next)
        lesson?.focusedQuestion = next
    }

    var isAnswering: Bool { lesson?.prompt != nil }
    var isChoosingAnswer: Bool { promptQuestion?.choices != nil }

    /// The question the prompt is for, and its choices (nil: typed).
    private var promptQuestion: (prompt: LessonProgress.AnswerPrompt, choices: [String]?)? {
        guard let current = lesson, let prompt = current.prompt else { return nil }
        return (prompt, current.current.questions[prompt.question].offeredChoices)
    }

    /// A character in the prompt: typed text, or for a choice question 1–9 or a choice's first letter.
    mutating func typeAnswer(_ character: Character) {
        guard let (_, choices) = promptQuestion else { return }
        guard let choices else {
            lesson?.prompt?.text.append(character)
            return
        }
        if let digit = character.wholeNumberValue, (1...choices.count).contains(digit) {
            submitAnswer(choices[digit - 1])
            return
        }
        let initial = choices.filter { $0.lowercased().first == character.lowercased().first }
        if initial.count == 1 { submitAnswer(initial[0]) }
    }

    mutating func chooseAnswer(by step: Int) {
        guard let (prompt, choices) = promptQuestion, let choices else { return }
        lesson?.prompt?.choice = (prompt.choice + step + choices.count) % choices.count
    }

    mutating func deleteAnswerCharacter() {
        guard let (prompt, choices) = promptQuestion, choices == nil else { return }
        lesson?.prompt?.text = String(prompt.text.dropLast())
    }

    mutating func cancelAnswer() { lesson?.prompt = nil }

    /// Enter: the typed text or the highlighted choice.
    mutating func submitAnswer() {
        guard let (prompt, choices) = promptQuestion else { return }
        submitAnswer(choices.map { $0[prompt.choice] } ?? prompt.text)
    }

    /// Checks an answer against the engine's; an empty one shows the answer.
    mutating func submitAnswer(_ response: String) {
        guard let current = lesson, let prompt = current.prompt else { return }
        let question = current.current.questions[prompt.question]
        let verdict: LessonProgress.Verdict
        if response.allSatisfy(\.isWhitespace) {
            verdict = .init(response: "", right: false, text: "the answer: " + result.answer(to: question).text)
        } else {
            let checked = question.check(response, in: result)
            verdict = .init(response: response, right: checked.right, text: checked.text)
        }
        lesson?.verdicts[prompt.question] = verdict
        lesson?.prompt = nil
        let left = current.current.questions.indices.filter { lesson?.verdicts[$0] == nil }.count
        message = .init(text: "Q\(prompt.question + 1): \(verdict.right ? "right" : verdict.response.isEmpty ? "answer shown" : "not quite")"
                        + (left > 0 ? " · A answers the next question" : " · n next step"), isError: false)
    }

    /// j/k on the lesson pane.
    mutating func scrollLesson(by lines: Int) {
        guard let current = lesson, let pane = ScreenLayout.make(self).lesson else { return }
        let all = LessonPane.lines(current, settings: settings, result: result, width: pane.width - 2)
        let shown = LessonPaneView.firstLine(current, lines: all, height: pane.height - 2)
        lesson?.focusedQuestion = nil
        lesson?.scroll = max(0, min(all.count - (pane.height - 2), shown + lines))
    }
}
