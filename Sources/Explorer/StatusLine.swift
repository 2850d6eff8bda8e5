/// The switches, always visible, in words: colour is never the only signal. One wording at every
/// width: what does not fit on the first row goes to a second one.
enum StatusLine {
    typealias Item = (key: String, label: String, value: String, on: Bool)

    static let help = "? help · q quit"

    /// Rows the status takes: one or two; presenter mode's large status takes five (labels, three
    /// rows of block letters, the hint line).
    static func rowCount(_ state: ExplorerState) -> Int {
        state.presenter ? PresenterStatus.rows : flow(items(state), width: state.width).count
    }

    static func draw(_ state: ExplorerState, _ layout: ScreenLayout, into grid: inout Grid) {
        if state.presenter { return PresenterStatus.draw(state, y: layout.statusLine, into: &grid) }
        let y = layout.statusLine
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: layout.statusRows), Cell(" ", .statusBar))
        let rows = flow(items(state), width: grid.width)
        for (offset, row) in rows.enumerated() {
            var x = 1
            for item in row {
                x = grid.put(item.key, x: x, y: y + offset, role: .statusKey)
                x = grid.put(" \(item.label): ", x: x, y: y + offset, role: .statusBar)
                x = grid.put(item.value, x: x, y: y + offset, role: item.on ? .statusOn : .statusOff, limit: grid.width - 1 - x)
                x += 2
            }
            if offset == rows.count - 1, x + displayWidth(help) < grid.width {
                grid.put(help, x: grid.width - displayWidth(help) - 1, y: y + offset, role: .statusBar)
            }
        }
    }

    static func text(_ item: Item) -> String { "\(item.key) \(item.label): \(item.value)" }

    /// The items in rows of `width` columns, at most two rows (a too-long last item ends in `…`).
    static func flow(_ items: [Item], width: Int) -> [[Item]] {
        var rows: [[Item]] = [[]]
        var x = 1
        for item in items {
            let columns = displayWidth(text(item))
            if !rows[rows.count - 1].isEmpty, x + columns >= width, rows.count < 2 {
                rows.append([])
                x = 1
            }
            rows[rows.count - 1].append(item)
            x += columns + 2
        }
        return rows
    }

    static func items(_ state: ExplorerState) -> [Item] {
        let settings = state.settings
        var items: [Item] = []
        if state.topology.routeServer != nil {
            items.append(("r", "route exchange", settings.routeExchange ? "ON" : "OFF", settings.routeExchange))
        }
        if let activeActive = settings.vpnActiveActive {
            items.append(("a", "VPN active/active", activeActive ? "ON" : "OFF", activeActive))
        }
        if state.topology.routeServer != nil {
            items.append(("p", "preference", settings.hubRoutingPreference.rawValue, true))
        }
        let down = settings.down.sorted()
        items.append(("d", "down", down.isEmpty ? "none" : down.joined(separator: ","), down.isEmpty))
        if let mode = state.stepMode {
            items.append(("s", "stepping", "\(mode.position)/\(mode.trace.events.count)", false))
        }
        return items
    }

    /// The row above the status: the command line, the filter, a message, or the keys that work here.
    static func drawMessageLine(_ state: ExplorerState, _ layout: ScreenLayout, into grid: inout Grid) {
        let y = layout.messageLine
        if state.mode == .confirmQuit {
            let question = state.isDirty ? "Quit without saving the edits (:w saves)?" : "Quit routescope?"
            let hints = Keymap.hints(state, width: grid.width - 4 - displayWidth(question))
            if state.presenter { return PresenterStatus.drawBanner(question, hints, above: y, into: &grid) }
            grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), Cell(" ", .warning))
            grid.put(question + "  " + hints, x: 1, y: y, role: .warning, limit: grid.width - 2)
        } else if let command = state.commandLine {
            drawEditor(":" + command, y: y, into: &grid)
        } else if state.isEditingFilter {
            drawEditor("/" + state.filter, y: y, into: &grid)
        } else if let message = state.message {
            if state.presenter && message.isChange {
                // The banner: what just changed, across the screen, until the next key or a few seconds.
                let parts = message.text.split(separator: ":", maxSplits: 1).map(\.trimmed)
                return PresenterStatus.drawBanner(parts[0], parts.count > 1 ? parts[1] : "", above: y, into: &grid)
            }
            grid.put(message.text, x: 0, y: y, role: message.isError ? .error : .message)
        } else if !state.presenter {
            // Presenter mode's large status has the hint line of its own.
            grid.put(Keymap.hints(state, width: grid.width - 1), x: 0, y: y, role: .dim)
        }
    }

    /// A line being typed, its end in view when longer than the screen.
    private static func drawEditor(_ text: String, y: Int, into grid: inout Grid) {
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), Cell(" ", .normal))
        let room = grid.width - 2
        let shown = displayWidth(text) > room ? "…" + text.dropping(columns: displayWidth(text) - room + 1) : text
        let end = grid.put(shown, x: 0, y: y, role: .normal)
        grid.put("█", x: end, y: y, role: .normal)
    }
}

extension StringProtocol {
    var trimmed: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
