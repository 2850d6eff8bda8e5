import Explorer
import TopologyFile
import RoutingEngine
import Testing

@Suite("Explorer update")
struct UpdateTests {
    @Test("r, a, p and d flip the switches and recompute; u and Ctrl-R undo and redo")
    func switches() throws {
        var state = try explorer("vpn-er")
        state.press(.char("r"))
        #expect(state.settings.routeExchange)
        #expect(state.result.settings.routeExchange)
        state.press(.char("a"))
        #expect(state.settings.vpnActiveActive == false)
        state.press(.char("p"))
        #expect(state.settings.hubRoutingPreference == .vpnGateway)
        state.press(.char("p"), .char("p"))
        #expect(state.settings.hubRoutingPreference == .expressRoute)
        state.press(.char("u"), .char("u"), .char("u"), .char("u"), .char("u"))
        #expect(state.settings == Settings(of: state.topology))
        state.press(.ctrl("r"))
        #expect(state.settings.routeExchange)
        state.press(.char("u"))
        state.press(.char("u"))
        #expect(state.message?.isError == true)
    }

    @Test("d takes the selected node down and brings it back; a VNet cannot go down")
    func down() throws {
        var state = try explorer()
        #expect(state.selection == "sdwan")
        state.press(.char("d"))
        #expect(state.settings.down == ["sdwan"])
        #expect(state.result.node(named: "route-server").map { state.result.bestRoutes(of: $0, for: Prefix("10.1.0.0/16")) }?.isEmpty == true)
        state.press(.char("d"))
        #expect(state.settings.down.isEmpty)
        update(&state, .key(.char(":")))
        state.type("node hub-vnet")
        state.press(.enter)
        #expect(state.selection == "hub-vnet")
        state.press(.char("d"))
        #expect(state.settings.down.isEmpty && state.message?.isError == true)
    }

    @Test("arrows and hjkl move between nodes by position")
    func navigation() throws {
        var state = try explorer()
        state.press(.char("l"))
        #expect(state.selection == "route-server")
        state.press(.right)
        #expect(state.selection == "er-gateway")
        state.press(.char("h"), .char("h"), .char("h"))
        #expect(state.selection == "on-prem-1")
        state.press(.down)
        #expect(state.selection == "hub-vnet")
        #expect(state.tabs == [.effective])
    }

    @Test(": commands: node, set, down, up, q; mistakes get a message, not a crash")
    func colonCommands() throws {
        var state = try explorer()
        state.command("set route-exchange on")
        #expect(state.settings.routeExchange)
        state.command("set preference aspath")
        #expect(state.settings.hubRoutingPreference == .asPath)
        state.command("down route-server#1")
        #expect(state.settings.down == ["route-server#1"])
        state.command("up route-server#1")
        #expect(state.settings.down.isEmpty)
        state.command("node er-gatway")
        #expect(state.message?.text.contains("did you mean 'er-gateway'") == true)
        state.command("frobnicate")
        #expect(state.message?.isError == true)
        state.command("set active-active on")
        #expect(state.message?.text.contains("no VPN gateway") == true)
        #expect(update(&state, .key(.char(":"))) == [])
        state.type("open topologies/vpn-er.yaml")
        #expect(update(&state, .key(.enter)) == [.open(path: "topologies/vpn-er.yaml")])
        #expect(update(&state, .key(.char(":"))) == [])
        state.type("w /tmp/scenario.yaml")
        #expect(update(&state, .key(.enter)) == [.saveScenario(path: "/tmp/scenario.yaml", topology: state.topology, settings: state.settings)])
        state.press(.char("e"))
        #expect(state.commandLine == "export sdwan-er.md")
        #expect(update(&state, .key(.enter)) == [.export(path: "sdwan-er.md")])
        state.command("export slides.pptx")
        #expect(state.message?.text.contains(".svg or .dot") == true)
        update(&state, .wrote("wrote scenario /tmp/scenario.yaml"))
        #expect(state.message?.text == "wrote scenario /tmp/scenario.yaml" && state.message?.isError == false)
        state.command("q")
        #expect(state.shouldQuit)
    }

