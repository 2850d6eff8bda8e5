import RoutingEngine

/// What a change of switches does, node by node: routes added, removed or with a new best path,
/// sessions that changed state, VM effective routes that changed.
public enum DiffReport {
    /// Streams the text: sessions, then each node's route changes, then effective routes.
    public static func writeText(_ diff: ResultDiff, from before: Settings, to after: Settings, topology: Topology,
                                 to sink: OutputSink) {
        sink.lines(["routescope diff — \(topology.title.isEmpty ? topology.name : topology.title)",
                    "from: \(SettingsLine.text(before))", "to:   \(SettingsLine.text(after))", ""])
        if diff.isEmpty { return sink.line("No route, session or effective route changes.") }
        if !diff.sessions.isEmpty {
            sink.line("Sessions")
            for change in diff.sessions {
                sink.line("  \(change.between.0) — \(change.between.1): \(state(change.before)) → \(state(change.after))")
            }
            sink.line("")
        }
        var node = ""
        for change in diff.routes {
            if change.node != node {
                if !node.isEmpty { sink.line("") }
                node = change.node
                sink.line(node)
            }
            sink.line("  " + line(change))
        }
        if !diff.effectiveRoutes.isEmpty {
            sink.line("")
            sink.line("Effective routes of VMs")
            for change in diff.effectiveRoutes {
                sink.line("  \(change.vnet): \(change.prefix) \(hops(change.before)) → \(hops(change.after))")
            }
        }
        sink.line("")
        sink.line("\(counted(diff.routeChangeCount, "route change")) on \(counted(Set(diff.groups.map(\.node)).count, "node")), "
                  + "\(counted(diff.sessions.count, "session change")), \(counted(diff.effectiveRoutes.count, "effective route change"))")
    }

    public static func text(_ diff: ResultDiff, from before: Settings, to after: Settings, topology: Topology) -> String {
        OutputSink.collecting { writeText(diff, from: before, to: after, topology: topology, to: $0) }
    }

    /// `+ 10.2.0.0/16 via route-server [65515 12076 65020] (+1 more path)`
    static func line(_ change: RouteChange) -> String {
        "\(sign(of: change.kind, before: change.before, after: change.after)) \(change.prefix)"
            + describe(change.kind, before: change.before, after: change.after, counting: true)
    }

    /// `+` added, `-` removed, `~` another best path. The same best path with more or fewer multipath
    /// members is `+` or `-` (paths came or went), never `~`: the best path did not change.
    public static func sign(of kind: RouteChange.Kind, before: [Route], after: [Route]) -> String {
        switch kind {
        case .added: "+"
        case .removed: "-"
        case .bestChanged: RouteChange.bestPathChanged(before: before, after: after) ? "~" : (after.count < before.count ? "-" : "+")
        }
    }

    /// What follows the prefix: where the path comes (or came) from; `counting` adds "(+N more paths)".
    /// The same best path on fewer (or more) instances or ECMP members says so, not "was the same".
    public static func describe(_ kind: RouteChange.Kind, before: [Route], after: [Route], counting: Bool) -> String {
        switch kind {
        case .added: return via(after, counting: counting)
        case .removed: return via(before, counting: counting)
        case .bestChanged:
            let now = via(after, counting: false)
            return now == via(before, counting: false)
                ? "\(now), \(counted(before.count, "path")) → \(counted(after.count, "path"))"
                : "\(via(after, counting: counting)), was\(via(before, counting: counting))"
        }
    }

    private static func via(_ routes: [Route], counting: Bool = true) -> String {
        guard let route = routes.first else { return "" }
        let more = counting && routes.count > 1 ? " (+\(counted(routes.count - 1, "more path")))" : ""
        let path = route.attributes.asPath.isEmpty ? "" : " [\(route.attributes.asPathText)]"
        return (route.from.map { " via \($0)\(path)" } ?? " originated here\(path)") + more
    }

    /// `hub-vnet VMs: 10.2.0.0/16 now via VirtualNetworkGateway 10.0.2.4 (was 192.168.255.2, 192.168.255.6)`:
    /// one line per VNet and prefix, for the change log. Names the source when the next hops stay.
    public static func effectiveLine(_ change: EffectiveRouteChange) -> String {
        let head = "\(change.vnet) VMs: "
        switch (change.before, change.after) {
        case (nil, let after?): return head + "+\(change.prefix) \(effectiveVia(after))"
        case (let before?, nil): return head + "-\(change.prefix) (was \(effectiveVia(before)))"
        case (let before?, let after?):
            var now = effectiveVia(after), was = hopList(before)
            if before.nextHopIPs == after.nextHopIPs {
                now = "\(now), learned from \(learned(after))"
                was = "learned from \(learned(before))"
            }
            if before.state != after.state { now = "\(after.state.rawValue) \(now)"; was = "\(before.state.rawValue), \(was)" }
            return head + "\(change.prefix) now \(now) (was \(was))"
        case (nil, nil): return head + "\(change.prefix) unchanged"
        }
    }

