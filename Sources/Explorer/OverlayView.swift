import Reports
import RoutingEngine

/// Help (every key) and a row's detail (every path and why the best won), drawn over the screen.
enum OverlayView {
    /// Help: the keys that work in the mode under the overlay and in this topology (the keymap
    /// filtered), the `:` commands, then the legend of every glyph and colour.
    static func helpLines(_ state: ExplorerState) -> [String] {
        let mode = state.baseMode
        let bindings = Keymap.available(in: mode, state)
        var lines: [String] = []
        if state.presenter { lines += ["Presenter mode: what writes or opens files is off.", ""] }
        for section in KeySection.allCases {
            let here = bindings.filter { $0.section == section }
            guard !here.isEmpty else { continue }
            if !lines.isEmpty, lines.last != "" { lines.append("") }
            lines.append(section == .mode ? mode.title : section.rawValue)
            lines += here.map { "  " + $0.label.padding(toWidth: 14) + $0.help }
        }
        let commands = Keymap.commands(for: state)
        if !commands.isEmpty {
            lines += ["", ": commands"]
            lines += commands.map { "  :" + $0.usage.padding(toWidth: 13) + " " + $0.help }
        }
        return lines + Legend.lines(state.glyphs)
    }

    static func drawHelp(_ state: ExplorerState, into grid: inout Grid) {
        drawPanel(state, into: &grid)
    }

    /// A BGP node: every path and why the best won. A VNet: why its VMs use the route they use.
    static func detailLines(_ state: ExplorerState, node: String, prefix: Prefix) -> [String] {
        if state.result.node(named: node) == nil {
            return state.result.explainEffectiveRoute(prefix: prefix, vnet: node).map(ExplainReport.lines)
                ?? ["\(node) has no effective route for \(prefix) now: its VMs send such traffic by a less specific route."]
        }
        return state.result.explain(prefix: prefix, at: node).map(ExplainReport.lines) ?? ["\(node) has nothing on \(prefix)."]
    }

    static func drawDetail(_ state: ExplorerState, into grid: inout Grid) {
        drawPanel(state, into: &grid)
    }

    /// The overlay's lines as drawn (wrapped to the panel), for scrolling.
    static func wrappedLines(_ state: ExplorerState) -> (title: String, lines: [String], width: Int) {
        let raw: [String], title: String
        switch state.overlay {
        case .help?:
            raw = helpLines(state)
            title = "Help — \(state.baseMode.title)"
        case .detail(let node, let prefix)?:
            raw = detailLines(state, node: node, prefix: prefix)
            title = state.result.node(named: node) == nil ? "\(node) · why VMs use \(prefix)" : "\(node) · \(prefix)"
        case .beforeAfter?, nil:
            return ("", [], 0)
        }
        let width = min(state.width - 2, max(50, (raw.map { displayWidth($0) }.max() ?? 0) + 4))
        return (title, raw.flatMap { wrap($0, to: width - 4) }, width)
    }

    static func lineCount(_ state: ExplorerState) -> Int { wrappedLines(state).lines.count }

    /// Lines of text the panel shows at once: the screen above the status (the switches stay in
    /// view) less the border and the footer.
    static func bodyHeight(_ state: ExplorerState) -> Int { max(1, state.height - StatusLine.rowCount(state) - 3) }

    private static func drawPanel(_ state: ExplorerState, into grid: inout Grid) {
        let (title, lines, width) = wrappedLines(state)
        let body = min(bodyHeight(state), lines.count)
        let height = body + 3
        let above = grid.height - StatusLine.rowCount(state)
        let rect = Rect(x: (grid.width - width) / 2, y: max(0, (above - height) / 2), width: width, height: height)
        // Clear what is beneath, a column either side too, so no table text runs into the panel.
        grid.fill(Rect(x: rect.x - 1, y: rect.y, width: rect.width + 2, height: rect.height), Cell(" ", .normal))
        grid.fill(rect, Cell(" ", .overlay))
        grid.box(rect, glyphs: state.glyphs, role: .overlay, title: title, titleRole: .overlayTitle)
        let first = min(state.overlayScroll, max(0, lines.count - body))
        for (index, line) in lines.dropFirst(first).prefix(body).enumerated() {
            let end = grid.put(line, x: rect.x + 2, y: rect.y + 1 + index, role: .overlay, limit: width - 4)
            if end < rect.x + 2 + displayWidth(line) { grid.put("…", x: rect.maxX - 3, y: rect.y + 1 + index, role: .overlay) }
        }
        let scrolls = lines.count > body
        let footer = scrolls ? " \(first + body)/\(lines.count) · j/k PgUp/PgDn scroll · Esc closes " : " Esc closes "
        grid.put(footer, x: max(rect.x + 1, rect.maxX - 1 - displayWidth(footer)), y: rect.maxY - 1, role: .overlayTitle,
                 limit: width - 2)
    }
}

/// Prose wraps at word boundaries, keeping its indentation and indenting what follows by four more;
/// table rows (FRR lines) never wrap.
func wrap(_ line: String, to width: Int, hang: Int = 4) -> [String] {
    guard displayWidth(line) > width, width > 20, !line.hasPrefix("*"), !line.hasPrefix("   Network") else { return [line] }
    let indent = String(line.prefix { $0 == " " })
    // A line in two columns (help's keys, the legend) hangs under its second column; prose by four more.
    var hanging = indent + String(repeating: " ", count: hang)
    let body = line.dropFirst(indent.count)
    if let gap = body.range(of: "  ") {
        let column = displayWidth(indent) + displayWidth(body[..<gap.lowerBound])
            + displayWidth(body[gap.lowerBound...].prefix { $0 == " " })
        if column < width / 2 { hanging = String(repeating: " ", count: column) }
    }
    var out: [String] = []
    var current = indent
    for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false) {
        let candidate = current == indent ? current + word : current + " " + word
        if displayWidth(candidate) > width && current != indent {
            out.append(current)
            current = hanging + word
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
