import RoutingEngine

/// Why a node holds the paths it holds for a prefix, in sentences a learner can follow: the paths
/// FRR-style, which step decided between them, and where copies stopped on their way (with the rule).
public enum ExplainReport {
    public static func lines(_ explanation: Explanation) -> [String] {
        var lines: [String] = []
        let node = explanation.node, prefix = explanation.prefix
        if explanation.candidates.isEmpty {
            lines.append("\(node) has no route for \(prefix).")
        } else {
            let selected = explanation.candidates.filter(\.isSelected)
            lines.append("\(node) holds \(explanation.candidates.count) path\(explanation.candidates.count == 1 ? "" : "s") for \(prefix); "
                         + (selected.count > 1 ? "\(selected.count) are used together (multipath)." : "one is best."))
            lines += ["", BGPTableFormat.header] + BGPTableFormat.lines(explanation.candidates) + [""]
            let instances = Set(explanation.candidates.map(\.instance)).count > 1
            for route in explanation.candidates {
                lines.append((instances ? "\(node)#\(route.instance): " : "") + sentence(for: route))
            }
        }
        for rejected in explanation.rejected {
            lines.append("\(rejected.from) sent [\(rejected.attributes.asPathText)] but \(node) refused it: \(rejected.reason) — \(rejected.rule.citation) \(rejected.rule.title).")
        }
        // With a route in hand, only what a rule stopped is worth saying; without one, everything.
        let blockers = explanation.candidates.isEmpty ? explanation.blockers : explanation.blockers.filter { $0.rule != nil }
        if !blockers.isEmpty {
            lines += ["", "Where other copies stopped:"]
            for blocker in blockers {
                let rule = blocker.rule.map { " — \($0.citation) \($0.title)" } ?? " — plain BGP"
                lines.append("  \(blocker.at) does not pass it to \(blocker.towards): \(blocker.reason)\(rule).")
            }
        }
        for note in explanation.notes {
            lines += ["", "Note (\(note.rule.citation) \(note.rule.title)): \(note.text)."]
        }
        if explanation.originators.isEmpty {
            lines.append("No node originates \(prefix): nothing to learn.")
        } else {
            lines.append("")
            lines.append("Originated by \(explanation.originators.joined(separator: ", ")).")
        }
        return lines
    }

    /// One path in words: where it came from, and why it won or lost.
    static func sentence(for route: Route) -> String {
        let source = route.from.map { "from \($0)\(route.fromInstance.map { "#\($0)" } ?? "")" } ?? "originated here"
        var attributes = "AS path [\(route.attributes.asPathText)], weight \(route.weight), \(route.ibgp ? "iBGP" : (route.from == nil ? "local" : "eBGP"))"
        if !route.attributes.communities.isEmpty {
            attributes += ", communities \(route.attributes.communities.map(\.description).joined(separator: " "))"
        }
        let verdict: String
        if route.isBest {
            verdict = route.reason == .multipath ? "best, sharing with equal paths (multipath)"
                : route.reason == .onlyPath ? "best: the only path" : "best, decided by \(route.reason?.rawValue ?? "")"
        } else if route.isSelected {
            verdict = "used too (multipath)"
        } else {
            verdict = "not used: lost at \(route.lostAt?.rawValue ?? "")"
        }
        return "Path \(source) (\(attributes)): \(verdict)."
    }
}
