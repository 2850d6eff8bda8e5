import RoutingEngine

/// A loaded topology file: its text, the topology it reads as, and where each value is written.
/// Edits change the text at those places only and load the result with the same loader, so an edit
/// is refused exactly as the file would be, and saving writes back the user's own text.
public struct TopologyDocument: Sendable, Equatable {
    /// The name refusals use (the path, or the bundled topology's name).
    public let file: String
    public let text: String
    public let topology: Topology
    public let outline: YAMLOutline

    public static func == (a: Self, b: Self) -> Bool { a.file == b.file && a.text == b.text }

    /// The same text loaded again under another name (`:saveas`).
    public func renamed(_ file: String) throws(TopologyErrors) -> TopologyDocument {
        try TopologyLoader.document(text, file: file)
    }
}

/// A change to the text: bytes `start..<end` become `text`.
struct TextReplacement {
    let start: Int
    let end: Int
    let text: String
}

/// The primitive edits of a YAML text, each written the way the surrounding text is written (block
/// lines at the block's indentation, flow items inside the brackets), touching no other byte.
struct TextEditor {
    let bytes: [UInt8]
    private(set) var replacements: [TextReplacement] = []

    init(_ text: String) {
        var text = text
        bytes = text.withUTF8 { Array($0) }
    }

