import CNcursesw
import Explorer
import RoutingEngine
import Testing
import TerminalDriver
import TopologyFile

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

/// Presenter mode's themes, for a projector and for colour blindness.
@Suite("Terminal driver: the presenter themes")
struct PresenterThemeTests {
    /// Backgrounds a projector washes out, or that light text cannot sit on.
    static let light: Set<Theme.Color> = [.white, .yellow, .cyan, .green]

    @Test("no role of the presenter themes puts text on a light background, reverses colours or dims text")
    func noLightBackgrounds() {
        for role in Role.allCases {
            let look = Theme.presenter.look(role)
            #expect(!Self.light.contains(look.background), "presenter: \(role) has a \(look.background) background")
            #expect(!look.reverse, "presenter: \(role) is reversed: its colour would be the background")
            #expect(!look.dim, "presenter: \(role) is dim")
            // A coloured text brings its own dark background, whatever the terminal's default is.
            if look.foreground != .none { #expect(look.background != .none, "presenter: \(role) has no background of its own") }
            let mono = Theme.presenterMonochrome.look(role)
            #expect(mono.foreground == .none && mono.background == .none && !mono.dim, "presenter monochrome: \(role)")
        }
    }

    @Test("colour is never the only difference: every role that differs from plain text in the presenter theme also differs in the presenter monochrome theme")
    func neverColourAlone() {
        for role in Role.allCases where Theme.presenter.look(role) != Theme.Look() {
            let mono = Theme.presenterMonochrome.look(role)
            let plain = [Role.normal, .border, .best, .linkLabel, .node, .linkUp, .message, .overlay, .dim]
            #expect(mono != Theme.Look() || plain.contains(role), "\(role) is told apart by colour only")
        }
        // The states a class must tell apart differ from each other without colour (added and changed
        // are both bold: their glyphs, + and ~, tell them apart).
        let pairs: [(Role, Role)] = [(.statusOn, .statusOff), (.added, .removed), (.linkUp, .linkDown),
                                     (.tab, .tabActive), (.normal, .selectedRow), (.normal, .banner)]
        for (a, b) in pairs {
            #expect(Theme.presenterMonochrome.look(a) != Theme.presenterMonochrome.look(b), "\(a) and \(b) look alike without colour")
        }
    }
}

/// In the serialized suite: it draws through ncurses.
extension HeadlessTerminalTests {
    @Test("a presenter frame through ncurses: block letters on a dark background, the banner in bold, no colour with NO_COLOR")
    func presenterFrame() throws {
        var state = try ExplorerState(topology: BundledTopologies.topology(named: "sdwan-er"), source: "sdwan-er",
                                      width: 120, height: 40, presenter: true)
        update(&state, .key(.char("r")))
        let grid = view(state)
        let on = try #require(grid.find("▄▀▄ █▄ █"))
        let banner = try #require(grid.find("▶ ROUTE EXCHANGE ON"))
        for monochrome in [false, true] {
            let terminal = Terminal(headlessWidth: 120, height: 40, monochrome: monochrome, presenter: true)
            defer { terminal.shutdown() }
            terminal.draw(grid)
            #expect(terminal.row(on.y) == grid.lines[on.y])
            let letters = terminal.look(x: on.x, y: on.y), headline = terminal.look(x: banner.x, y: banner.y)
            #expect(letters.bold && headline.bold)
            if monochrome {
                #expect(letters.foreground == .none && letters.background == .none && headline.reverse)
            } else {
                #expect(letters.background == .black && headline.background == .blue && headline.foreground == .yellow)
            }
        }
    }
}

extension Grid {
    func find(_ text: String) -> (x: Int, y: Int)? {
        for (y, line) in lines.enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        return nil
    }
}
