import Yams

/// Yams' node, named apart from the engine's `Node` (a BGP speaker).
typealias YAMLNode = Yams.Node

/// A 1-based line and column in the file, columns counted in Unicode scalars as libyaml counts them.
struct SourcePosition: Comparable, Sendable {
    var line: Int
    var column: Int

    static let start = SourcePosition(line: 1, column: 1)

    static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }

    /// The position of the `offset`-th Unicode scalar of `text`.
    init(scalarOffset offset: Int, in text: String) {
        var line = 1, column = 1
        for scalar in text.unicodeScalars.prefix(max(0, offset)) {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        self.init(line: line, column: column)
    }

    init(line: Int, column: Int) {
        self.line = max(1, line); self.column = max(1, column)
    }

    init(_ mark: Mark?) {
        self.init(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
}

extension YAMLNode {
    /// Where the node starts: the first key of a block mapping, `-` or `[` of a list, the scalar itself.
    var position: SourcePosition { SourcePosition(mark) }

    /// `key:` with nothing after it, `~` or `null`: YAML's null, which the format reads as "not given".
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How the value reads to a person, for "expected …, found …".
    var foundDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return "nothing" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            switch scalar.style {
            case .plain: return "'\(text)'"
            case .literal, .folded: return "a block of text"
            default: return "the quoted text \"\(text)\""
            }
        }
    }
}
