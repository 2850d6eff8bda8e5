/// Refuses, before Yams reads the file, mapping keys that are aliases (`*x: …`) or explicit complex keys
/// (`? …`). Yams hashes every key to find duplicates, and an alias key can stand for a billion nodes
/// ("billion laughs"), which would hang the loader. Topology keys are plain names, so nothing is lost.
enum AliasKeyGuard {
    static func refusal(in yaml: String, file: String) -> TopologyError? {
        // Without both an anchor and an alias nothing can expand.
        guard yaml.utf8.contains(UInt8(ascii: "&")), yaml.utf8.contains(UInt8(ascii: "*")) else { return nil }
        // Lines as libyaml reads them: a key can start after a CR or a NEL as well as after a LF.
        for (index, scalars) in SourcePosition.lines(of: yaml).enumerated() {
            for start in keyStarts(in: scalars) {
                guard let message = complexKey(at: start, in: scalars) else { continue }
                return TopologyError(file: file, line: index + 1, column: start + 1, message: message,
                                     hint: "keys in a topology file are plain names such as hub or asn")
            }
        }
        return nil
    }

    /// Where a key may start on the line: after the indentation and any `- ` markers, and after `{` or `,`
    /// outside quotes and comments.
    private static func keyStarts(in line: [Unicode.Scalar]) -> [Int] {
        func skipSpaces(_ index: Int) -> Int {
            var index = index
            while index < line.count, line[index] == " " { index += 1 }
            return index
        }
        var first = skipSpaces(0)
        while first < line.count, line[first] == "-", first + 1 == line.count || line[first + 1] == " " {
            first = skipSpaces(first + 1)
        }
        var starts = [first]
        var quote: Unicode.Scalar?
        for (index, scalar) in line.enumerated() {
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "#", index == 0 || line[index - 1] == " " {
                break
            } else if scalar == "{" || scalar == "," {
                starts.append(skipSpaces(index + 1))
            }
        }
        return starts
    }

    /// The refusal when an alias key or a complex key starts at `start`, else nil.
    private static func complexKey(at start: Int, in line: [Unicode.Scalar]) -> String? {
        guard start < line.count else { return nil }
        let isEnd = { (index: Int) in index >= line.count || line[index] == " " }
        if line[start] == "?", isEnd(start + 1) { return "complex keys (? …) are not allowed in a topology file" }
        guard line[start] == "*" else { return nil }
        var index = start + 1
        while index < line.count, !" :,]}".unicodeScalars.contains(line[index]) { index += 1 }
        while index < line.count, line[index] == " " { index += 1 }
        guard index < line.count, line[index] == ":" else { return nil }
        let isKey = isEnd(index + 1) || ",}".unicodeScalars.contains(line[index + 1])
        return isKey ? "an alias (*name) cannot be used as a key" : nil
    }
}
