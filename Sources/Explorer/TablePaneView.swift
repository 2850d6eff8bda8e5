import Reports

/// The selected node's tables: a tab bar, then rows with a mark column (`+` `-` `~`), then a footer
/// with the row counter, the filter or trace, and the columns hidden to either side.
enum TablePaneView {
    /// Columns `<` and `>` move.
    static let scrollStep = 10

    static func drawTabBar(_ state: ExplorerState, _ layout: ScreenLayout, into grid: inout Grid) {
        let bar = layout.tabBar
        grid.fill(bar, Cell(" ", .tab))
        grid.put(ScreenLayout.selectionLabel(state), x: 0, y: bar.y, role: .header, limit: bar.width)
        let active = state.tabs.contains(state.tab) ? state.tab : state.tabs[0]
        for (index, (tab, rect)) in layout.tabs.enumerated() where rect.x < bar.maxX {
            grid.put(ScreenLayout.tabLabel(tab, index: index), x: rect.x, y: rect.y, role: tab == active ? .tabActive : .tab,
                     limit: bar.maxX - rect.x)
        }
    }

    static func draw(_ state: ExplorerState, in rect: Rect, footer: Rect?, into grid: inout Grid) {
        let rows = state.table.rows
        // Each row on screen is formatted once per frame (a route row is built from its Route).
        let window = state.rowScroll..<max(state.rowScroll, min(rows.count, state.rowScroll + rect.height))
        let texts = wraps(state) ? [] : window.map { rows[$0].text }
        let hidden = wraps(state) ? 0 : hiddenColumns(window.map { rows[$0] }, texts, available: rect.width - 2)
        if let footer {
            let shown = wraps(state) ? wrappedRowCount(state, in: rect) : rect.height
            drawFooter(state, rows: rect, shown: shown, hidden: hidden, in: footer, into: &grid)
        }
        guard !rows.isEmpty, state.filter.isEmpty || rows.contains(where: { !$0.isHeading }) else {
            let text = state.filter.isEmpty ? "(nothing to show)" : "no row matches the filter “\(state.filter)” — Esc clears it"
            grid.put(text, x: rect.x + 2, y: rect.y, role: state.filter.isEmpty ? .dim : .warning, limit: rect.width - 2)
            return
        }
        if wraps(state) { return drawWrapped(state, in: rect, into: &grid) }
        let focused = state.focus == .table
        let scroll = min(state.columnScroll, hidden)
        for (line, index) in window.enumerated() {
            let row = rows[index]
            let y = rect.y + line
            let role = row.role
            if let mark = row.mark { grid.put(String(mark.rawValue), x: rect.x, y: y, role: role) }
            grid.put(shown(row, texts[line], scroll: scroll), x: rect.x + 2, y: y, role: role, limit: rect.width - 2)
            if focused && index == state.rowCursor {
                grid.paint(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .selectedRow)
            }
        }
    }

    /// A trace and a lesson are prose (hops with their reasons, narration): their lines wrap, under
    /// the text after a hop's name, instead of scrolling sideways.
    static func wraps(_ state: ExplorerState) -> Bool { state.lesson != nil || state.dataPath != nil }

    private static func drawWrapped(_ state: ExplorerState, in rect: Rect, into grid: inout Grid) {
        var y = rect.y
        for row in state.table.rows.dropFirst(state.rowScroll) where y < rect.maxY {
            for piece in pieces(row.text, state, width: rect.width - 2) where y < rect.maxY {
                grid.put(piece, x: rect.x + 2, y: y, role: row.isHeading ? .header : .normal, limit: rect.width - 2)
                y += 1
            }
        }
    }

    /// A prose row wrapped: a hop's continuation keeps the tree's lines (`├` goes on as `│`), a
    /// lesson's narration goes on at its own indentation.
    private static func pieces(_ text: String, _ state: ExplorerState, width: Int) -> [String] {
        let lines = wrap(text, to: width, hang: state.lesson != nil ? 0 : 4)
        let tree = text.prefix { " │├└─".contains($0) }
        guard lines.count > 1, tree.contains(where: { $0 != " " }) else { return lines }
        let guide = String(tree.map { $0 == "├" || $0 == "│" ? "│" : " " })
        return [lines[0]] + lines.dropFirst().map { line in
            line.hasPrefix(String(repeating: " ", count: guide.count)) ? guide + line.dropFirst(guide.count) : line
        }
    }

