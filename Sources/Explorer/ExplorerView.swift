import RoutingEngine

/// The whole screen for a state: pure, so every screen can be tested as text.
public func view(_ state: ExplorerState) -> Grid {
    var grid = Grid(width: state.width, height: state.height)
    guard state.width >= ScreenLayout.minimumWidth, state.height >= ScreenLayout.minimumHeight else {
        let text = "terminal too small (need \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight))"
        grid.put(text, x: max(0, (state.width - displayWidth(text)) / 2), y: state.height / 2, role: .warning)
        return grid
    }
    let layout = ScreenLayout.make(state)
    TitleBar.draw(state, into: &grid)
    DiagramView.draw(state, layout, into: &grid)
    TablePaneView.drawTabBar(state, layout, into: &grid)
    if let table = layout.table { TablePaneView.draw(state, in: table, footer: layout.tableFooter, into: &grid) }
    if let log = layout.log { LogPaneView.draw(state, in: log, into: &grid) }
    if let pane = layout.lesson, let progress = state.lesson { LessonPaneView.draw(state, progress, in: pane, into: &grid) }
    StatusLine.draw(state, layout, into: &grid)
    StatusLine.drawMessageLine(state, layout, into: &grid)
    switch state.overlay {
    case .help?: OverlayView.drawHelp(state, into: &grid)
    case .detail?: OverlayView.drawDetail(state, into: &grid)
    case .beforeAfter?: BeforeAfterView.draw(state, into: &grid)
    case nil: break
    }
    if let form = state.form { FormView.draw(form, state, into: &grid) }
    return grid
}

enum TitleBar {
    static func draw(_ state: ExplorerState, into grid: inout Grid) {
        grid.fill(Rect(x: 0, y: 0, width: grid.width, height: 1), Cell(" ", .statusBar))
        let title = state.topology.title.isEmpty ? state.topology.name : state.topology.title
        let end = grid.put(" routescope ", x: 0, y: 0, role: .statusKey)
        let source = " \(state.source)\(state.isDirty ? " [+]" : "") "
        grid.put(title, x: end + 1, y: 0, role: .statusBar, limit: grid.width - end - 2 - displayWidth(source))
        grid.put(source, x: grid.width - displayWidth(source), y: 0, role: .statusBar)
    }
}

enum LogPaneView {
    static func draw(_ state: ExplorerState, in rect: Rect, into grid: inout Grid) {
        if !state.fileErrors.isEmpty { return drawFileErrors(state, in: rect, into: &grid) }
        let focused = state.focus == .log
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), Cell(" ", focused ? .tabActive : .tab))
        grid.put(" Change log ", x: rect.x, y: rect.y, role: focused ? .tabActive : .tab)
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        guard !state.log.isEmpty else {
            // Only the switches this topology has (no a without a VPN gateway).
            let keys = StatusLine.items(state).map(\.key).filter { $0 != "s" }.joined(separator: ", ")
            drawWrapped("Toggle something (\(keys)) and what changed where is listed here.", role: .dim, from: body.y,
                        in: body, into: &grid)
            return
        }
        // The newest change first, each from its heading down; scrolling moves back in time. Long
        // lines wrap (an AS path is what a line is about), indented under their first word.
        let lines = newestFirst(state.log)
        let first = min(state.logScroll, max(0, lines.count - 1))
        var y = body.y
        for entry in lines.dropFirst(first) where y < body.maxY {
            let role: Role = switch entry.kind {
            case .heading: .header
            case .added: .added
            case .removed: .removed
            case .changed: .changed
            case .session: .warning
            }
            y = drawWrapped(entry.text, role: role, from: y, in: body, into: &grid)
        }
    }

    /// Draws `text` wrapped to the pane from row `y`; returns the row after it.
    @discardableResult
    private static func drawWrapped(_ text: String, role: Role, from y: Int, in body: Rect, into grid: inout Grid) -> Int {
        var row = y
        for piece in wrap(text, to: body.width - 2) where row < body.maxY {
            grid.put(piece, x: body.x + 1, y: row, role: role, limit: body.width - 1)
            row += 1
        }
        return row
    }

    /// The watched file no longer loads: every refusal, with its line and column, until it is fixed.
    static func drawFileErrors(_ state: ExplorerState, in rect: Rect, into grid: inout Grid) {
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), Cell(" ", .tabActive))
        let count = state.fileErrors.count
        grid.put(" \(state.source) does not load: \(count) error\(count == 1 ? "" : "s") — the last good network stays ",
                 x: rect.x, y: rect.y, role: .tabActive, limit: rect.width)
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        var y = body.y
        for error in state.fileErrors where y < body.maxY {
            y = drawWrapped("\(error.line):\(error.column): \(error.message)", role: .error, from: y, in: body, into: &grid)
            if let hint = error.hint { y = drawWrapped("  hint: \(hint)", role: .dim, from: y, in: body, into: &grid) }
        }
    }

    /// Blocks (a heading and what follows) in reverse order, each block in its own order.
    static func newestFirst(_ log: [LogEntry]) -> [LogEntry] {
        var blocks: [[LogEntry]] = []
        for entry in log {
            if entry.kind == .heading && entry.text.hasPrefix("──") || blocks.isEmpty { blocks.append([]) }
            blocks[blocks.count - 1].append(entry)
        }
        return blocks.reversed().flatMap { $0 }
    }
}
