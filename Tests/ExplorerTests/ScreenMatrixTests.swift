import Explorer
import RoutingEngine
import Testing
import TopologyFile

/// One screen of the matrix: a bundled topology at a size, in a mode or overlay.
struct Screen: CustomTestStringConvertible, Sendable {
    enum Shown: String, CaseIterable, Sendable {
        case explorer, toggled, lesson, stepThrough = "step-through", help, detail, trace, filter, command, presenter, quit
    }

    let topology: String
    let width: Int
    let height: Int
    let shown: Shown

    var testDescription: String { "\(topology) \(width)×\(height) \(shown.rawValue)" }
    var golden: String { "matrix/\(topology)-\(width)x\(height)-\(shown.rawValue)" }

    static let sizes = [(80, 24), (120, 40), (140, 45), (200, 60)]

    /// Every bundled topology × every size × every mode (a lesson where the topology has one).
    static let all: [Screen] = BundledTopologies.all.map(\.name).flatMap { name in
        sizes.flatMap { size in
            Shown.allCases.filter { $0 != .lesson || lesson(for: name) != nil }
                .map { Screen(topology: name, width: size.0, height: size.1, shown: $0) }
        }
    }

    static func lesson(for topology: String) -> Lesson? {
        BundledLessons.all.lazy.compactMap { try? BundledLessons.lesson(named: $0.name) }.first { $0.topology == topology }
    }

    /// The state that shows this screen, reached with the keys a user presses.
    func state() throws -> ExplorerState {
        let topology = try BundledTopologies.topology(named: self.topology)
        var state = try ExplorerState(topology: topology, source: self.topology, width: width, height: height,
                                      presenter: [.presenter, .quit].contains(shown))
        // The switch a trainer would flip first here.
        let toggle: Character = topology.routeServer != nil ? "r" : (state.settings.vpnActiveActive != nil ? "a" : "d")
        switch shown {
        case .explorer: break
        case .toggled: state.press(.char(toggle))
        case .lesson:
            let lesson = try #require(Screen.lesson(for: self.topology))
            update(&state, .lessonOpened(lesson, topology))
            state.press(.char("n"))
        case .stepThrough: state.press(.char(toggle), .char("s"), .char("s"), .char("s"))
        case .help: state.press(.char("?"))
        case .detail: state.press(.tab, .down, .enter)
        case .trace:
            let hub = try #require(topology.hub.addressSpace.first).description
            let address = hub.split(separator: "/")[0].split(separator: ".").prefix(3).joined(separator: ".") + ".4"
            state.command("trace \(address)")
        case .filter:
            state.press(.char("/"))
            state.type("65515")
        case .command:
            state.press(.char(":"))
            state.type("set preference ASPath")
        case .presenter: state.press(.char(toggle))
        case .quit: state.press(.char(toggle), .char("q"))
        }
        return state
    }
}

@Suite("Explorer screens: every topology, size and mode")
struct ScreenMatrixTests {
    /// One pass per screen (the matrix is large and the machine shared): the golden text, then the
    /// cuts. Text that does not fit ends in `…` (Grid.put draws it and records where); a text whose
    /// end a later one overwrote was cut silently (the row counter drawn over a path, a label over
    /// the tabs): both show in `silentCuts`.
    @Test("golden screens of every bundled topology at 80×24, 120×40, 140×45 and 200×60, in every mode and overlay; none cuts a word without …",
          arguments: Screen.all)
    func golden(_ screen: Screen) throws {
        let grid = view(try screen.state())
        try expectGolden(grid, screen.golden)
        for point in grid.silentCuts {
            Issue.record("row \(point.y), column \(point.x): '\(point.character)' was overwritten by '\(grid[point.x, point.y].character)':\n\(grid.lines[point.y])")
        }
        #expect(grid.cuts.allSatisfy { grid[$0.x, $0.y].character == "…" })
    }
}
