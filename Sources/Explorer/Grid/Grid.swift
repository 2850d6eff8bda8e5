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

/// The frame the view draws into: immediate mode, the whole screen every time. Equatable, so the
/// run loop can skip frames that did not change.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = Cell()) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes text clipped to `limit` columns (and the grid). Wide glyphs take two cells; control
    /// characters become U+FFFD so they cannot move the cursor. Returns the column after the text.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(width, limit.map { x + $0 } ?? width)
        var column = x
        for var character in text {
            if let value = character.unicodeScalars.first?.value, value < 0x20 || value == 0x7F { character = "\u{FFFD}" }
            let columns = displayWidth(character)
            if column + columns > end { break }
            if column >= 0 {
                self[column, y] = Cell(character, role)
                if columns == 2 { self[column + 1, y] = .continuation(role) }
            }
            column += columns
        }
        return column
    }

    public mutating func fill(_ rect: Rect, _ cell: Cell) {
        for row in rect.y..<rect.maxY { for column in rect.x..<rect.maxX { self[column, row] = cell } }
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
