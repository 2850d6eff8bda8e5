import Explorer
import RoutingEngine
import Testing

/// What a change did, told truthfully: the change log and the status line count VM effective routes,
/// and the marks say which path appeared, vanished or became best.
@Suite("Explorer changes")
struct ChangeTests {
    @Test("p lists what the preference did to the hub's VMs, and the status line counts it, in the right number")
    func preferenceTellsVMs() throws {
        var state = try explorer("routing-preference", width: 140, height: 45)
        state.press(.char("p"))
        #expect(state.settings.hubRoutingPreference == .vpnGateway)
        #expect(state.message?.text == "preference VpnGateway: 1 route change, 0 session changes, 2 effective route changes")
        let log = state.log.map(\.text)
        #expect(log.contains("hub-vnet VMs: 10.2.0.0/16 now via VirtualNetworkGateway 10.0.2.4 (was 192.168.255.2, 192.168.255.6)"))
        #expect(log.contains("spoke-1 VMs: 10.2.0.0/16 now via VirtualNetworkGateway 10.0.2.4 (was 192.168.255.2, 192.168.255.6)"))
        #expect(state.log.first { $0.text.hasPrefix("hub-vnet VMs:") }?.kind == .changed)
        // And on screen, in the change log pane.
        #expect(view(state).text.contains("hub-vnet VMs: 10.2.0.0/16 now via"))
    }

    @Test("a node down: counts, 'originated here' for a local route (never 'via local []'), VMs that lose a route")
    func wording() throws {
        var state = try explorer("two-nvas-ecmp", width: 140, height: 45)
        update(&state, .key(.char(":")))
        state.type("down nva-b")
        state.press(.enter)
        #expect(state.message?.text == "nva-b down: 22 route changes, 3 session changes, 6 effective route changes")
        let log = state.log.map(\.text)
        #expect(log.contains("nva-b: -10.50.0.0/16 originated here"))
        #expect(!log.contains { $0.contains("via local") || $0.contains("[]") })
        #expect(!log.contains { $0.contains(" 1 paths") || $0.contains("1 route changes") })
        #expect(log.contains("hub-vnet VMs: -10.12.0.0/16 (was via VirtualNetworkGateway 10.0.2.5)"))
        #expect(log.contains("hub-vnet VMs: 10.50.0.0/16 now via VirtualNetworkGateway 10.0.2.4 (was 10.0.2.4, 10.0.2.5)"))
    }

    /// The marks of the route-server's table for one prefix, with each path's peer.
    func marks(_ state: ExplorerState, _ prefix: String) -> [(mark: TableModel.Mark?, from: String?, best: Bool)] {
        state.table.rows.compactMap { row in
            guard case .route(let route, _) = row.content, route.prefix == Prefix(prefix) else { return nil }
            return (row.mark, route.from, route.isBest)
        }
    }

    @Test("~ only on a best path that is another one; a multipath member that left is a - row until the next change")
    func multipathMemberLeaves() throws {
        var state = try explorer("two-nvas-ecmp", width: 140, height: 45)
        update(&state, .key(.char(":")))
        state.type("node route-server")
        state.press(.enter)
        #expect(state.tab == .learned)
        #expect(marks(state, "10.50.0.0/16").allSatisfy { $0.mark == nil })
        update(&state, .key(.char(":")))
        state.type("down nva-b")
        state.press(.enter)
        // 10.50.0.0/16: nva-a stays best on both instances; nva-b's paths vanished.
        let fifty = marks(state, "10.50.0.0/16")
        #expect(!fifty.contains { $0.mark == .changed })
        #expect(fifty.filter { $0.mark == .removed }.map(\.from) == ["nva-b", "nva-b"])
        #expect(fifty.filter { $0.mark == nil }.allSatisfy { $0.from == "nva-a" })
        // 10.60.0.0/16: the best path is another one (nva-c instead of nva-b): ~ on it, - on what left.
        let sixty = marks(state, "10.60.0.0/16")
        #expect(sixty.filter { $0.mark == .changed }.allSatisfy { $0.best && $0.from == "nva-c" })
        #expect(sixty.contains { $0.mark == .changed })
        #expect(sixty.filter { $0.mark == .removed }.allSatisfy { $0.from == "nva-b" })
        // On screen: the vanished member is a - row, drawn in the removed role.
        let screen = view(state)
        #expect(!screen.text.contains("~ *> 10.50.0.0/16"))
        // The next change clears the marks.
        state.press(.char("u"))
        state.press(.ctrl("r"))
        state.press(.char("u"))
        #expect(marks(state, "10.50.0.0/16").allSatisfy { $0.mark != .removed })
    }

    @Test("s after a change that only takes sessions down: each session is a step, not '0 steps'")
    func stepThroughSessions() throws {
        var state = try explorer("vpn-er", width: 120, height: 40)
        state.press(.char("a"))
        state.press(.char("s"))
        #expect(state.message?.text.hasPrefix("step 0/6:") == true)
        state.press(.char("s"))
        #expect(state.message?.text == "step 1/6: SESSION DOWN route-server#0 — vpn-gateway#0: no peering: Azure refuses Route Server with this VPN gateway (R14)")
        #expect(state.stepMode?.current?.from == "route-server" && state.stepMode?.current?.to == "vpn-gateway")
        state.press(.char("g"))
        #expect(state.message?.text.hasSuffix("— stable") == true)
        #expect(state.message?.text.hasPrefix("step 6/6: SESSION DOWN vpn-gateway#1 — on-prem-1") == true)
    }

    @Test("s after a change that moves nothing says so instead of 'step 0/0'")
    func stepThroughNothing() throws {
        var state = try explorer("sdwan-er", width: 120, height: 40)
        state.press(.char("p"))   // one source per prefix: the preference changes nothing here
        #expect(state.changes?.isEmpty == true)
        state.press(.char("s"))
        #expect(state.stepMode == nil)
        #expect(state.message?.text == "nothing to step through: the last change sends no BGP message and moves no session")
    }

    @Test("effective routes: a next hop that left is a - row of its own, not ~ on the route VMs still use; another route is ~")
    func effectiveRouteMarks() throws {
        var state = try explorer("two-nvas-ecmp", width: 140, height: 45)
        update(&state, .key(.char(":")))
        state.type("down nva-b")
        state.press(.enter)
        update(&state, .key(.char(":")))
        state.type("node hub-vnet")
        state.press(.enter)
        let rows = state.table.rows.filter { $0.prefix == Prefix("10.50.0.0/16") }
        #expect(rows.map(\.mark) == [nil, .removed])
        #expect(rows.last?.text == "VirtualNetworkGateway  (next hop gone)  10.50.0.0/16  10.0.2.5")
        // 10.60.0.0/16: VMs now use nva-c's route instead of nva-b's.
        #expect(state.table.rows.filter { $0.prefix == Prefix("10.60.0.0/16") }.map(\.mark) == [.changed])
        // 10.12.0.0/16 is gone for VMs.
        #expect(state.table.rows.contains { $0.prefix == Prefix("10.12.0.0/16") && $0.mark == .removed })
    }
}
