import Reports
import RoutingEngine

/// Help (every key) and a row's detail (every path and why the best won), drawn over the screen.
enum OverlayView {
    static let keys: [(String, String)] = [
        ("r", "route exchange (branch-to-branch) on/off"),
        ("a", "VPN gateway active/active on/off"),
        ("p", "hub routing preference: ExpressRoute → VpnGateway → ASPath"),
        ("d", "take the selected node down / bring it up"),
        ("u / Ctrl-R", "undo / redo a change"),
        ("arrows, hjkl", "move between nodes (diagram) or rows (table)"),
        ("Tab / Shift-Tab", "next / previous pane: diagram, table, change log"),
        ("1–5, [ ]", "switch table tab: learned, advertised, Azure, sessions"),
        ("PgUp PgDn g G", "scroll a page, to the top, to the bottom"),
        ("Enter", "details of the row: every path, the deciding step, what stopped others"),
        ("/", "filter rows by prefix or text (Esc clears)"),
        (":", "command: node NAME · open FILE · set route-exchange|active-active on|off"),
        ("", "         set preference ExpressRoute|VpnGateway|ASPath · down NAME · up NAME · q"),
        ("mouse", "click a node to select it, a tab to open it"),
        ("?", "this help (any key closes it)"),
        ("q", "quit"),
    ]

    static func drawHelp(_ state: ExplorerState, into grid: inout Grid) {
        let lines = keys.map { key, text in key.padding(toWidth: 17) + text }
        drawPanel(title: "Keys", lines: lines + ["", "Marks: + appeared  - vanished  ~ best path changed (until the next change)"],
                  state, into: &grid)
    }

    static func drawDetail(_ state: ExplorerState, node: String, prefix: Prefix, into grid: inout Grid) {
        guard let explanation = state.result.explain(prefix: prefix, at: node) else { return }
        drawPanel(title: "\(node) · \(prefix)", lines: DetailText.lines(explanation), state, into: &grid)
    }

    private static func drawPanel(title: String, lines: [String], _ state: ExplorerState, into grid: inout Grid) {
        let width = min(grid.width - 4, max(50, (lines.map { displayWidth($0) }.max() ?? 0) + 4))
        let height = min(grid.height - 2, lines.count + 3)
        let rect = Rect(x: (grid.width - width) / 2, y: (grid.height - height) / 2, width: width, height: height)
        grid.fill(rect, Cell(" ", .overlay))
        grid.box(rect, glyphs: state.glyphs, role: .overlay, title: title, titleRole: .overlayTitle)
        for (index, line) in lines.prefix(height - 3).enumerated() {
            grid.put(line, x: rect.x + 2, y: rect.y + 1 + index, role: .overlay, limit: width - 4)
        }
        if lines.count > height - 3 { grid.put("…", x: rect.x + 2, y: rect.maxY - 2, role: .overlay) }
        grid.put("Esc closes", x: rect.maxX - 13, y: rect.maxY - 1, role: .overlay)
    }
}

/// The words of a detail panel: the paths FRR-style, then why.
enum DetailText {
    static func lines(_ explanation: Explanation) -> [String] {
        var lines: [String] = []
        if explanation.candidates.isEmpty {
            lines.append("\(explanation.node) has no path for \(explanation.prefix).")
        } else {
            lines.append(BGPTableFormat.header)
            lines += explanation.candidates.map { BGPTableFormat.line($0) }
            lines.append("")
            for route in explanation.candidates {
                let from = route.from.map { "from \($0)\(route.fromInstance.map { "#\($0)" } ?? "")" } ?? "originated here"
                let communities = route.attributes.communities.isEmpty ? "" : ", communities \(route.attributes.communities.map(\.description).joined(separator: " "))"
                let verdict: String
                if route.isBest {
                    verdict = "best (\(route.reason?.rawValue ?? ""))"
                } else if route.isSelected {
                    verdict = "multipath"
                } else {
                    verdict = "lost at \(route.lostAt?.rawValue ?? "")"
                }
                lines.append("[\(route.attributes.asPathText)] \(from), weight \(route.weight)\(communities): \(verdict)")
            }
        }
        for rejected in explanation.rejected {
            lines.append("refused from \(rejected.from): \(rejected.reason) — \(rejected.rule.citation)")
        }
        if !explanation.blockers.isEmpty { lines.append("") }
        for blocker in explanation.blockers {
            let rule = blocker.rule.map { " — \($0.citation): \($0.title)" } ?? ""
            lines.append("\(blocker.at) does not send it to \(blocker.towards): \(blocker.reason)\(rule)")
        }
        if explanation.originators.isEmpty { lines.append("No node originates \(explanation.prefix).") }
        return lines
    }
}

extension String {
    func padding(toWidth width: Int) -> String {
        let columns = displayWidth(self)
        return columns >= width ? self + " " : self + String(repeating: " ", count: width - columns)
    }
}
