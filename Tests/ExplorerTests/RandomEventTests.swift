import Explorer
import RoutingEngine
import Testing
import TopologyFile

/// 1,000 random keys, resizes, clicks and scrolls per run on the explorer's state machine, with
/// the effects answered the way the run loop would. After every event the state must still hold
/// together; at the end its tables must be exactly what the engine computes for its switches.
@Suite("Explorer under random events")
struct RandomEventTests {
    /// Keys weighted towards what changes state; commands typed whole so they get past parsing.
    static let keys: [Key] = "rapdu?q:/[]jkhlgGnNAbsteLx0123456789 .-#".map { .char($0) }
        + [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
           .backspace, .ctrl("r"), .ctrl("c"), .ctrl("l")]
    static let commands = [
        ":set route-exchange on\n", ":set active-active off\n", ":set preference ASPath\n", ":down er-gateway\n",
        ":up er-gateway\n", ":down route-server#0\n", ":node on-prem-2\n", ":trace on-prem-1 10.2.0.1\n",
        ":lesson route-exchange\n", ":lesson vpn-active-active\n", ":open vpn-er\n", ":open sdwan-vpn-er\n",
        ":open /no/such/file.yaml\n", ":w /no/such/dir/x.yaml\n", ":export /tmp/x.md\n", ":nonsense 1 2\n",
        "/10.2\n", "/\u{7}\u{1B}\n", ":\n",
    ]

    enum Event: Sendable, CustomStringConvertible {
        case msg(Msg), text(String)
        var description: String {
            switch self {
            case .msg(let msg): "\(msg)"
            case .text(let text): "type \(text.debugDescription)"
            }
        }
    }

    /// Each gene picks an event kind and its details; shrinking tends to fewer, simpler events.
    static func decode(_ gene: Int) -> Event {
        let detail = gene / 16
        switch gene % 16 {
        case 0: return .msg(.resize(width: detail % 260, height: (detail / 7) % 90))
        case 1: return .msg(.click(x: detail % 270 - 5, y: (detail / 3) % 95 - 5))
        case 2: return .msg(.scroll(up: detail % 2 == 0))
        case 3: return .text(commands[detail % commands.count])
        default: return .msg(.key(keys[gene % keys.count]))
        }
    }

    /// The events of one run: 1,000 genes from SplitMix64 started at a fixed seed and the run number,
    /// so every run of the suite (CI's included) replays the same events and a failure reproduces.
    static func events(run: Int) -> [Event] {
        var state: UInt64 = 0x5EED_0012 &+ UInt64(run) &* 0xD1B5_4A32_D192_ED03
        return (0..<1_000).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return decode(Int((z ^ (z >> 31)) % 1_000_001))
        }
    }

    /// Shrinking a 1,000-event run takes too long to be useful; a failure names the run, the event that
    /// broke an invariant and the eight before it instead.
    @Test("1,000 random events keep the explorer consistent", arguments: ["sdwan-er", "vpn-er", "sdwan-vpn-er"], [0, 1])
    func randomEvents(_ name: String, run: Int) async throws {
        let start = try ExplorerState(topology: BundledTopologies.topology(named: name), source: name, width: 100, height: 30)
        let events = Self.events(run: run)
        var state = start
        for (index, event) in events.enumerated() {
            switch event {
            case .msg(let msg): Self.send(msg, to: &state)
            case .text(let text): for character in text { Self.send(.key(character == "\n" ? .enter : .char(character)), to: &state) }
            }
            let broken = Self.brokenInvariants(state)
            guard broken.isEmpty else {
                let recent = events[max(0, index - 8)...index].map(\.description).joined(separator: "\n  ")
                Issue.record("\(broken.joined(separator: "; ")) after event \(index) of run \(run):\n  \(recent)")
                return
            }
        }
        // Out of any overlay, command line, lesson or step-through (which shows a step's tables),
        // the tables on screen are exactly the engine's for the switches shown.
        for _ in 0..<4 { Self.send(.key(.escape), to: &state) }
        #expect(state.stepMode == nil)
        let fresh = try Engine.compute(state.topology, settings: state.settings)
        #expect(state.result.diff(to: fresh).isEmpty)
    }

    /// `update`, then the effects answered as the run loop answers them (without touching disk).
    static func send(_ msg: Msg, to state: inout ExplorerState) {
        var pending = update(&state, msg)
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            pending += update(&state, answer(effect))
        }
    }

    static func answer(_ effect: Effect) -> Msg {
        switch effect {
        case .open(let path):
            guard let topology = try? BundledTopologies.topology(named: path) else { return .openFailed("\(path): no such file") }
            return .opened(topology, source: path)
        case .openLesson(let name):
            guard let lesson = try? BundledLessons.lesson(named: name),
                  let topology = try? BundledTopologies.topology(named: lesson.topology) else { return .openFailed("\(name): no such lesson") }
            return .lessonOpened(lesson, topology)
        case .saveScenario(let path, _, _), .saveDocument(let path, _, _): return .writeFailed("\(path): read-only file system")
        case .export(let path): return .wrote("wrote \(path)")
        }
    }

    static func brokenInvariants(_ state: ExplorerState) -> [String] {
        var broken: [String] = []
        let grid = view(state)
        if grid.width != state.width || grid.height != state.height { broken.append("grid \(grid.width)×\(grid.height) for a \(state.width)×\(state.height) window") }
        if !grid.cells.allSatisfy({ !$0.character.isNewline && $0.character.asciiValue.map { $0 >= 32 } ?? true }) { broken.append("a control character on screen") }
        // Step-through shows the tables of a step: the sessions a change takes down go down one step
        // each, still under the switches before the change.
        let shown = [state.settings] + (state.stepMode?.settingsBefore.map { [$0] } ?? [])
        if !shown.contains(state.result.settings) { broken.append("tables computed for other switches than shown") }
        if !(state.rowCursor >= 0 && state.rowCursor < max(1, state.table.rows.count)) { broken.append("cursor \(state.rowCursor) outside \(state.table.rows.count) rows") }
        if !(state.rowScroll >= 0 && state.rowScroll <= state.rowCursor) { broken.append("scrolled to \(state.rowScroll), past the cursor at \(state.rowCursor)") }
        let names = state.result.nodes.map(\.name) + state.result.network.virtualNetworks.map(\.name)
        if !names.contains(state.selection) { broken.append("selection \(state.selection) is not in the topology") }
        return broken
    }
}
