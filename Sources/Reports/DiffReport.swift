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
        lines += ["", "\(diff.routeChangeCount) route changes on \(Set(diff.groups.map(\.node)).count) nodes, \(diff.sessions.count) session changes, \(diff.effectiveRoutes.count) effective route changes"]
        return lines.joined(separator: "\n") + "\n"
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
            lines += ["", "stable after \(messages) messages (\(trace.events.count) steps)"]
        case .didNotConverge(let messages, let prefixes):
            lines += ["", "did not converge after \(messages) messages (R21); in flux: \(prefixes.map(\.description).joined(separator: ", "))"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
