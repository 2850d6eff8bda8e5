/// The selected node's tables: a tab bar, then rows with a mark column (`+` `-` `~`).
enum TablePaneView {
    static func drawTabBar(_ state: ExplorerState, _ layout: ScreenLayout, into grid: inout Grid) {
        let bar = layout.tabBar
        grid.fill(bar, Cell(" ", .tab))
        grid.put(ScreenLayout.selectionLabel(state), x: 0, y: bar.y, role: .header)
        let active = state.tabs.contains(state.tab) ? state.tab : state.tabs[0]
        for (index, (tab, rect)) in layout.tabs.enumerated() {
            grid.put(ScreenLayout.tabLabel(tab, index: index), x: rect.x, y: rect.y, role: tab == active ? .tabActive : .tab)
        }
        if let trace = state.trace {
            let label = " trace \(trace.from) → \(trace.to) (Esc clears) "
            grid.put(label, x: max(0, bar.maxX - displayWidth(label)), y: bar.y, role: .tabActive)
        } else if !state.filter.isEmpty {
            let label = " filter: \(state.filter) "
            grid.put(label, x: max(0, bar.maxX - displayWidth(label)), y: bar.y, role: .warning)
        }
    }

    static func draw(_ state: ExplorerState, in rect: Rect, into grid: inout Grid) {
        let rows = state.table.rows
        guard !rows.isEmpty else {
            grid.put(state.filter.isEmpty ? "(nothing to show)" : "(no row matches the filter)", x: rect.x + 2, y: rect.y, role: .dim)
            return
        }
        let focused = state.focus == .table
        for line in 0..<rect.height {
            let index = state.rowScroll + line
            guard index < rows.count else { break }
            let row = rows[index]
            let y = rect.y + line
            let role: Role = switch row.mark {
            case .added?: .added
            case .removed?: .removed
            case .changed?: .changed
            case nil: row.isHeading ? .header : .normal
            }
            if let mark = row.mark { grid.put(String(mark.rawValue), x: rect.x, y: y, role: role) }
            grid.put(row.text, x: rect.x + 2, y: y, role: role, limit: rect.width - 2)
            if focused && index == state.rowCursor {
                grid.paint(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .selectedRow)
            }
        }
        if rows.count > rect.height {
            let position = "\(min(rows.count, state.rowScroll + rect.height))/\(rows.count)"
            grid.put(position, x: rect.maxX - displayWidth(position), y: rect.maxY - 1, role: .dim)
        }
    }
}