    /// The text with every replacement made (they must not overlap).
    func result() -> String {
        var out = bytes
        // From the end backwards; two insertions at one place keep the order they were made in.
        let ordered = replacements.enumerated().sorted { ($0.element.start, $0.offset) > ($1.element.start, $1.offset) }
        for replacement in ordered.map(\.element) {
            out.replaceSubrange(replacement.start..<replacement.end, with: Array(replacement.text.utf8))
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func replace(_ start: Int, _ end: Int, with text: String) {
        replacements.append(TextReplacement(start: start, end: end, text: text))
    }

    // MARK: values

    /// Writes `value` over a node; an empty value (`key:`) gets ` value` after its colon.
    mutating func replace(_ node: YAMLOutline, with value: String) {
        replace(node.start, node.end, with: node.isEmpty ? " " + value : value)
    }

    /// Sets `key` of a mapping: over its value when present, else a new entry written like the others.
    mutating func set(_ key: String, to value: String, in mapping: YAMLOutline) {
        if let entry = mapping.entry(key) { return replace(entry.value, with: value) }
        guard let entries = mapping.entries else { return replace(mapping, with: "{\(key): \(value)}") }
        if mapping.isFlow {
            let close = closingBracket(of: mapping)
            return replace(close, close, with: entries.isEmpty ? "\(key): \(value)" : ", \(key): \(value)")
        }
        let indent = String(repeating: " ", count: column(of: entries.first?.keyStart ?? mapping.start))
        insertLine(after: mapping.end, "\(indent)\(key): \(value)")
    }

    /// Removes `key` and its value from a mapping.
    mutating func remove(_ key: String, from mapping: YAMLOutline) {
        guard let entries = mapping.entries, let index = entries.firstIndex(where: { $0.key == key }) else { return }
        let entry = entries[index]
        let valueEnd = max(entry.value.end, entry.colonEnd)
        if mapping.isFlow {
            if index + 1 < entries.count { return replace(entry.keyStart, entries[index + 1].keyStart, with: "") }
            if index > 0 {
                let before = entries[index - 1]
                return replace(max(before.value.end, before.colonEnd), valueEnd, with: "")
            }
            return replace(entry.keyStart, valueEnd, with: "")
        }
        if !onlySpaces(from: lineStart(of: entry.keyStart), to: entry.keyStart) {
            // The first key of a list item (`- site: x`): the next key moves up behind the dash.
            if index + 1 < entries.count { return replace(entry.keyStart, entries[index + 1].keyStart, with: "") }
            return replace(entry.keyStart, valueEnd, with: "{}")
        }
        replace(lineStart(of: entry.keyStart), lineEnd(after: valueEnd), with: "")
    }

    // MARK: lists

    /// Appends an item to a list, as a flow item or a block line (`- …`) like the items before it.
    mutating func append(_ item: Item, to list: YAMLOutline) {
        guard let items = list.items else { return replace(list, with: "[\(item.flow)]") }
        if list.isFlow {
            let close = closingBracket(of: list)
            return replace(close, close, with: items.isEmpty ? item.flow : ", \(item.flow)")
        }
        let dash = column(of: list.start)
        insertLine(after: list.end, item.block(indent: dash))
    }

    /// Appends to the list under `key`, creating the key (a flow list) when the mapping has none.
    mutating func append(_ item: Item, toListAt key: String, in mapping: YAMLOutline) {
        if let list = mapping[key], !list.isEmpty { return append(item, to: list) }
        set(key, to: "[\(item.flow)]", in: mapping)
    }

    /// Removes item `index` of a list.
    mutating func remove(item index: Int, of list: YAMLOutline) {
        guard let items = list.items, items.indices.contains(index) else { return }
        let item = items[index]
        if list.isFlow {
            if index + 1 < items.count { return replace(item.start, items[index + 1].start, with: "") }
            if index > 0 { return replace(items[index - 1].end, item.end, with: "") }
            return replace(item.start, item.end, with: "")
        }
        if items.count == 1 {
            // The list's only item: leave an empty list, not a key with nothing (which means "not given").
            let indent = String(repeating: " ", count: column(of: list.start))
            return replace(lineStart(of: item.start), lineEnd(after: item.end), with: indent + "[]\n")
        }
        replace(lineStart(of: item.start), lineEnd(after: item.end), with: "")
    }

    /// A list item: a scalar, or a mapping of keys to values already written as YAML.
    enum Item {
        case scalar(String)
        case mapping([(String, String)])

        var flow: String {
            switch self {
            case .scalar(let text): text
            case .mapping(let pairs): "{" + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
            }
        }

        func block(indent: Int) -> String {
            let pad = String(repeating: " ", count: indent)
            switch self {
            case .scalar(let text): return "\(pad)- \(text)"
            case .mapping(let pairs):
                return pairs.enumerated().map { index, pair in
                    (index == 0 ? "\(pad)- " : "\(pad)  ") + "\(pair.0): \(pair.1)"
                }.joined(separator: "\n")
            }
        }
    }

    // MARK: positions

    /// The byte of a flow collection's closing bracket, less the spaces before it.
    private func closingBracket(of node: YAMLOutline) -> Int {
        var index = node.end - 1
        while index - 1 > node.start, bytes[index - 1] == 0x20 { index -= 1 }
        return index
    }

    func lineStart(of offset: Int) -> Int {
        var index = min(offset, bytes.count)
        while index > 0, bytes[index - 1] != 0x0A, bytes[index - 1] != 0x0D { index -= 1 }
        return index
    }

    /// The byte after the line break that ends the line holding `offset - 1` (the end of the text if none).
    func lineEnd(after offset: Int) -> Int {
        var index = max(0, offset)
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        if index < bytes.count, bytes[index] == 0x0D { index += 1 }
        if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        return index
    }

    /// The column (in characters, 0-based) of a byte.
    func column(of offset: Int) -> Int {
        String(decoding: bytes[lineStart(of: offset)..<offset], as: UTF8.self).unicodeScalars.count
    }

    private func onlySpaces(from start: Int, to end: Int) -> Bool {
        bytes[start..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// A new line after the line that holds the byte before `offset`, ending the text's last line first
    /// when it has no line break.
    private mutating func insertLine(after offset: Int, _ line: String) {
        let at = lineEnd(after: offset)
        let needsBreak = at == bytes.count && !(bytes.last == 0x0A || bytes.last == 0x0D)
        replace(at, at, with: (needsBreak ? "\n" : "") + line + "\n")
    }
}
