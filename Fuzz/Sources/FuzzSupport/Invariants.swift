import TopologyFile

/// The checks every fuzz target makes of the loaders' refusals. A broken invariant traps, so libFuzzer
/// reports it like a crash and keeps the input.
public enum Invariants {
    /// Every refusal of `text` (read as `file`): at least one; each in that file, at a position inside the
    /// text (`LineMap.contains`), with a message and no empty hint; sorted by position.
    public static func checkRefusals(_ errors: [TopologyError], in text: String, file: String) {
        let lines = LineMap(text)
        require(!errors.isEmpty, "a refusal without an error", text)
        for error in errors {
            require(error.file == file, "refusal names file '\(error.file)', not '\(file)': \(error)", text)
            require(lines.contains(line: error.line, column: error.column),
                    "refusal outside the text (\(lines.summary)): \(error)", text)
            require(!error.message.isEmpty, "refusal without a message: \(error)", text)
            require(error.hint.map { !$0.isEmpty } ?? true, "refusal with an empty hint: \(error)", text)
        }
        let positions = errors.map { [$0.line, $0.column] }
        require(positions == positions.sorted { $0.lexicographicallyPrecedes($1) }, "refusals out of order", text)
    }

    /// Traps with the message and the input when `condition` is false.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String, _ input: String) {
        guard !condition else { return }
        fatalError("invariant broken: \(message())\n--- input:\n\(input)\n---")
    }
}

/// The lines of a text as libyaml counts them (its positions are the ones the loaders report):
/// a line ends at LF, CR, CR LF, NEL, LS or PS; columns count Unicode scalars.
public struct LineMap {
    /// Scalars on each line, without its break.
    public let lengths: [Int]

    public init(_ text: String) {
        var lengths: [Int] = [], length = 0, previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previous == "\r": break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": lengths.append(length); length = 0
            default: length += 1
            }
            previous = scalar
        }
        lengths.append(length)
        self.lengths = lengths
    }

    /// Whether the 1-based position is on a line of the text, at most one column past its end; or at the
    /// start of the line after a text that does not end with a line break, where libyaml puts the end of
    /// the stream.
    public func contains(line: Int, column: Int) -> Bool {
        if line == lengths.count + 1, lengths[line - 2] > 0 { return column == 1 }
        return line >= 1 && line <= lengths.count && column >= 1 && column <= lengths[line - 1] + 1
    }

    public var summary: String { "\(lengths.count) lines" }
}
