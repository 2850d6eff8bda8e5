import RoutingEngine

/// Step-through: the last change (or the first convergence) replayed one BGP message at a time.
/// While it is on, the state shows the tables after `position` messages; leaving restores the stable ones.
public struct StepMode: Sendable {
    public let trace: ConvergenceTrace
    public internal(set) var position: Int
    let stable: RoutingResult
    let stableChanges: ResultDiff?
    let stablePrevious: RoutingResult?

    /// The switches before the replayed change: the first steps (sessions going down) still run
    /// under them; nil for a replay from nothing learned.
    public var settingsBefore: Settings? { stablePrevious?.settings }

    /// The message that produced the current tables, with its node names for the diagram.
    public var current: (text: String, from: String, to: String)? {
        guard position > 0, position <= trace.events.count else { return nil }
        let event = trace.events[position - 1]
        let network = stable.network
        switch event {
        case .message(let message):
            return (trace.describe(event), network.node(of: message.from).name, network.node(of: message.to).name)
        case .sessionDown(let a, let b, _), .sessionUp(let a, let b):
            return (trace.describe(event), network.node(of: a).name, network.node(of: b).name)
        }
    }

    /// Beyond this many prefixes a per-prefix replay is too long to step through by hand.
    static let prefixLimit = 2000
}

extension ExplorerState {
    /// `s`: enter step mode (replaying the last change), or take the next step.
    mutating func step(by delta: Int) {
        if var mode = stepMode {
            mode.position = max(0, min(mode.trace.events.count, mode.position + delta))
            stepMode = mode
            showStep()
            return
        }
        guard delta > 0 else { return }
        guard result.allPrefixes.count <= StepMode.prefixLimit else {
            return fail("step-through replays one prefix per message: this topology has \(result.allPrefixes.count) prefixes (up to \(StepMode.prefixLimit))")
        }
        let from = previous?.settings
        guard let trace = try? ConvergenceTrace(topology: topology, settings: settings, from: from,
                                                previousTopology: previousTopology) else {
            return fail("cannot replay this change")
        }
        guard !trace.events.isEmpty else {
            message = .init(text: "nothing to step through: \(from == nil ? "the network" : "the last change") sends no BGP message and moves no session",
                            isError: false)
            return
        }
        stepMode = StepMode(trace: trace, position: 0, stable: result, stableChanges: changes, stablePrevious: previous)
        showStep()
    }

    mutating func runToStable() {
        guard let mode = stepMode else { return }
        step(by: mode.trace.events.count - mode.position)
    }

    mutating func leaveStepMode() {
        guard let mode = stepMode else { return }
        stepMode = nil
        showResult(mode.stable, previous: mode.stablePrevious, changes: mode.stableChanges)
        message = .init(text: "left step-through: the stable tables", isError: false)
    }

    private mutating func showStep() {
        guard let mode = stepMode else { return }
        let now = mode.trace.result(after: mode.position)
        let before = mode.position > 0 ? mode.trace.result(after: mode.position - 1) : nil
        showResult(now, previous: before, changes: before.map { $0.diff(to: now) })
        let total = mode.trace.events.count
        let text = mode.current.map { "step \(mode.position)/\(total): \($0.text)" }
            ?? "step 0/\(total): the state before — s or → for the next message, b or ← back, g to the end, Esc to leave"
        message = .init(text: mode.position == total ? text + " — stable" : text, isError: false)
    }
}
