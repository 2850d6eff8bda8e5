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
            state.press(.char(":"))
            state.type("trace \(address)")
            state.press(.enter)
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
    @Test("golden screens of every bundled topology at 80×24, 120×40, 140×45 and 200×60, in every mode and overlay",
          arguments: Screen.all)
    func golden(_ screen: Screen) throws {
        try expectGolden(view(try screen.state()), screen.golden)
    }

    /// Text that does not fit ends in `…` (Grid.put draws it); a text whose end a later one
    /// overwrote was cut silently (the row counter drawn over a path, a label over the tabs).
    @Test("no screen of the matrix cuts a word without …: every cut the grid recorded still shows its …, no text's end is drawn over",
          arguments: Screen.all)
    func nothingCutSilently(_ screen: Screen) throws {
        let grid = view(try screen.state())
        for point in grid.silentCuts {
            Issue.record("row \(point.y), column \(point.x): '\(point.character)' was overwritten by '\(grid[point.x, point.y].character)':\n\(grid.lines[point.y])")
        }
    }
}
