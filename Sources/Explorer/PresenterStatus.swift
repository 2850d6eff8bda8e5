/// Presenter mode's status, for a projector: each switch's name, its value in block letters below,
/// and the keys that work here; and the banner that tells the room what a change did.
enum PresenterStatus {
    /// The names, three rows of block letters, the hint line.
    static let rows = 5
    private static let gap = 3

    static func draw(_ state: ExplorerState, y: Int, into grid: inout Grid) {
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: rows), Cell(" ", .statusBar))
        let items = StatusLine.items(state)
        let big = chooseBig(items, width: grid.width)
        var x = 1
        for (index, item) in items.enumerated() where x < grid.width - 1 {
            let end = grid.put(item.key, x: x, y: y, role: .statusKey)
            grid.put(" " + item.label.uppercased(), x: end, y: y, role: .statusBar, limit: grid.width - 1 - end)
            let role: Role = item.on ? .statusOn : .statusOff
            if big[index], let letters = BlockLetters.render(item.value, ascii: state.glyphs == .ascii) {
                for (row, line) in letters.enumerated() { grid.put(line, x: x, y: y + 1 + row, role: role) }
            } else {
                grid.put(item.value, x: x, y: y + 2, role: role, limit: grid.width - 1 - x)
            }
            x += columns(item, big: big[index]) + gap
        }
        grid.put(Keymap.hints(state, width: grid.width - 2), x: 1, y: y + rows - 1, role: .statusBar)
    }

    private static func columns(_ item: StatusLine.Item, big: Bool) -> Int {
        let label = displayWidth(item.key) + 1 + displayWidth(item.label)
        return max(label, big ? BlockLetters.width(item.value) ?? 0 : displayWidth(item.value))
    }

    /// Block letters for as many values as fit across the screen, in order; the others stay in plain
    /// text (a long list of what is down, a narrow terminal), so no word is ever cut.
    static func chooseBig(_ items: [StatusLine.Item], width: Int) -> [Bool] {
        var big = Array(repeating: false, count: items.count)
        func total() -> Int { items.indices.reduce(1) { $0 + columns(items[$1], big: big[$1]) + gap } - gap }
        for index in items.indices where BlockLetters.width(items[index].value) != nil {
            big[index] = true
            if total() > width - 1 { big[index] = false }
        }
        return big
    }

    /// Three full-width rows ending at row `y`: a headline and what it did.
    static func drawBanner(_ headline: String, _ detail: String, above y: Int, into grid: inout Grid) {
        let top = max(0, y - 2)
        grid.fill(Rect(x: 0, y: top, width: grid.width, height: y - top + 1), Cell(" ", .banner))
        grid.put("▶ " + headline.uppercased(), x: 2, y: top + 1, role: .banner, limit: grid.width - 4)
        grid.put(detail, x: 4, y: top + 2, role: .banner, limit: grid.width - 6)
    }
}
