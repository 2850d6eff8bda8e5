import Yams

/// libyaml's complaints, in plain words, at the position it names.
enum YAMLSyntaxError {
    static func refusal(for error: any Error, in yaml: String, file: String) -> TopologyError {
        func at(_ position: SourcePosition, _ message: String, hint: String? = nil) -> TopologyError {
            TopologyError(file: file, line: position.line, column: position.column, message: message, hint: hint)
        }
        guard let error = error as? YamlError else { return at(.start, "the file is not valid YAML") }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let position = SourcePosition(mark)
            if problem.contains("another document") {
                return at(position, "the file holds more than one YAML document",
                          hint: "remove this '---' line: the file is one document")
            }
            if problem.contains("Maximum nesting level") || context?.text.contains("Maximum nesting level") == true {
                return at(position, "the file is nested too deeply")
            }
            let (message, hint) = explain(problem, at: position, in: yaml)
            var detail = ""
            if let context, !context.text.isEmpty, context.mark.line != mark.line {
                detail = " (\(context.text) that starts at line \(context.mark.line))"
            }
            return at(position, "YAML syntax error: \(message)\(detail)", hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = SourcePosition(context.mark)
            let second = secondOccurrence(of: key, after: first, in: yaml) ?? first
            return at(second, "the key '\(key)' appears twice in one mapping",
                      hint: second == first ? "give each key once" : "first defined at line \(first.line); give each key once")
        case .reader(let problem, let offset, let value, _):
            let position = offset.map { SourcePosition(scalarOffset: scalarOffset(ofCharacter: $0, in: yaml), in: yaml) } ?? .start
            if problem.contains("control characters"), value >= 0 {
                let hex = String(value, radix: 16, uppercase: true)
                let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                return at(position, "the file contains the control character U+\(code), which YAML does not allow",
                          hint: "these files are YAML text; is this the right file?")
            }
            return at(position, "the file cannot be read as YAML text: \(problem)")
        default:
            return at(.start, "the file is not valid YAML")
        }
    }

    /// libyaml's wording, lightly plainer, and what usually fixes it.
    private static func explain(_ problem: String, at position: SourcePosition, in yaml: String) -> (String, String?) {
        let character = self.character(at: position, in: yaml)
        if character == "\t" || problem.contains("tab") {
            return ("a tab character where YAML expects spaces", "indent with spaces, not tabs")
        }
        switch problem {
        case let text where text.contains("mapping values are not allowed"):
            return ("a ':' where this line cannot have one",
                    "check this line's indentation, or quote a value that contains ': '")
        case let text where text.contains("did not find expected key"):
            return ("this line does not line up with the keys above it",
                    "the keys of one mapping start in the same column; check the indentation")
        case let text where text.contains("did not find expected '-' indicator"):
            return ("this line does not line up with the list items above it",
                    "the '- ' items of one list start in the same column")
        case let text where text.contains("could not find expected ':'"):
            return ("a key without a ':' after it", "write key: value")
        case let text where text.contains("did not find expected ',' or ']'"):
            return ("a list in brackets that is not closed", "close it with ']' and separate items with ','")
        case let text where text.contains("did not find expected ',' or '}'"):
            return ("a mapping in braces that is not closed", "close it with '}' and separate entries with ','")
        case let text where text.contains("found unexpected end of stream"):
            return ("the file ends inside a quoted text", "close the quotes")
        case let text where text.contains("found undefined alias"):
            return ("an alias (*name) whose anchor (&name) is not defined above it", "define the anchor first, or write the value out")
        case let text where text.contains("found character that cannot start any token"):
            let shown = character.map { "'\($0)'" } ?? "this character"
            return ("\(shown) cannot start a value", "quote the value, e.g. \"\(character.map(String.init) ?? "")…\"")
        case let text where text.contains("block sequence entries are not allowed"):
            return ("a '- ' list item where a value was expected on the same line", "start the list on the next line, indented")
        case let text where text.contains("found unknown escape character"):
            return ("an unknown backslash escape in double quotes", "use single quotes, or write \\\\ for a backslash")
        default:
            return (problem, nil)
        }
    }

    private static func character(at position: SourcePosition, in yaml: String) -> Character? {
        let lines = SourcePosition.lines(of: yaml)
        guard position.line - 1 < lines.count else { return nil }
        let scalars = lines[position.line - 1]
        guard position.column - 1 < scalars.count else { return nil }
        return Character(scalars[position.column - 1])
    }

    /// Yams gives only the first occurrence of a duplicated key; the second is where to point.
    /// Searches the rest of the block (lines indented at least as far), then the same line (flow style).
    static func secondOccurrence(of key: String, after first: SourcePosition, in yaml: String) -> SourcePosition? {
        let lines = SourcePosition.lines(of: yaml)
        guard first.line - 1 < lines.count else { return nil }
        let candidates = [key, "\"\(key)\"", "'\(key)'"]
        func isKey(_ line: [Unicode.Scalar], at column: Int) -> Bool {
            candidates.contains { candidate in
                let scalars = Array(candidate.unicodeScalars)
                guard column + scalars.count <= line.count, Array(line[column..<column + scalars.count]) == scalars else { return false }
                let rest = line[(column + scalars.count)...].drop { $0 == " " }
                return rest.first == ":"
            }
        }
        let column = first.column - 1
        for index in first.line..<lines.count {
            let line = lines[index]
            guard let indent = line.firstIndex(where: { $0 != " " }), line[indent] != "#" else { continue }
            if indent < column { break }
            if indent == column, isKey(line, at: column) { return SourcePosition(line: index + 1, column: column + 1) }
        }
        let line = lines[first.line - 1]
        var start = column + 1
        while start < line.count {
            if [",", "{", " "].contains(line[start - 1]), isKey(line, at: start) {
                return SourcePosition(line: first.line, column: start + 1)
            }
            start += 1
        }
        return nil
    }

    /// Yams reports reader offsets in Characters; positions count Unicode scalars.
    private static func scalarOffset(ofCharacter offset: Int, in yaml: String) -> Int {
        guard let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) else {
            return yaml.unicodeScalars.count
        }
        return yaml.unicodeScalars.distance(from: yaml.unicodeScalars.startIndex, to: index)
    }
}