    @Test("/ filters rows by prefix or text; Esc clears")
    func filter() throws {
        var state = try explorer()
        state.press(.char("r"), .char("/"))
        state.type("10.2.")
        let routes = state.table.rows.filter(\.isSelectable)
        #expect(!routes.isEmpty && routes.allSatisfy { $0.prefix == Prefix("10.2.0.0/16") })
        state.press(.enter, .escape)
        #expect(state.filter.isEmpty)
        #expect(state.table.rows.filter(\.isSelectable).count > routes.count)
    }

    @Test("Enter on a row opens its detail: every path, the deciding step, what stopped the others")
    func detail() throws {
        var state = try explorer()
        state.press(.tab, .down)
        #expect(state.focus == .table)
        state.press(.enter)
        guard case .detail(let node, let prefix)? = state.overlay else { Issue.record("no detail overlay"); return }
        #expect(node == "sdwan" && prefix == Prefix("10.0.0.0/16"))
        let text = view(state).text
        // The panel wraps prose at its width: look for the words, not the line breaks.
        let words = text.replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("eBGP): best, sharing with equal paths (multipath).") && words.contains("Path from route-server#1"))
        state.press(.escape)
        #expect(state.overlay == nil)
    }

    @Test("mouse: a click on a box selects it, a click on a tab opens it")
    func mouse() throws {
        var state = try explorer(width: 120, height: 40)
        let screen = view(state)
        let box = try #require(screen.find("er-circuit"))
        update(&state, .click(x: box.x, y: box.y))
        #expect(state.selection == "er-circuit")
        let tab = try #require(view(state).find("Sessions"))
        update(&state, .click(x: tab.x, y: tab.y))
        #expect(state.tab == .sessions)
        #expect(view(state).text.contains("Established"))
    }

    @Test("R14: the Sessions tab of an active/standby VPN gateway says Azure refuses it, under its sessions")
    func R14_sessionsTabWarning() throws {
        var state = try explorer("vpn-er", width: 160, height: 50)
        state.press(.char("a"))
        let box = try #require(view(state).find("vpn-gateway"))
        update(&state, .click(x: box.x, y: box.y))
        let tab = try #require(view(state).find("Sessions"))
        update(&state, .click(x: tab.x, y: tab.y))
        #expect(state.selection == "vpn-gateway" && state.tab == .sessions)
        #expect(view(state).text.contains("Warning: Azure refuses this: Route Server needs an active/active VPN gateway"))
        state.press(.char("a"))
        #expect(!view(state).text.contains("Warning: Azure refuses this"))
    }

    @Test("R14: a warning marks its node on the diagram with ! (the Sessions tab says why); gone when fixed")
    func R14_diagramWarningMarker() throws {
        var state = try explorer("vpn-er", width: 160, height: 50)
        /// The top border of the box whose name is `name`, from its left corner to its right one.
        func topBorder(_ name: String) throws -> [Cell] {
            let grid = view(state)
            let at = try #require(grid.find(name))
            var left = at.x - 1
            while left > 0, grid[left, at.y - 1].character != state.glyphs.topLeft { left -= 1 }
            var right = at.x
            while right < grid.width - 1, grid[right, at.y - 1].character != state.glyphs.topRight { right += 1 }
            return (left...right).map { grid[$0, at.y - 1] }
        }
        #expect(!(try topBorder("vpn-gateway")).contains { $0.character == "!" })
        state.press(.char("a"))
        let marked = try topBorder("vpn-gateway")
        // Right-aligned before the change mark: `…!*┐`, in the warning's role.
        #expect(marked.suffix(3).map(\.character) == ["!", "*", "┐"])
        #expect(marked[marked.count - 3].role == .warning)
        #expect(!(try topBorder("route-server")).contains { $0.character == "!" })
        state.press(.char("a"))
        #expect(!(try topBorder("vpn-gateway")).contains { $0.character == "!" })
    }

    @Test("resize follows the terminal; the change log keeps what changed on which node")
    func resizeAndLog() throws {
        var state = try explorer()
        update(&state, .resize(width: 132, height: 43))
        #expect(state.width == 132 && state.height == 43)
        state.press(.char("r"))
        #expect(state.log.map(\.text).contains("sdwan: +10.2.0.0/16 via route-server [65515 12076 65020]"))
        #expect(state.log.map(\.text).contains("er-gateway: +10.1.0.0/16 via route-server [65001 65010]"))
        state.press(.char("r"))
        #expect(state.log.map(\.text).contains("sdwan: -10.2.0.0/16 via route-server [65515 12076 65020]"))
    }

    @Test("ColonCommand parses the documented commands")
    func parse() {
        #expect(ColonCommand.parse("q") == .success(.quit))
        #expect(ColonCommand.parse("node sdwan") == .success(.node("sdwan")))
        #expect(ColonCommand.parse("set route-exchange off") == .success(.set(.routeExchange(false))))
        #expect(ColonCommand.parse("set preference VpnGateway") == .success(.set(.preference(.vpnGateway))))
        #expect(ColonCommand.parse("down a--b") == .success(.down("a--b", true)))
        #expect((try? ColonCommand.parse("set route-exchange maybe").get()) == nil)
        #expect((try? ColonCommand.parse("").get()) == nil)
    }
}