    /// Rows from the top of the window that fit whole or in part once wrapped.
    private static func wrappedRowCount(_ state: ExplorerState, in rect: Rect) -> Int {
        var lines = 0, count = 0
        for row in state.table.rows.dropFirst(state.rowScroll) where lines < rect.height {
            lines += pieces(row.text, state, width: rect.width - 2).count
            count += 1
        }
        return count
    }

    /// The footer: where the rows are, what narrows them, and what is hidden sideways (with its keys).
    private static func drawFooter(_ state: ExplorerState, rows rect: Rect, shown: Int, hidden: Int, in footer: Rect,
                                   into grid: inout Grid) {
        let count = state.table.rows.count
        var left: [String] = []
        if state.rowScroll > 0 || count > state.rowScroll + shown {
            left.append("rows \(state.rowScroll + 1)–\(min(count, state.rowScroll + shown)) of \(count)")
        }
        if let trace = state.trace {
            left.append("trace \(trace.from) → \(trace.to) (Esc clears)")
        } else if !state.filter.isEmpty {
            left.append("filter “\(state.filter)” (Esc clears)")
        }
        let scroll = min(state.columnScroll, hidden)
        var right: [String] = []
        if scroll > 0 { right.append("◀ \(scroll) columns") }
        if hidden > scroll { right.append("\(hidden - scroll) more columns ▶") }
        if !right.isEmpty { right.append("< > scroll") }
        let rightText = right.joined(separator: " · ")
        let rightWidth = displayWidth(rightText)
        let leftEnd = footer.maxX - (rightWidth > 0 ? rightWidth + 2 : 0)
        grid.put(left.joined(separator: " · "), x: footer.x + 2, y: footer.y, role: .dim, limit: max(0, leftEnd - footer.x - 2))
        if rightWidth > 0 {
            grid.put(rightText, x: max(footer.x, footer.maxX - rightWidth - 1), y: footer.y, role: .header, limit: footer.width)
        }
    }

    /// A row as drawn `scroll` columns to the right: FRR rows keep their status codes and Network.
    static func shown(_ row: TableModel.Row, _ text: String, scroll: Int) -> String {
        guard scroll > 0, let frozen = row.frozenColumns else { return text }
        return text.prefix(columns: frozen) + text.dropping(columns: frozen + scroll)
    }

    /// Columns the widest row on screen does not show at scroll 0 (titles do not scroll, so they do not count).
    static func hiddenColumns(_ state: ExplorerState, in rect: Rect) -> Int {
        guard !wraps(state) else { return 0 }
        let rows = state.table.rows
        let window = rows[min(rows.count, state.rowScroll)..<min(rows.count, state.rowScroll + rect.height)]
        return hiddenColumns(Array(window), window.map(\.text), available: rect.width - 2)
    }

    private static func hiddenColumns(_ rows: [TableModel.Row], _ texts: [String], available: Int) -> Int {
        var hidden = 0
        for (row, text) in zip(rows, texts) where row.frozenColumns != nil && text.utf8.count > available + hidden {
            hidden = max(hidden, displayWidth(text) - available)
        }
        return hidden
    }

    /// The widest of the `rows` rows from the top of the window: the side-by-side layout gives the table that.
    static func widestRow(_ state: ExplorerState, rows count: Int) -> Int {
        let rows = state.table.rows
        var widest = 0
        if wraps(state) { return 0 }
        for index in state.rowScroll..<max(state.rowScroll, min(rows.count, state.rowScroll + count)) {
            // A text of no more bytes than the widest so far cannot be wider: measure only the others.
            let text = rows[index].text
            if text.utf8.count > widest { widest = max(widest, displayWidth(text)) }
        }
        return widest
    }
}

extension TableModel.Row {
    /// Columns that stay in place when the table scrolls sideways, or nil for a title, which does not
    /// scroll. FRR rows keep their status codes and Network (20 columns); column headers are aligned
    /// with runs of spaces, titles are prose.
    var frozenColumns: Int? {
        switch content {
        case .route, .advertised: 20
        case .text, .effective: 0
        case .heading(let text): text == BGPTableFormat.header ? 20 : (text.contains("  ") ? 0 : nil)
        }
    }
}

extension String {
    /// The characters that fit in `columns` display columns.
    func prefix(columns: Int) -> String {
        var out = "", used = 0
        for character in self {
            let width = displayWidth(character)
            if used + width > columns { break }
            out.append(character)
            used += width
        }
        return out
    }

    /// What is left after the first `columns` display columns.
    func dropping(columns: Int) -> String {
        var used = 0
        var index = startIndex
        while index < endIndex, used < columns {
            used += displayWidth(self[index])
            index = self.index(after: index)
        }
        return String(self[index...])
    }
}
