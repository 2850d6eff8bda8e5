/// Presenter mode's status, for a projector: each switch's name, its value in block letters below,
/// and the keys that work here; and the banner that tells the room what a change did.
enum PresenterStatus {
    /// The names, three rows of block letters, the hint line.
    static let rows = 5
    private static let gap = 3

    static func draw(_ state: ExplorerState, y: Int, into grid: inout Grid) {
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: rows), Cell(" ", .statusBar))
        let items = StatusLine.items(state)
        var x = 1
        let (shapes, gap) = plan(items, width: grid.width)
        for (item, shape) in zip(items, shapes) where x < grid.width - 1 {
            let end = grid.put(item.key, x: x, y: y, role: .statusKey)
            grid.put(" " + item.label.uppercased(), x: end, y: y, role: .statusBar, limit: grid.width - 1 - end)
            let role: Role = item.on ? .statusOn : .statusOff
            if shape.big, let letters = BlockLetters.render(item.value, ascii: state.glyphs == .ascii) {
                for (row, line) in letters.enumerated() { grid.put(line, x: x, y: y + 1 + row, role: role) }
            } else {
                // One line in the middle, or a list over the three rows.
                let top = shape.lines.count == 1 ? y + 2 : y + 1
                for (row, line) in shape.lines.enumerated() {
                    grid.put(line, x: x, y: top + row, role: role, limit: grid.width - 1 - x)
                }
            }
            x += shape.width + gap
        }
        grid.put(Keymap.hints(state, width: grid.width - 2), x: 1, y: y + rows - 1, role: .statusBar)
    }

    /// How a switch's value is shown: in block letters, or in words on one to three lines.
    struct Shape: Equatable {
        var big: Bool
        var lines: [String]
        var width: Int
    }

    private static func shape(_ item: StatusLine.Item, big: Bool, stacked: Bool) -> Shape {
        let label = displayWidth(item.key) + 1 + displayWidth(item.label)
        if big, let width = BlockLetters.width(item.value) { return Shape(big: true, lines: [], width: max(label, width)) }
        var lines = [item.value]
        if stacked {
            // A list (what is down) one name a line, the third line taking the rest.
            let names = item.value.split(separator: ",").map(String.init)
            lines = Array(names.prefix(2))
            if names.count > 2 { lines.append(names.dropFirst(2).joined(separator: ",")) }
        }
        return Shape(big: false, lines: lines, width: max(label, lines.map { displayWidth($0) }.max() ?? 0))
    }

    /// Block letters for as many values as fit across the screen, in order; the others stay in words
    /// (a list stacked one name a line when it is too wide), so no word is cut where it can be helped.
    static func plan(_ items: [StatusLine.Item], width: Int) -> (shapes: [Shape], gap: Int) {
        var shapes = items.map { shape($0, big: false, stacked: false) }
        var gap = Self.gap
        func total() -> Int { shapes.reduce(1) { $0 + $1.width + gap } - gap }
        for index in items.indices where total() > width - 1 {
            shapes[index] = shape(items[index], big: false, stacked: true)
        }
        while gap > 1 && total() > width - 1 { gap -= 1 }
        for index in items.indices where BlockLetters.width(items[index].value) != nil {
            let before = total(), small = shapes[index]
            shapes[index] = shape(items[index], big: true, stacked: false)
            // Larger only while it fits (or, on a screen already too narrow, while it costs nothing).
            if total() > max(width - 1, before) { shapes[index] = small }
        }
        return (shapes, gap)
    }

    /// Three full-width rows ending at row `y`: a headline and what it did.
    static func drawBanner(_ headline: String, _ detail: String, above y: Int, into grid: inout Grid) {
        let top = max(0, y - 2)
        grid.fill(Rect(x: 0, y: top, width: grid.width, height: y - top + 1), Cell(" ", .banner))
        grid.put("▶ " + headline.uppercased(), x: 2, y: top + 1, role: .banner, limit: grid.width - 4)
        grid.put(detail, x: 4, y: top + 2, role: .banner, limit: grid.width - 6)
    }
}
