import Explorer
import RoutingEngine
import Testing
import TopologyFile

@Suite("Explorer legibility: nothing cut without a mark")
struct LegibilityTests {
    let prepend = "65515 65003 65003 65003 65013 i"

    @Test("Grid.put: a text that does not fit ends in … at its last column; a text drawn over another's end is a silent cut; fill clears both")
    func gridRecordsCuts() {
        var grid = Grid(width: 20, height: 3)
        grid.put("65515 65003 65003 65013 i", x: 0, y: 0, limit: 12)
        #expect(grid.lines[0].hasPrefix("65515 65003…"))
        #expect(grid.cuts == [Grid.Point(x: 11, y: 0, character: "…")])
        grid.put("日本語", x: 0, y: 1, limit: 4)
        #expect(grid.lines[1].hasPrefix("日…"), "a wide glyph that does not fit leaves room for the …")
        #expect(grid.silentCuts.isEmpty)
        grid.put("route exchange", x: 0, y: 2)
        grid.put("12/40", x: 12, y: 2)
        #expect(grid.silentCuts == [Grid.Point(x: 13, y: 2, character: "e")], "the counter drawn over the text's end")
        grid.put("…", x: 11, y: 0)
        grid.put("x", x: 11, y: 0)
        #expect(grid.silentCuts.contains(Grid.Point(x: 11, y: 0, character: "…")), "a … drawn over is a silent cut too")
        grid.fill(Rect(x: 0, y: 0, width: 20, height: 3), Cell())
        #expect(grid.silentCuts.isEmpty && grid.cuts.isEmpty, "an overlay that clears its place forgets what it covers")
    }

    @Test("two-nvas-ecmp at 140×45: the prepended AS path shows whole, the table takes the room it needs")
    func pathTakesItsRoom() throws {
        let text = view(try explorer("two-nvas-ecmp", width: 140, height: 45)).text
        #expect(text.contains("*> 10.13.0.0/16     10.0.1.4                               0 \(prepend)"))
        #expect(text.contains("Change log"))
    }

    @Test("at 80 columns a long path ends in …, > scrolls it into view keeping the Network column, the footer counts the hidden columns, < goes back")
    func sidewaysScroll() throws {
        var state = try explorer("two-nvas-ecmp", width: 80, height: 40)
        state.press(.tab)
        var screen = view(state)
        let row = try #require(screen.lines.first { $0.contains("*> 10.13.0.0/16") })
        #expect(row.hasSuffix("…"), "the cut path is marked: \(row)")
        #expect(screen.text.contains("more columns ▶ · < > scroll"))
        state.press(.char(">"))
        #expect(state.columnScroll == 10)
        #expect(view(state).text.contains("◀ 10 columns · "))
        state.press(.char(">"))
        screen = view(state)
        let scrolled = try #require(screen.lines.first { $0.contains("*> 10.13.0.0/16") })
        #expect(scrolled.contains("65013 i"), "the end of the path is in view: \(scrolled)")
        #expect(screen.text.contains("◀ \(state.columnScroll) columns"))
        // More > presses stop at the last column; < comes back to the start.
        for _ in 0..<20 { state.press(.char(">")) }
        let hidden = state.columnScroll
        state.press(.char(">"))
        #expect(state.columnScroll == hidden)
        for _ in 0..<20 { state.press(.shiftLeft) }
        #expect(state.columnScroll == 0)
        // Another tab starts at the left again.
        state.press(.char(">"), .char("]"))
        #expect(state.columnScroll == 0)
    }

    @Test("the row counter has a row of its own under the table: it never covers a row")
    func rowCounterOwnRow() throws {
        var state = try explorer("vpn-er", width: 80, height: 24)
        state.press(.tab)
        let screen = view(state)
        let counter = try #require(screen.find("rows 1–"))
        let line = screen.lines[counter.y].trimmingCharacters()
        #expect(line.hasPrefix("rows 1–"), "the counter's row holds no table text: \(line)")
        #expect(screen.silentCuts.isEmpty, "\(screen.silentCuts)\n\(screen.text)")
    }