@Suite("Explorer step-through")
struct StepThroughTests {
    // Found by RandomEventTests: step-through outlived the topology it replays.
    @Test(":open during step-through leaves it; g then shows the new topology's tables, not the old trace's")
    func openLeavesStepMode() throws {
        var state = try explorer("sdwan-er")
        state.press(.char("s"))
        #expect(state.stepMode != nil)
        state.type(":open vpn-er")
        let effects = update(&state, .key(.enter))
        #expect(effects == [.open(path: "vpn-er")])
        update(&state, .opened(try BundledTopologies.topology(named: "vpn-er"), source: "vpn-er"))
        #expect(state.stepMode == nil)
        state.press(.char("g"))
        #expect(state.result.topology.name == "vpn-er")
        #expect(state.result.settings == state.settings)
    }

    @Test("A lesson started during step-through leaves it first")
    func lessonLeavesStepMode() throws {
        var state = try explorer("sdwan-er")
        state.press(.char("s"))
        let lesson = try BundledLessons.lesson(named: "vpn-active-active")
        update(&state, .lessonOpened(lesson, try BundledTopologies.topology(named: lesson.topology)))
        #expect(state.stepMode == nil)
        #expect(state.result.topology.name == lesson.topology)
        #expect(state.result.settings == state.settings)
    }

    @Test("s replays the last change one message at a time; b goes back, g to the end, Esc restores the stable tables")
    func stepThrough() throws {
        var state = try explorer(width: 100, height: 30)
        state.press(.char("r"), .char("s"))
        let mode = try #require(state.stepMode)
        #expect(mode.position == 0 && mode.trace.events.count == 15)
        // Before the first message sdwan does not have on-prem-2 yet.
        #expect(!state.table.rows.contains { $0.prefix == Prefix("10.2.0.0/16") })
        state.press(.char("s"), .char("s"), .char("s"))
        #expect(state.message?.text == "step 3/15: UPDATE route-server#0 → sdwan 10.2.0.0/16 [65515 12076 65020]")
        #expect(state.table.rows.contains { $0.prefix == Prefix("10.2.0.0/16") && $0.mark == .added })
        let screen = view(state)
        #expect(screen.text.contains("│sdwan│←←←"), "the carrying link points at the receiver")
        #expect(screen.text.contains("stepping: 3/15"))
        state.press(.char("b"))
        #expect(state.stepMode?.position == 2)
        state.press(.char("g"))
        #expect(state.stepMode?.position == 15)
        #expect(state.message?.text.hasSuffix("— stable") == true)
        state.press(.escape)
        #expect(state.stepMode == nil)
        #expect(state.result.settings.routeExchange)
        #expect(state.table.rows.contains { $0.prefix == Prefix("10.2.0.0/16") })
    }

