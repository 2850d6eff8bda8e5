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
    if let table = layout.table { TablePaneView.draw(state, in: table, into: &grid) }
    if let log = layout.log { LogPaneView.draw(state, in: log, into: &grid) }
    StatusLine.drawMessageLine(state, y: layout.messageLine, into: &grid)
    StatusLine.draw(state, y: layout.statusLine, into: &grid)
    switch state.overlay {
    case .help?: OverlayView.drawHelp(state, into: &grid)
    case .detail?: OverlayView.drawDetail(state, into: &grid)
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
            grid.put("Toggle something (r, a, p, d) and what changed where is listed here.", x: body.x + 1, y: body.y,
                     role: .dim, limit: body.width - 1)
            return
        }
        // The newest change first, each from its heading down; scrolling moves back in time.
        let lines = newestFirst(state.log)
        let first = min(state.logScroll, max(0, lines.count - 1))
        for (row, entry) in lines.dropFirst(first).prefix(body.height).enumerated() {
            let role: Role = switch entry.kind {
            case .heading: .header
            case .added: .added
            case .removed: .removed
            case .changed: .changed
            case .session: .warning
            }
            grid.put(entry.text, x: body.x + 1, y: body.y + row, role: role, limit: body.width - 1)
        }
    }

    /// The watched file no longer loads: every refusal, with its line and column, until it is fixed.
    static func drawFileErrors(_ state: ExplorerState, in rect: Rect, into grid: inout Grid) {
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), Cell(" ", .tabActive))
        let count = state.fileErrors.count
        grid.put(" \(state.source) does not load: \(count) error\(count == 1 ? "" : "s") — the last good network stays ",
                 x: rect.x, y: rect.y, role: .tabActive, limit: rect.width)
        var lines: [(String, Role)] = []
        for error in state.fileErrors {
            lines.append(("\(error.line):\(error.column): \(error.message)", .error))
            if let hint = error.hint { lines.append(("  hint: \(hint)", .dim)) }
        }
        for (row, line) in lines.prefix(rect.height - 1).enumerated() {
            grid.put(line.0, x: rect.x + 1, y: rect.y + 1 + row, role: line.1, limit: rect.width - 1)
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
