/// The switches, always visible, in words: colour is never the only signal.
enum StatusLine {
    static func draw(_ state: ExplorerState, y: Int, into grid: inout Grid) {
        if state.presenter { return drawLarge(state, y: y, into: &grid) }
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), Cell(" ", .statusBar))
        let help = "?:help q:quit"
        // Full labels when they fit, short ones on narrow terminals: the values are always there.
        let full = items(state, short: false)
        let fits = width(of: full) + displayWidth(help) + 2 <= grid.width
        var x = 1
        for item in fits ? full : items(state, short: true) {
            x = grid.put(item.key, x: x, y: y, role: .statusKey)
            x = grid.put(" \(item.label):", x: x, y: y, role: .statusBar)
            x = grid.put(item.value, x: x, y: y, role: item.on ? .statusOn : .statusOff)
            x = grid.put(fits ? "  " : " ", x: x, y: y, role: .statusBar)
        }
        if x + displayWidth(help) < grid.width { grid.put(help, x: grid.width - displayWidth(help) - 1, y: y, role: .statusBar) }
    }

    /// Presenter mode: each switch in capitals on its own segment, keys on the row below.
    private static func drawLarge(_ state: ExplorerState, y: Int, into grid: inout Grid) {
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: 2), Cell(" ", .statusBar))
        var x = 1
        for item in items(state, short: grid.width < 120) {
            x = grid.put(" \(item.label.uppercased()) ", x: x, y: y, role: .statusKey)
            let value = String(item.value.drop { $0 == " " })
            let shown = ["on", "off", "none"].contains(value.lowercased()) ? value.uppercased() : value
            x = grid.put(" \(shown) ", x: x, y: y, role: item.on ? .statusOn : .statusOff) + 2
        }
        grid.put(Keymap.hints(state, width: grid.width - 2), x: 1, y: y + 1, role: .statusBar)
    }

    private typealias Item = (key: String, label: String, value: String, on: Bool)

    private static func width(of items: [Item]) -> Int {
        items.reduce(1) { $0 + displayWidth($1.key) + displayWidth($1.label) + displayWidth($1.value) + 4 }
    }

    private static func items(_ state: ExplorerState, short: Bool) -> [Item] {
        let settings = state.settings
        var items: [Item] = []
        if state.topology.routeServer != nil {
            items.append(("r", short ? "exchange" : "route exchange", settings.routeExchange ? "ON" : "OFF", settings.routeExchange))
        }
        if let activeActive = settings.vpnActiveActive {
            items.append(("a", short ? "A/A" : "VPN active/active", activeActive ? "ON" : "OFF", activeActive))
        }
        if state.topology.routeServer != nil {
            items.append(("p", short ? "pref" : "preference", settings.hubRoutingPreference.rawValue, true))
        }
        let down = settings.down.sorted()
        items.append(("d", "down", down.isEmpty ? "none" : down.joined(separator: ","), down.isEmpty))
        if let mode = state.stepMode {
            items.append(("s", short ? "step" : "stepping", "\(mode.position)/\(mode.trace.events.count)", false))
        }
        return items.map { ($0.key, $0.label, short ? $0.value : " " + $0.value, $0.on) }
    }

    static func drawMessageLine(_ state: ExplorerState, y: Int, into grid: inout Grid) {
        if state.mode == .confirmQuit {
            grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), Cell(" ", .warning))
            let question = state.isDirty ? "Quit without saving the edits (:w saves)?  " : "Quit routescope?  "
            grid.put(question + Keymap.hints(state, width: grid.width - 2 - displayWidth(question)), x: 1, y: y, role: .warning)
        } else if let command = state.commandLine {
            let end = grid.put(":" + command, x: 0, y: y, role: .normal)
            grid.put("█", x: end, y: y, role: .normal)
        } else if state.isEditingFilter {
            let end = grid.put("/" + state.filter, x: 0, y: y, role: .normal)
            grid.put("█", x: end, y: y, role: .normal)
        } else if let message = state.message {
            if state.presenter && !message.isError {
                // The banner: what just changed, across the screen.
                grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), Cell(" ", .warning))
                grid.put("▶ " + message.text, x: 1, y: y, role: .warning)
            } else {
                grid.put(message.text, x: 0, y: y, role: message.isError ? .error : .message)
            }
        } else {
            grid.put(Keymap.hints(state, width: grid.width - 1), x: 0, y: y, role: .dim)
        }
    }
}
