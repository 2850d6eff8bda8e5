import RoutingEngine

/// The tables as Markdown, for tickets, wikis and handouts: sessions and effective routes as
/// Markdown tables, BGP tables in code blocks (their columns are FRR's).
public enum MarkdownReport {
    public static func render(_ result: RoutingResult) -> String {
        OutputSink.collecting { write(result, to: $0) }
    }

    /// Streams the document, one node at a time. Lines are separated by newlines (the last one, empty,
    /// ends the document).
    public static func write(_ result: RoutingResult, to sink: OutputSink) {
        var started = false
        func emit(_ lines: [String]) {
            for line in lines {
                if started { sink.write(0x0A) }
                sink.write(line)
                started = true
            }
        }
        let topology = result.topology
        var lines = ["# \(topology.title.isEmpty ? topology.name : topology.title)", ""]
        if !topology.description.isEmpty { lines += [topology.description.trimmingTrailingNewlines(), ""] }
        lines += ["**Settings:** \(SettingsLine.text(result.settings))", ""]
        emit(lines)
        for node in result.nodes {
            lines = ["## \(node.name) — \(node.kind.displayName), AS \(node.asn)", "",
                      "| Local | Neighbor | Type | State | Reason |", "|---|---|---|---|---|"]
            for session in result.sessions(of: node) {
                for local in [session.a, session.b] where node.speakers.contains(local) {
                    let peer = session.peer(of: local)
                    lines.append("| \(result.network.name(of: local)) | \(result.network.name(of: peer)) | \(session.type.rawValue) | "
                                 + "\(session.state.isUp ? "Established" : "Down") | \(session.state.reason ?? session.warning ?? "") |")
                }
            }
            let routes = result.routes(of: node)
            lines += ["", "```", BGPTableFormat.header]
            emit(lines)
            if routes.isEmpty { emit(["   (no routes)"]) }
            var previous: Prefix?
            for route in routes {
                if started { sink.write(0x0A) }
                BGPTableFormat.write(route, showNetwork: route.prefix != previous, to: sink, newline: false)
                previous = route.prefix
            }
            emit(["```", ""])
        }
        for table in result.effectiveRouteTablesOneByOne {
            let named = table.subnet != nil
            let title = table.subnet.map { "\(table.vnet.name) / \($0.name)" } ?? table.vnet.name
            lines = ["## \(title) — effective routes", "",
                     "| Source | State | Address Prefix | Next Hop Type | Next Hop IP |" + (named ? " User Defined Route Name |" : ""),
                     "|---|---|---|---|---|" + (named ? "---|" : "")]
            lines += table.routes.map { "| \($0.source.rawValue) | \($0.state.rawValue) | \($0.prefix) | \($0.nextHopType.rawValue) | "
                + "\($0.nextHopIPs.map(\.description).joined(separator: ", ")) |" + (named ? " \($0.routeName ?? "") |" : "") }
            lines.append("")
            emit(lines)
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
