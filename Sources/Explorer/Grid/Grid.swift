/// A rectangle of cells on screen.
public struct Rect: Hashable, Sendable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
    public func inset(by n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
}

/// The frame the view draws into: immediate mode, the whole screen every time. Equatable (by its
/// cells), so the run loop can skip frames that did not change.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where `put` cut a text short and drew its `…`, so a test can check that nothing cut a word
    /// without a mark (the `…` still there at the end of the frame).
    public private(set) var cuts: [Point] = []
    /// The last visible character of every text `put` drew in full: a later text that overwrites it
    /// cut the first one silently. `fill` (an overlay clearing its place) forgets what it covers.
    public private(set) var ends: [Point] = []

    public struct Point: Hashable, Sendable {
        public let x, y: Int
        public let character: Character
        public init(x: Int, y: Int, character: Character) { self.x = x; self.y = y; self.character = character }
    }

    public init(width: Int, height: Int, fill: Cell = Cell()) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public static func == (a: Grid, b: Grid) -> Bool { a.width == b.width && a.height == b.height && a.cells == b.cells }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes text clipped to `limit` columns (and the grid). Text that does not fit ends in `…` in
    /// its last column, never in half a word. Wide glyphs take two cells; control characters become
    /// U+FFFD so they cannot move the cursor. Returns the column after what was drawn.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(width, limit.map { x + $0 } ?? width)
        // No character takes more columns than its UTF-8 bytes: most texts fit without measuring.
        let fits = x + text.utf8.count <= end || x + displayWidth(text) <= end
        // When it does not fit, one column stays free for the ellipsis.
        let stop = fits ? end : end - 1
        var column = x
        var last: Point?
        for var character in text {
            if let value = character.unicodeScalars.first?.value, value < 0x20 || value == 0x7F { character = "\u{FFFD}" }
            let columns = displayWidth(character)
            if column + columns > stop { break }
            if column >= 0 {
                self[column, y] = Cell(character, role)
                if columns == 2 { self[column + 1, y] = .continuation(role) }
                if character != " " { last = Point(x: column, y: y, character: character) }
            }
            column += columns
        }
        if !fits, column >= 0, column < end {
            self[column, y] = Cell("…", role)
            cuts.append(Point(x: column, y: y, character: "…"))
            column += 1
        } else if let last {
            ends.append(last)
        }
        return column
    }

    /// The cuts and ends whose character is no longer on screen: text cut without a mark.
    public var silentCuts: [Point] {
        (cuts + ends).filter { point in point.x < width && point.y < height && self[point.x, point.y].character != point.character }
    }

    public mutating func fill(_ rect: Rect, _ cell: Cell) {
        for row in rect.y..<rect.maxY { for column in rect.x..<rect.maxX { self[column, row] = cell } }
        if !ends.isEmpty || !cuts.isEmpty {
            ends.removeAll { rect.contains(x: $0.x, y: $0.y) }
            cuts.removeAll { rect.contains(x: $0.x, y: $0.y) }
        }
    }

    /// Gives every cell of a row a role, keeping its character (selection bars, marks).
    public mutating func paint(_ rect: Rect, role: Role) {
        for row in rect.y..<rect.maxY {
            for column in rect.x..<rect.maxX where column >= 0 && row >= 0 && column < width && row < height {
                cells[row * width + column].role = role
            }
        }
    }

    public mutating func horizontalLine(x: Int, y: Int, length: Int, _ character: Character, role: Role) {
        for column in x..<(x + max(0, length)) { self[column, y] = Cell(character, role) }
    }

    public mutating func box(_ rect: Rect, glyphs: Glyphs, role: Role, title: String? = nil, titleRole: Role? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for column in (rect.x + 1)..<right {
            self[column, rect.y] = Cell(glyphs.horizontal, role)
            self[column, bottom] = Cell(glyphs.horizontal, role)
        }
        for row in (rect.y + 1)..<bottom {
            self[rect.x, row] = Cell(glyphs.vertical, role)
            self[right, row] = Cell(glyphs.vertical, role)
        }
        self[rect.x, rect.y] = Cell(glyphs.topLeft, role)
        self[right, rect.y] = Cell(glyphs.topRight, role)
        self[rect.x, bottom] = Cell(glyphs.bottomLeft, role)
        self[right, bottom] = Cell(glyphs.bottomRight, role)
        if let title, rect.width > 4 {
            put(" \(title) ", x: rect.x + 1, y: rect.y, role: titleRole ?? role, limit: rect.width - 2)
        }
    }

    /// The text of each row, for golden tests and the non-terminal fallback.
    public var lines: [String] {
        (0..<height).map { row in
            String((0..<width).compactMap { self[$0, row].isContinuation ? nil : self[$0, row].character })
        }
    }

    /// All rows joined, trailing spaces removed: what `tmux capture-pane -p` shows.
    public var text: String {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }
}
