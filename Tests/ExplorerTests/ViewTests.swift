import Explorer
import RoutingEngine
import Testing
import TopologyFile

/// The views a class asks for: the Summary tab, why VMs use a route, before and after.
@Suite("Explorer views")
struct ViewTests {
    func command(_ state: inout ExplorerState, _ text: String) {
        update(&state, .key(.char(":")))
        state.type(text)
        state.press(.enter)
    }

    @Test("Summary tab: neighbour, AS, state, prefixes received and sent with the limit in use, as show bgp summary")
    func summaryTab() throws {
        var state = try explorer("sdwan-er", width: 140, height: 45)
        command(&state, "node route-server")
        #expect(state.tabs.last == .summary)
        state.press(.char("5"))
        #expect(state.tab == .summary)
        let text = state.table.rows.map(\.text)
        #expect(text.contains("BGP summary of route-server#0, router identifier 10.0.1.4, local AS 65515"))
        #expect(text.contains { $0.hasPrefix("Neighbor") && $0.contains("PfxRcd") && $0.contains("PfxSnt") })
        // The limit is the engine's, read off the session (R18), not a number of ours.
        let result = state.result
        let session = try #require(result.network.sessions.first {
            result.network.name(of: $0.a) == "route-server#0" && result.network.name(of: $0.b) == "sdwan"
        })
        let limit = try #require(session.prefixLimit(from: session.b))
        let row = try #require(text.first { $0.hasPrefix("sdwan ") })
        #expect(row.contains("65001") && row.contains("eBGP") && row.contains("Established") && row.contains("1/\(limit)"))
        #expect(text.contains("Total number of neighbors 3, 3 established"))
        try expectGolden(view(state), "sdwan-er-140x45-summary")
        var small = try explorer("sdwan-er", width: 80, height: 24)
        command(&small, "node route-server")
        small.press(.char("5"))
        try expectGolden(view(small), "sdwan-er-80x24-summary")
        // The tabs still fit at 80 columns: the selection keeps its name.
        #expect(view(small).text.contains(" route-server   1 Learned"))
    }

    @Test("Summary tab: a session a node down took down says why")
    func summaryDown() throws {
        var state = try explorer("sdwan-er", width: 140, height: 45)
        state.press(.char("d"))   // sdwan down
        command(&state, "node route-server")
        state.press(.char("5"))
        let row = try #require(state.table.rows.map(\.text).first { $0.hasPrefix("sdwan ") })
        #expect(row.contains("Down") && row.contains("node down (R20"))
    }

    @Test("Enter on an effective route explains why VMs use it: which gateway, the hub routing preference step, ECMP")
    func whyThisRoute() throws {
        var state = try explorer("routing-preference", width: 140, height: 45)
        command(&state, "node hub-vnet")
        #expect(state.tabs == [.effective])
        state.press(.tab)   // the table pane
        #expect(state.focus == .table)
        for _ in 0..<20 where state.table.rows[state.rowCursor].prefix != Prefix("10.2.0.0/16") { state.press(.char("j")) }
        #expect(state.table.rows[state.rowCursor].prefix == Prefix("10.2.0.0/16"))
        state.press(.enter)
        #expect(state.overlay == .detail(node: "hub-vnet", prefix: Prefix("10.2.0.0/16")))
        let text = view(state).text
        #expect(text.contains("hub-vnet · why VMs use 10.2.0.0/16"))
        #expect(text.contains("route-server#0 from sdwan: NVA, AS path [65001], next hop 10.0.2.4"))
        #expect(text.contains("lost at hub routing preference"))
        #expect(text.contains("Hub routing preference ExpressRoute decided first"))
        #expect(text.contains("ECMP: VMs spread traffic over 2 next hops"))
        state.press(.escape)
        // After p, the same row explains the NVA's win.
        state.press(.char("p"))
        state.press(.enter)
        let after = view(state).text
        #expect(after.contains("er-gateway#0 from er-circuit#0: ExpressRoute, AS path [12076 65020]"))
        #expect(after.contains("lost at AS-path length") || after.contains("lost at hub routing preference"))
    }

    @Test("v: the selected table before and after the last change, with the marks; only after a change")
    func beforeAfter() throws {
        var state = try explorer("two-nvas-ecmp", width: 140, height: 45)
        state.press(.char("v"))
        #expect(state.overlay == nil && state.message?.isError == true)
        command(&state, "node route-server")
        command(&state, "down nva-b")
        state.press(.char("v"))
        #expect(state.overlay == .beforeAfter)
        #expect(state.mode == .beforeAfter)
        let screen = view(state)
        let text = screen.text
        #expect(text.contains("route-server · Learned — before and after nva-b down"))
        #expect(text.contains("Before") && text.contains("After  (+ appeared  - vanished  ~ another best path)"))
        try expectGolden(screen, "two-nvas-ecmp-140x45-before-after")
        let vanished = try #require(screen.find("- *=                  10.0.2.5"))
        #expect(screen[vanished.x, vanished.y].role == .removed)
        state.press(.char("j"), .char("k"))
        state.press(.char("v"))
        #expect(state.overlay == nil)
        // 80×24: stacked, before above after.
        var small = try explorer("two-nvas-ecmp", width: 80, height: 24)
        command(&small, "node route-server")
        command(&small, "down nva-b")
        small.press(.char("v"))
        let stacked = view(small)
        try expectGolden(stacked, "two-nvas-ecmp-80x24-before-after")
        let before = try #require(stacked.find("Before")), after = try #require(stacked.find("After"))
        #expect(before.y < after.y)
        // 200×60: side by side, the FRR lines whole on both sides.
        var wide = try explorer("two-nvas-ecmp", width: 200, height: 60)
        command(&wide, "node route-server")
        command(&wide, "down nva-b")
        wide.press(.char("v"))
        let sideBySide = view(wide)
        try expectGolden(sideBySide, "two-nvas-ecmp-200x60-before-after")
        let left = try #require(sideBySide.find("Before")), right = try #require(sideBySide.find("After"))
        #expect(left.y == right.y && left.x < right.x)
        #expect(sideBySide.text.contains("*                   10.0.2.6                           32768 65003 65003 65003 i"))
    }

    @Test(":trace takes a prefix too: the trace goes to its first address")
    func traceToPrefix() throws {
        var state = try explorer("sdwan-er", width: 120, height: 40)
        command(&state, "trace 10.2.0.0/16")
        #expect(state.trace?.to == IPv4Address("10.2.0.0"))
        #expect(state.table.rows.first?.text == "trace from sdwan to 10.2.0.0")
    }

    @Test("presenter mode keeps v and the Summary tab")
    func presenterKeepsViews() throws {
        var state = try ExplorerState(topology: BundledTopologies.topology(named: "sdwan-er"), source: "sdwan-er",
                                      width: 120, height: 40, presenter: true)
        state.press(.char("r"))
        state.press(.char("v"))
        #expect(state.overlay == .beforeAfter)
        state.press(.escape)
        command(&state, "node route-server")
        state.press(.char("5"))
        #expect(state.tab == .summary)
    }
}
