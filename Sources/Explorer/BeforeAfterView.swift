import RoutingEngine

/// `v`: the selected table before the last change and after it, side by side when both fit, one
/// above the other otherwise; the after side carries the marks (`+` `-` `~`). Both sides scroll
/// together.
enum BeforeAfterView {
    /// The rows before (the previous result, unmarked) and after (the table pane's, marked).
    typealias Sides = (before: [TableModel.Row], after: [TableModel.Row])

    static func sides(_ state: ExplorerState) -> Sides {
        let before = state.previous.map { state.unmarked(showing: $0) } ?? state
        return (TableModel.selectedTable(before), TableModel.selectedTable(state))
    }

    /// What changed: the step of a step-through, or the last change's name in the change log.
    static func changeName(_ state: ExplorerState) -> String {
        if let mode = state.stepMode { return "step \(mode.position) of \(mode.trace.events.count)" }
        let heading = state.log.last { $0.kind == .heading && $0.text.hasPrefix("── ") }?.text ?? "── the last change ──"
        return String(heading.dropFirst(3).dropLast(3))
    }

    /// The panel: the screen between the title bar and the message line.
    static func panel(_ state: ExplorerState) -> Rect {
        let bottom = state.presenter ? 3 : 2
        return Rect(x: 0, y: 1, width: state.width, height: max(4, state.height - 1 - bottom))
    }

    /// Side by side when each half holds the widest row (mark column included).
    static func sideBySide(_ state: ExplorerState, _ before: [TableModel.Row], _ after: [TableModel.Row]) -> Bool {
        let widest = (before + after).map { displayWidth($0.text) }.max() ?? 0
        return (panel(state).width - 3) / 2 >= widest + 2
    }

    /// Rows each side shows at once.
    static func bodyHeight(_ state: ExplorerState) -> Int { bodyHeight(state, sides(state)) }

    static func bodyHeight(_ state: ExplorerState, _ sides: Sides) -> Int {
        let inner = panel(state).height - 2
        return max(1, sideBySide(state, sides.before, sides.after) ? inner - 1 : inner / 2 - 1)
    }

    static func scrollLimit(_ state: ExplorerState) -> Int { scrollLimit(state, sides(state)) }

    static func scrollLimit(_ state: ExplorerState, _ sides: Sides) -> Int {
        max(0, max(sides.before.count, sides.after.count) - bodyHeight(state, sides))
    }

    static func draw(_ state: ExplorerState, into grid: inout Grid) {
        let rect = panel(state)
        let both = sides(state)
        let (before, after) = both
        grid.fill(rect, Cell(" ", .normal))
        let table = state.selectedVNet != nil ? "effective routes" : (state.tabs.contains(state.tab) ? state.tab : state.tabs[0]).title
        grid.box(rect, glyphs: state.glyphs, role: .border,
                 title: "\(state.selection) · \(table) — before and after \(changeName(state))", titleRole: .header)
        let body = bodyHeight(state, both)
        let first = min(state.overlayScroll, scrollLimit(state, both))
        let afterTitle = "After  (+ appeared  - vanished  ~ another best path)"
        if sideBySide(state, before, after) {
            let width = (rect.width - 3) / 2
            let left = Rect(x: rect.x + 1, y: rect.y + 1, width: width, height: body + 1)
            let right = Rect(x: left.maxX + 1, y: rect.y + 1, width: rect.maxX - 1 - (left.maxX + 1), height: body + 1)
            for row in left.y..<left.maxY { grid[left.maxX, row] = Cell(state.glyphs.vertical, .border) }
            drawSide("Before", before, first: first, in: left, into: &grid)
            drawSide(afterTitle, after, first: first, in: right, into: &grid)
        } else {
            let width = rect.width - 2
            let top = Rect(x: rect.x + 1, y: rect.y + 1, width: width, height: body + 1)
            let bottom = Rect(x: rect.x + 1, y: top.maxY, width: width, height: body + 1)
            drawSide("Before", before, first: first, in: top, into: &grid)
            drawSide(afterTitle, after, first: first, in: bottom, into: &grid)
        }
        let scrolls = max(before.count, after.count) > body
        let footer = (scrolls ? " \(first + 1)–\(min(max(before.count, after.count), first + body)) of \(max(before.count, after.count)) · j/k PgUp/PgDn scroll ·" : "")
            + " v or Esc closes "
        grid.put(footer, x: max(rect.x + 1, rect.maxX - 1 - displayWidth(footer)), y: rect.maxY - 1, role: .header, limit: rect.width - 2)
    }

    /// A heading line, then the rows from `first`, each with its mark; a cut row ends in `…`.
    private static func drawSide(_ title: String, _ rows: [TableModel.Row], first: Int, in rect: Rect, into grid: inout Grid) {
        grid.put(title, x: rect.x + 1, y: rect.y, role: .header, limit: rect.width - 1)
        if rows.isEmpty { grid.put("(nothing to show)", x: rect.x + 3, y: rect.y + 1, role: .dim, limit: rect.width - 3) }
        for (line, row) in rows.dropFirst(first).prefix(rect.height - 1).enumerated() {
            let y = rect.y + 1 + line
            let role = row.role
            if let mark = row.mark { grid.put(String(mark.rawValue), x: rect.x, y: y, role: role) }
            let limit = rect.width - 2
            let end = grid.put(row.text, x: rect.x + 2, y: y, role: role, limit: limit)
            if end < rect.x + 2 + displayWidth(row.text) { grid.put("…", x: rect.x + 2 + limit - 1, y: y, role: role) }
        }
    }
}

extension ExplorerState {
    /// `v`: before and after the last change, for the selected table.
    mutating func openBeforeAfter() {
        guard previous != nil, changes != nil else {
            return fail("no change yet: press r, a, p or d (or :set), then v shows the table before and after")
        }
        overlay = .beforeAfter
        // Open on the first marked row, with a little context above it.
        overlayScroll = 0
        let sides = BeforeAfterView.sides(self)
        if let marked = sides.after.firstIndex(where: { $0.mark != nil }) {
            overlayScroll = max(0, min(marked - 2, BeforeAfterView.scrollLimit(self, sides)))
        }
    }
}