    @Test("a table with no row to select (Sessions) scrolls with j and k; the footer follows")
    func proseScrolls() throws {
        var state = try explorer("vpn-er", width: 80, height: 20)
        state.press(.char(":"))
        state.type("node route-server")
        state.press(.enter, .char("4"), .tab)
        #expect(state.tab == .sessions && state.focus == .table)
        #expect(view(state).text.contains("rows 1–"))
        state.press(.char("j"), .char("j"))
        #expect(state.rowScroll == 2)
        #expect(view(state).text.contains("rows 3–"))
        state.press(.char("k"))
        #expect(state.rowScroll == 1)
    }

    @Test("a filter that matches nothing says so, and how to clear it")
    func filterMatchesNothing() throws {
        var state = try explorer("sdwan-er", width: 100, height: 30)
        state.press(.char("/"))
        state.type("zzz")
        state.press(.enter)
        let text = view(state).text
        #expect(text.contains("no row matches the filter “zzz” — Esc clears it"))
        #expect(text.contains("filter “zzz” (Esc clears)"))
        state.press(.escape)
        #expect(!view(state).text.contains("no row matches"))
    }

    @Test("the status line keeps one wording at every width from 60 to 200 columns (a second row when needed)")
    func statusOneWording() throws {
        for name in ["vpn-er", "sdwan-vpn-er", "sdwan-er"] {
            for width in stride(from: 60, through: 200, by: 7) {
                let state = try explorer(name, width: width, height: 30)
                let status = view(state).lines.suffix(3).joined(separator: "\n")
                for words in ["r route exchange: OFF", "p preference: ExpressRoute", "d down: none"] {
                    #expect(status.contains(words), "\(name) at \(width): '\(words)' missing from\n\(status)")
                }
                if state.settings.vpnActiveActive != nil { #expect(status.contains("a VPN active/active: ON"), "\(name) at \(width)") }
            }
        }
    }

    @Test("change log lines wrap instead of being cut: the whole AS path is in the pane")
    func logWraps() throws {
        var state = try explorer("two-nvas-ecmp", width: 80, height: 40)
        state.press(.char("d"))
        let grid = view(state)
        #expect(grid.silentCuts.isEmpty)
        #expect(!grid.lines.contains { $0.contains("[65515") && $0.hasSuffix("…") }, "a log line was cut:\n\(grid.text)")
    }

    @Test("a trace is prose: at 80 columns its hop lines wrap under the hop's text instead of ending in …")
    func traceWraps() throws {
        var state = try explorer("sdwan-er", width: 80, height: 30)
        state.command("trace 10.0.0.4")
        let grid = view(state)
        let hops = grid.lines.filter { $0.contains("route-server#") || $0.contains("hub-vnet  10.0.0.0/16") }
        #expect(!hops.isEmpty && hops.allSatisfy { !$0.hasSuffix("…") }, "a hop line was cut:\n\(grid.text)")
        #expect(grid.text.contains("delivered"))
        #expect(!grid.text.contains("more columns ▶"), "nothing to scroll sideways once wrapped")
        #expect(grid.silentCuts.isEmpty)
    }

    @Test("block letters: three rows, every letter and digit drawn, an unknown character falls back to plain text")
    func blockLetters() throws {
        let on = try #require(BlockLetters.render("ON"))
        #expect(on == ["▄▀▄ █▄ █", "█ █ █ ▀█", " ▀  ▀  ▀"])
        for character in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-:#,." {
            let rows = try #require(BlockLetters.render(String(character)), "no glyph for \(character)")
            #expect(rows.count == 3 && rows.contains { $0.contains { $0 != " " } })
        }
        #expect(BlockLetters.render("é") == nil)
        #expect(BlockLetters.render("ON", ascii: true) == ["### ## #", "# # # ##", " #  #  #"])
    }
}

@Suite("Explorer presenter mode: the banner and the large status")
struct PresenterBannerTests {
    func presenter(_ name: String = "sdwan-er", width: Int = 120, height: Int = 40) throws -> ExplorerState {
        try ExplorerState(topology: BundledTopologies.topology(named: name), source: name, width: width, height: height, presenter: true)
    }

