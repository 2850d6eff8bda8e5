import Foundation
import RoutingEngine

/// What a change of switches does, node by node: routes added, removed or with a new best path,
/// sessions that changed state, VM effective routes that changed.
public enum DiffReport {
    public static func text(_ diff: ResultDiff, from before: Settings, to after: Settings, topology: Topology) -> String {
        var lines = ["routescope diff — \(topology.title.isEmpty ? topology.name : topology.title)",
                     "from: \(SettingsLine.text(before))", "to:   \(SettingsLine.text(after))", ""]
        if diff.isEmpty { return (lines + ["No route, session or effective route changes."]).joined(separator: "\n") + "\n" }
        if !diff.sessions.isEmpty {
            lines.append("Sessions")
            for change in diff.sessions {
                lines.append("  \(change.between.0) — \(change.between.1): \(state(change.before)) → \(state(change.after))")
            }
            lines.append("")
        }
        var node = ""
        for change in diff.routes {
            if change.node != node {
                if !node.isEmpty { lines.append("") }
                node = change.node
                lines.append(node)
            }
            lines.append("  " + line(change))
        }
        if !diff.effectiveRoutes.isEmpty {
            lines += ["", "Effective routes of VMs"]
            for change in diff.effectiveRoutes {
                lines.append("  \(change.vnet): \(change.prefix) \(hops(change.before)) → \(hops(change.after))")
            }
        }
        lines += ["", "\(counted(diff.routeChangeCount, "route change")) on \(counted(Set(diff.groups.map(\.node)).count, "node")), "
                  + "\(counted(diff.sessions.count, "session change")), \(counted(diff.effectiveRoutes.count, "effective route change"))"]
        return lines.joined(separator: "\n") + "\n"
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

    public static func json(_ diff: ResultDiff, from before: Settings, to after: Settings, topology: Topology) throws -> String {
        struct Document: Encodable {
            let topology: String
            let from: JSONReport.SettingsJSON
            let to: JSONReport.SettingsJSON
            let routes: [RouteChangeJSON]
            let sessions: [SessionJSON]
            let effectiveRoutes: [EffectiveJSON]
        }
        struct RouteChangeJSON: Encodable {
            let node: String, prefix: String, change: String
            let before: [PathJSON], after: [PathJSON]
        }
        struct PathJSON: Encodable { let from: String?, nextHop: String, asPath: [UInt32] }
        struct SessionJSON: Encodable { let between: [String], before: String, after: String, reason: String? }
        struct EffectiveJSON: Encodable { let vnet: String, prefix: String, before: [String]?, after: [String]? }
        let path = { (route: Route) in PathJSON(from: route.from, nextHop: route.attributes.nextHop.description, asPath: route.attributes.asPath) }
        let document = Document(
            topology: topology.name, from: .init(before), to: .init(after),
            routes: diff.routes.map { RouteChangeJSON(node: $0.node, prefix: $0.prefix.description, change: $0.kind.rawValue,
                                                      before: $0.before.map(path), after: $0.after.map(path)) },
            sessions: diff.sessions.map { SessionJSON(between: [$0.between.0, $0.between.1], before: $0.before.isUp ? "Established" : "Down",
                                                      after: $0.after.isUp ? "Established" : "Down", reason: $0.after.reason) },
            effectiveRoutes: diff.effectiveRoutes.map { EffectiveJSON(vnet: $0.vnet, prefix: $0.prefix.description,
                                                                      before: $0.before.map { $0.nextHopIPs.map(\.description) },
                                                                      after: $0.after.map { $0.nextHopIPs.map(\.description) }) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
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
