import RoutingEngine

/// The tables as Markdown, for tickets, wikis and handouts: sessions and effective routes as
/// Markdown tables, BGP tables in code blocks (their columns are FRR's).
public enum MarkdownReport {
    public static func render(_ result: RoutingResult) -> String {
        let topology = result.topology
        var lines = ["# \(topology.title.isEmpty ? topology.name : topology.title)", ""]
        if !topology.description.isEmpty { lines += [topology.description.trimmingTrailingNewlines(), ""] }
        lines += ["**Settings:** \(SettingsLine.text(result.settings))", ""]
        for node in result.nodes {
            lines += ["## \(node.name) — \(node.kind.displayName), AS \(node.asn)", "",
                      "| Local | Neighbor | Type | State | Reason |", "|---|---|---|---|---|"]
            for session in result.sessions(of: node) {
                for local in [session.a, session.b] where node.speakers.contains(local) {
                    let peer = session.peer(of: local)
                    lines.append("| \(result.network.name(of: local)) | \(result.network.name(of: peer)) | \(session.type.rawValue) | "
                                 + "\(session.state.isUp ? "Established" : "Down") | \(session.state.reason ?? session.warning ?? "") |")
                }
            }
            let routes = result.routes(of: node)
            lines += ["", "```", BGPTableFormat.header] + (routes.isEmpty ? ["   (no routes)"] : BGPTableFormat.lines(routes)) + ["```", ""]
        }
        for table in result.subnetRouteTables {
            let named = table.subnet != nil
            let title = table.subnet.map { "\(table.vnet.name) / \($0.name)" } ?? table.vnet.name
            lines += ["## \(title) — effective routes", "",
                      "| Source | State | Address Prefix | Next Hop Type | Next Hop IP |" + (named ? " User Defined Route Name |" : ""),
                      "|---|---|---|---|---|" + (named ? "---|" : "")]
            lines += table.routes.map { "| \($0.source.rawValue) | \($0.state.rawValue) | \($0.prefix) | \($0.nextHopType.rawValue) | "
                + "\($0.nextHopIPs.map(\.description).joined(separator: ", ")) |" + (named ? " \($0.routeName ?? "") |" : "") }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
