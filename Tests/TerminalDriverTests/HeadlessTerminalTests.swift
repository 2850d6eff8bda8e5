import CNcursesw
import Explorer
import RoutingEngine
import Testing
import TerminalDriver

/// ncurses is one process-wide state machine: everything that touches it runs in this one serialized suite.
@Suite("Terminal driver (headless ncurses)", .serialized)
struct HeadlessTerminalTests {
    func sampleGrid() -> Grid {
        var grid = Grid(width: 40, height: 6)
        grid.box(Rect(x: 0, y: 0, width: 40, height: 6), glyphs: .unicode, role: .node, title: "route-server")
        grid.put("+ *> 10.2.0.0/16", x: 2, y: 2, role: .added)
        grid.put("ON", x: 2, y: 3, role: .statusOn)
        grid.put("日本", x: 2, y: 4, role: .normal)
        return grid
    }

    @Test("the blit reaches ncurses' screen: text, box drawing, wide glyphs, the bottom-right cell")
    func blit() {
        let terminal = Terminal(headlessWidth: 40, height: 6)
        defer { terminal.shutdown() }
        #expect(terminal.size.width == 40 && terminal.size.height == 6)
        let grid = sampleGrid()
        terminal.draw(grid)
        #expect(terminal.row(0).hasPrefix("┌ route-server ─"))
        #expect(terminal.row(2).hasPrefix("│ + *> 10.2.0.0/16"))
        #expect(terminal.row(5).hasSuffix("┘"))
        #expect(terminal.row(4).hasPrefix("│ 日"))
    }

    @Test("roles become the colour theme's attributes: added is bold green, ON is bold green on white")
    func colourTheme() {
        let terminal = Terminal(headlessWidth: 40, height: 6)
        defer { terminal.shutdown() }
        terminal.draw(sampleGrid())
        let added = terminal.look(x: 2, y: 2)
        #expect(added.bold && added.foreground == .green)
        let on = terminal.look(x: 2, y: 3)
        #expect(on.bold && on.foreground == .green && on.background == .white)
    }

    @Test("the monochrome theme (NO_COLOR) uses no colour pair, and still tells roles apart")
    func monochrome() {
        let terminal = Terminal(headlessWidth: 40, height: 6, monochrome: true)
        defer { terminal.shutdown() }
        terminal.draw(sampleGrid())
        let added = terminal.look(x: 2, y: 2)
        #expect(added.foreground == .none && added.background == .none && added.bold)
        let on = terminal.look(x: 2, y: 3)
        #expect(on.reverse && on.bold)
        let plain = terminal.look(x: 10, y: 4)
        #expect(!plain.bold && !plain.reverse && !plain.underline)
    }

    @Test("a whole explorer frame round-trips through ncurses")
    func explorerFrame() throws {
        let terminal = Terminal(headlessWidth: 100, height: 30)
        defer { terminal.shutdown() }
        let state = try ExplorerState(topology: Topology(name: "t", hub: VirtualNetwork(name: "hub", addressSpace: [Prefix("10.0.0.0/16")])),
                                      source: "t", width: 100, height: 30)
        let grid = view(state)
        terminal.draw(grid)
        for y in [0, 1, 2, 29] { #expect(terminal.row(y) == grid.lines[y]) }
    }

    @Test("every role has a distinct look in at least one attribute from plain text, in both themes")
    func themesCoverRoles() {
        for theme in [Theme.color, Theme.monochrome] {
            for role in Role.allCases where ![.normal, .border, .best, .linkLabel, .node, .linkUp, .message, .overlay].contains(role) {
                #expect(theme.look(role) != Theme.Look(), "\(theme.name) gives \(role) no look")
            }
        }
    }
}