    private static func effectiveVia(_ route: EffectiveRoute) -> String {
        "via \(route.nextHopType.rawValue)" + (route.nextHopIPs.isEmpty ? "" : " \(hopList(route))")
    }

    private static func hopList(_ route: EffectiveRoute) -> String {
        route.nextHopIPs.isEmpty ? "no next hop" : route.nextHopIPs.map(\.description).joined(separator: ", ")
    }

    private static func learned(_ route: EffectiveRoute) -> String {
        let source = route.learnedFrom?.rawValue ?? route.source.rawValue
        return route.asPath.map { $0.isEmpty ? source : "\(source) [\($0.map(String.init).joined(separator: " "))]" } ?? source
    }

    private static func state(_ state: SessionState) -> String {
        state.isUp ? "Established" : "Down (\(state.reason ?? ""))"
    }

    private static func hops(_ route: EffectiveRoute?) -> String {
        guard let route else { return "(none)" }
        return "\(route.state.rawValue) via \(route.nextHopIPs.map(\.description).joined(separator: ", "))"
    }

    public static func writeJSON(_ diff: ResultDiff, from before: Settings, to after: Settings, topology: Topology,
                                 to sink: OutputSink) {
        JSONWriter(sink).document(DiffScope(diff: diff, before: before, after: after, topology: topology), document)
    }

    public static func json(_ diff: ResultDiff, from before: Settings, to after: Settings, topology: Topology) -> String {
        OutputSink.collecting { writeJSON(diff, from: before, to: after, topology: topology, to: $0) }
    }

    struct DiffScope {
        let diff: ResultDiff, before: Settings, after: Settings, topology: Topology
    }

    static let document = JSONSchema<DiffScope>([
        .string("topology") { $0.topology.name },
        .object("from", JSONReport.settings) { $0.before },
        .object("to", JSONReport.settings) { $0.after },
        .objects("routes", routeChange) { $0.diff.routes },
        .objects("sessions", sessionChange) { $0.diff.sessions },
        .objects("effectiveRoutes", effectiveChange) { $0.diff.effectiveRoutes },
    ])

    static let routeChange = JSONSchema<RouteChange>([
        .string("node") { $0.node },
        .prefix("prefix") { $0.prefix },
        .string("change") { $0.kind.rawValue },
        .objects("before", path) { $0.before },
        .objects("after", path) { $0.after },
    ])

    static let path = JSONSchema<Route>([
        .stringIfPresent("from") { $0.from },
        .address("nextHop") { $0.attributes.nextHop },
        .numbers("asPath") { $0.attributes.asPath },
    ])

    static let sessionChange = JSONSchema<SessionChange>([
        .strings("between") { [$0.between.0, $0.between.1] },
        .string("before") { $0.before.isUp ? "Established" : "Down" },
        .string("after") { $0.after.isUp ? "Established" : "Down" },
        .stringIfPresent("reason") { $0.after.reason },
    ])

    static let effectiveChange = JSONSchema<EffectiveRouteChange>([
        .string("vnet") { $0.vnet },
        .prefix("prefix") { $0.prefix },
        .stringsIfPresent("before") { $0.before.map { $0.nextHopIPs.map(\.description) } },
        .stringsIfPresent("after") { $0.after.map { $0.nextHopIPs.map(\.description) } },
    ])
}

/// Convergence one message at a time: `12  UPDATE route-server#0 → sdwan 10.2.0.0/16 [65515 12076 65020]`.
public enum StepsReport {
    public static func text(_ trace: ConvergenceTrace, heading: String) -> String {
        var lines = [heading, ""]
        let width = String(trace.events.count).count
        for (index, event) in trace.events.enumerated() {
            lines.append(String(index + 1).leftPadding(to: width) + "  " + trace.describe(event))
        }
        switch trace.convergence {
        case .converged(let messages):
            lines += ["", "stable after \(counted(messages, "message")) (\(counted(trace.events.count, "step")))"]
        case .didNotConverge(let messages, let prefixes):
            lines += ["", "did not converge after \(counted(messages, "message")) (R21); in flux: \(prefixes.map(\.description).joined(separator: ", "))"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
