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
        ("s", "step through the last change one BGP message at a time (s/→ next, b/← back, g end, Esc)"),
        ("arrows, hjkl", "move between nodes (diagram) or rows (table)"),
        ("Tab / Shift-Tab", "next / previous pane: diagram, table, change log"),
        ("1–5, [ ]", "switch table tab: learned, advertised, Azure, sessions"),
        ("PgUp PgDn g G", "scroll a page, to the top, to the bottom"),
        ("Enter", "details of the row: every path, the deciding step, what stopped others"),
        ("/", "filter rows by prefix or text (Esc clears)"),
        ("t", "trace from the selection to an address: the hops light up, the path fills the table"),
        ("L", "a guided lesson (:lesson NAME): n next step, N back, A answers, Esc leaves"),
        ("e", "export the tables or diagram (:export FILE.md, .txt, .json, .svg, .dot)"),
        (":w FILE", "save the topology with the current switches as a scenario (loads like a topology)"),
        (":", "command: node NAME · open FILE · trace ADDRESS · set route-exchange|active-active on|off"),
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
        drawPanel(title: "\(node) · \(prefix)", lines: ExplainReport.lines(explanation), state, into: &grid)
    }

    private static func drawPanel(title: String, lines raw: [String], _ state: ExplorerState, into grid: inout Grid) {
        let width = min(grid.width - 4, max(50, (raw.map { displayWidth($0) }.max() ?? 0) + 4))
        let lines = raw.flatMap { wrap($0, to: width - 4) }
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

/// Prose wraps at word boundaries, indented under its first word; table rows (FRR lines) never wrap.
func wrap(_ line: String, to width: Int) -> [String] {
    guard displayWidth(line) > width, width > 20, !line.hasPrefix("*"), !line.hasPrefix("   Network") else { return [line] }
    var out: [String] = []
    var current = ""
    for word in line.split(separator: " ", omittingEmptySubsequences: false) {
        let candidate = current.isEmpty ? String(word) : current + " " + word
        if displayWidth(candidate) > width && !current.isEmpty {
            out.append(current)
            current = "    " + word
        } else {
            current = candidate
        }
    }
    out.append(current)
    return out
}

extension String {
    func padding(toWidth width: Int) -> String {
        let columns = displayWidth(self)
        return columns >= width ? self + " " : self + String(repeating: " ", count: width - columns)
    }
}
