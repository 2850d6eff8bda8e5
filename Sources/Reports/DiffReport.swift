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
        sink.line("\(diff.routeChangeCount) route changes on \(Set(diff.groups.map(\.node)).count) nodes, \(diff.sessions.count) session changes, \(diff.effectiveRoutes.count) effective route changes")
    }

    public static func text(_ diff: ResultDiff, from before: Settings, to after: Settings, topology: Topology) -> String {
        OutputSink.collecting { writeText(diff, from: before, to: after, topology: topology, to: $0) }
    }

    /// `+ 10.2.0.0/16 via route-server [65515 12076 65020] (+1 more path)`
    static func line(_ change: RouteChange) -> String {
        "\(sign(of: change.kind)) \(change.prefix)\(describe(change.kind, before: change.before, after: change.after, counting: true))"
    }

    public static func sign(of kind: RouteChange.Kind) -> String {
        switch kind {
        case .added: "+"
        case .removed: "-"
        case .bestChanged: "~"
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
                ? "\(now), \(before.count) → \(after.count) paths"
                : "\(via(after, counting: counting)), was\(via(before, counting: counting))"
        }
    }

    private static func via(_ routes: [Route], counting: Bool = true) -> String {
        guard let route = routes.first else { return "" }
        let more = counting && routes.count > 1 ? " (+\(routes.count - 1) more path\(routes.count > 2 ? "s" : ""))" : ""
        return " via \(route.from ?? "local") [\(route.attributes.asPathText)]\(more)"
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
            lines += ["", "stable after \(messages) messages (\(trace.events.count) steps)"]
        case .didNotConverge(let messages, let prefixes):
            lines += ["", "did not converge after \(messages) messages (R21); in flux: \(prefixes.map(\.description).joined(separator: ", "))"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