    @Test("a change shows a three-row banner that stays until the next key or a few seconds (the run loop's ticks)")
    func bannerTimeout() throws {
        var state = try presenter()
        update(&state, .tick(100))
        state.press(.char("r"))
        var grid = view(state)
        let headline = try #require(grid.find("▶ ROUTE EXCHANGE ON"))
        #expect(grid[headline.x, headline.y].role == .banner)
        #expect(grid.lines[headline.y + 1].contains("route changes, 0 session changes"))
        #expect(grid[0, headline.y - 1].role == .banner, "the banner is three rows, across the screen")
        update(&state, .tick(100 + ExplorerState.bannerSeconds - 1))
        #expect(view(state).text.contains("▶ ROUTE EXCHANGE ON"), "still there before the timeout")
        update(&state, .tick(100 + ExplorerState.bannerSeconds))
        grid = view(state)
        #expect(!grid.text.contains("▶ ROUTE EXCHANGE ON"), "gone after the timeout")
        // The next key clears it too.
        state.press(.char("r"))
        #expect(view(state).text.contains("▶ ROUTE EXCHANGE OFF"))
        state.press(.char("j"))
        #expect(!view(state).text.contains("▶ ROUTE EXCHANGE"))
    }

    @Test("without --present a change is one message line, and ticks leave it alone")
    func noBannerOutsidePresenter() throws {
        var state = try explorer("sdwan-er", width: 120, height: 40)
        state.press(.char("r"))
        update(&state, .tick(1000))
        let text = view(state).text
        #expect(text.contains("route exchange on: ") && !text.contains("▶ ROUTE EXCHANGE"))
    }

    @Test("the switches in block letters at 120 columns and more; at 80 the long values stay in words, never cut")
    func largeStatusWidths() throws {
        let wide = view(try presenter("vpn-er", width: 140, height: 45))
        // Screen text has its trailing spaces trimmed, so compare the letters' rows without theirs.
        func shows(_ rows: [String], _ grid: Grid) -> Bool { rows.allSatisfy { grid.text.contains($0.trimmingTrailing()) } }
        for value in ["OFF", "ON", "EXPRESSROUTE", "NONE"] {
            let rows = try #require(BlockLetters.render(value))
            #expect(shows(rows, wide), "\(value) in block letters at 140:\n\(wide.text)")
        }
        let narrow = view(try presenter("vpn-er", width: 80, height: 24))
        #expect(narrow.text.contains("ExpressRoute"), "the long value in words at 80:\n\(narrow.text)")
        #expect(narrow.silentCuts.isEmpty)
        let on = try #require(BlockLetters.render("ON"))
        #expect(shows(on, narrow), "the short values still in block letters at 80")
    }

    @Test("at 80 columns a long list of what is down goes one name a line in words; the other switches keep their block letters")
    func downListStacks() throws {
        var state = try presenter("sdwan-vpn-er", width: 80, height: 24)
        for command in ["down route-server#0", "down on-prem-3--vpn-gateway"] {
            state.command(command)
        }
        state.press(.char("j"))
        let grid = view(state)
        let rows = grid.text.split(separator: "\n")
        #expect(rows.contains { $0.hasSuffix(" on-prem-3--vpn-gateway") }, "\(grid.text)")
        #expect(rows.contains { $0.hasSuffix(" route-server#0") })
        let off = try #require(BlockLetters.render("OFF"))
        #expect(off.allSatisfy { grid.text.contains($0.trimmingTrailing()) }, "OFF still in block letters:\n\(grid.text)")
        #expect(grid.silentCuts.isEmpty && grid.cuts.isEmpty, "nothing cut:\n\(grid.text)")
    }

    @Test("presenter mode keeps every teaching view: trace and step-through with the large status, q asks")
    func teachingViews() throws {
        var state = try presenter("sdwan-er", width: 120, height: 40)
        state.press(.char("t"))
        state.type("10.2.0.1")
        state.press(.enter)
        #expect(state.trace != nil)
        #expect(view(state).text.contains("trace sdwan → 10.2.0.1 (Esc clears)"))
        state.press(.escape, .char("r"), .char("s"), .char("s"))
        #expect(state.mode == .stepThrough)
        let text = view(state).text
        #expect(text.contains("s STEPPING") && text.contains("step 1/"))
        state.press(.escape, .char("q"))
        #expect(state.mode == .confirmQuit)
        #expect(view(state).text.contains("▶ QUIT ROUTESCOPE?"))
    }
}

extension String {
    func trimmingTrailing() -> String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }

    func trimmingCharacters() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