    @Test("without a change, s replays the first convergence from nothing learned; a toggle leaves step mode")
    func fromNothing() throws {
        var state = try explorer()
        state.press(.char("s"))
        #expect(state.stepMode?.position == 0)
        #expect(state.table.rows.filter(\.isSelectable).isEmpty)
        state.press(.char("r"))
        #expect(state.stepMode == nil && state.settings.routeExchange)
    }
}

@Suite("Explorer trace")
struct ExplorerTraceTests {
    @Test("t traces from the selection: the hop tree fills the table, follows toggles live, Esc clears it")
    func trace() throws {
        var state = try explorer(width: 120, height: 40)
        state.press(.char("h"), .char("t"))
        #expect(state.selection == "on-prem-1" && state.commandLine == "trace ")
        state.type("10.2.1.1")
        state.press(.enter)
        #expect(state.dataPath?.isComplete == false)
        #expect(state.table.rows.contains { $0.text.contains("✗ black hole: on-prem-1 has no route to 10.2.1.1") })
        state.press(.char("r"))
        #expect(state.dataPath?.isComplete == true, "the trace follows the toggle")
        let screen = view(state)
        #expect(screen.text.contains("trace on-prem-1 → 10.2.1.1 (Esc clears)"))
        #expect(screen.text.contains("er-gateway  forwards to the circuit (er-circuit#0)"))
        let circuit = try #require(screen.find("er-circuit"))
        #expect(screen[circuit.x - 1, circuit.y].role == .changed, "the path's boxes are highlighted")
        state.press(.escape)
        #expect(state.trace == nil)
        #expect(!view(state).text.contains("Esc clears"))
    }
}

@Suite("Explorer presenter mode")
struct PresenterTests {
    @Test("--present: a large status, a banner for each change, every teaching view; files refused; q asks")
    func presenter() throws {
        var state = try ExplorerState(topology: BundledTopologies.topology(named: "vpn-er"), source: "vpn-er",
                                      width: 140, height: 40, presenter: true)
        var text = view(state).text
        #expect(text.contains("r ROUTE EXCHANGE") && text.contains("p PREFERENCE"))
        let off = try #require(BlockLetters.render("OFF"))
        #expect(off.allSatisfy { text.contains($0.trimmingTrailing()) }, "OFF in block letters")
        state.press(.char("r"))
        text = view(state).text
        #expect(text.contains("▶ ROUTE EXCHANGE ON") && text.contains("5 route changes, 0 session changes"))
        // What writes or opens files is refused, by key and by command; teaching views stay.
        state.press(.char("e"))
        #expect(state.commandLine == nil)
        #expect(state.message?.text.hasPrefix("presenter mode does not export") == true)
        state.press(.char(":"))
        state.type("w /tmp/x.yaml")
        #expect(update(&state, .key(.enter)).isEmpty, "no file is written")
        #expect(state.message?.text.hasPrefix("presenter mode does not run :w") == true)
        state.press(.char("?"))
        #expect(state.overlay == .help)
        #expect(!view(state).text.contains(":export"), "help leaves out what presenter mode refuses")
        state.press(.escape, .char("t"))
        #expect(state.commandLine == "trace ")
        state.press(.escape)
        state.press(.char("l"))
        #expect(state.selection == "route-server", "navigation still works")
        state.press(.char("q"))
        #expect(!state.shouldQuit && state.mode == .confirmQuit, "presenter mode asks before quitting")
        #expect(view(state).text.contains("y quit · n stay"))
        state.press(.char("n"))
        #expect(!state.shouldQuit && state.mode == .normal)
        state.press(.char("q"), .char("y"))
        #expect(state.shouldQuit)
    }
}
