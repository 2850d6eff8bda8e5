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
        var line = 1, column = 1, previous: Unicode.Scalar?
        for scalar in text.unicodeScalars.prefix(max(0, offset)) {
            if Self.isLineBreak(scalar) {
                if !(scalar == "\n" && previous == "\r") { line += 1; column = 1 }
            } else {
                column += 1
            }
            previous = scalar
        }
        self.init(line: line, column: column)
    }

    /// libyaml's line breaks (YAML 1.1): LF, CR (CR LF counts once), NEL, LS and PS. Every position in a
    /// refusal counts lines this way, as libyaml's own marks do.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar)
    }

    /// The lines of `text` as libyaml counts them, each as its Unicode scalars without the break.
    static func lines(of text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = [], line: [Unicode.Scalar] = [], previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if isLineBreak(scalar) {
                if !(scalar == "\n" && previous == "\r") { lines.append(line); line = [] }
            } else {
                line.append(scalar)
            }
            previous = scalar
        }
        lines.append(line)
        return lines
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
