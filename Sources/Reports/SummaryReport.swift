import RoutingEngine

/// `routes --summary`: one line per node, like `show bgp summary` across the network — prefixes,
/// paths, best paths (one per prefix and instance), and its sessions up and down.
public enum SummaryReport {
    public enum Format: Sendable { case text, json, powerShell, az, azTable }

    struct Row {
        let name: String, kind: String, asn: UInt32
        let prefixes: Int, paths: Int, best: Int, sessionsUp: Int, sessionsDown: Int
    }

    static func rows(_ result: RoutingResult, node: String?, prefix: PrefixQuery?) -> [Row] {
        result.nodes.filter { node == nil || $0.name == node }.map { item in
            let routes = NodeView(item, result, prefix).routes
            let ends = result.sessions(of: item).flatMap { session in
                [session.a, session.b].filter { item.speakers.contains($0) }.map { _ in session.state.isUp }
            }
            return Row(name: item.name, kind: item.kind.rawValue, asn: item.asn, prefixes: Set(routes.lazy.map(\.prefix)).count,
                       paths: routes.count, best: routes.lazy.filter(\.isBest).count,
                       sessionsUp: ends.filter { $0 }.count, sessionsDown: ends.filter { !$0 }.count)
        }
    }

    public static func write(_ result: RoutingResult, node: String? = nil, prefix: PrefixQuery? = nil, format: Format,
                             to sink: OutputSink) {
        let rows = rows(result, node: node, prefix: prefix)
        let cells = rows.map { [$0.name, $0.kind, String($0.asn), String($0.prefixes), String($0.paths), String($0.best),
                                String($0.sessionsUp), String($0.sessionsDown)] }
        switch format {
        case .text, .powerShell:
            sink.lines(TextReport.header(result))
            if let prefix { sink.line("prefix: \(prefix)") }
            sink.line("")
            var table = TextTable(format == .text
                ? ["Node", "Kind", "AS", "Prefixes", "Paths", "Best", "Up", "Down"]
                : ["Name", "Kind", "Asn", "Prefixes", "Paths", "Best", "SessionsUp", "SessionsDown"])
            cells.forEach { table.add($0) }
            table.write(to: sink)
        case .azTable:
            AzureReport.azTable(["Name", "Kind", "Asn", "Prefixes", "Paths", "Best", "SessionsUp", "SessionsDown"], cells, sink)
        case .json:
            JSONWriter(sink).document((result, rows), document)
        case .az:
            JSONWriter(sink, layout: .python).array(rows, row)
            sink.write(0x0A)
        }
    }

    public static func render(_ result: RoutingResult, node: String? = nil, prefix: PrefixQuery? = nil, format: Format) -> String {
        OutputSink.collecting { write(result, node: node, prefix: prefix, format: format, to: $0) }
    }

    static let document = JSONSchema<(RoutingResult, [Row])>([
        .string("topology") { $0.0.topology.name },
        .object("settings", JSONReport.settings) { $0.0.settings },
        .object("convergence", JSONReport.convergence) { $0.0 },
        .objects("summary", row) { $0.1 },
    ])

    static let row = JSONSchema<Row>([
        .string("name") { $0.name },
        .string("kind") { $0.kind },
        .number("asn") { $0.asn },
        .number("prefixes") { $0.prefixes },
        .number("paths") { $0.paths },
        .number("best") { $0.best },
        .number("sessionsUp") { $0.sessionsUp },
        .number("sessionsDown") { $0.sessionsDown },
    ])
}
