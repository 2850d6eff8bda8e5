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

    static func detailLines(_ state: ExplorerState, node: String, prefix: Prefix) -> [String] {
        state.result.explain(prefix: prefix, at: node).map(ExplainReport.lines) ?? ["\(node) has nothing on \(prefix)."]
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
            title = "\(node) · \(prefix)"
        case nil:
            return ("", [], 0)
        }
        let width = min(state.width - 2, max(50, (raw.map { displayWidth($0) }.max() ?? 0) + 4))
        return (title, raw.flatMap { wrap($0, to: width - 4) }, width)
    }

    static func lineCount(_ state: ExplorerState) -> Int { wrappedLines(state).lines.count }

    /// Lines of text the panel shows at once: the screen less the border, the footer and a margin.
    static func bodyHeight(_ state: ExplorerState) -> Int { max(1, state.height - 4) }

    private static func drawPanel(_ state: ExplorerState, into grid: inout Grid) {
        let (title, lines, width) = wrappedLines(state)
        let body = min(bodyHeight(state), lines.count)
        let height = body + 3
        let rect = Rect(x: (grid.width - width) / 2, y: (grid.height - height) / 2, width: width, height: height)
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
