import Yams

/// Where every value of a loaded file is written, as UTF-8 byte ranges of its text: what edits need to
/// change one value and leave every other byte alone. Built from the tree the loader parsed.
public struct YAMLOutline: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The scalar's text as YAML reads it; `plain` when written without quotes or block markers.
        case scalar(String, plain: Bool)
        case mapping([Entry])
        case sequence([YAMLOutline])
        /// An alias or anything else edits do not touch.
        case opaque
    }

    public struct Entry: Sendable, Equatable {
        public let key: String
        /// The key's first byte, and the byte after its `:`.
        public let keyStart: Int
        public let colonEnd: Int
        public let value: YAMLOutline
    }

    public let kind: Kind
    /// Flow style (`[a, b]`, `{k: v}`); false for block collections and scalars.
    public let isFlow: Bool
    /// The node's first byte and the byte after its last one (a flow collection's closing bracket
    /// included, a block collection's last value's end).
    public let start: Int
    public let end: Int

    /// An empty value (`key:` and nothing): where it would be written.
    public var isEmpty: Bool { if case .scalar("", plain: true) = kind { return true } else { return false } }

    public var entries: [Entry]? { if case .mapping(let entries) = kind { return entries } else { return nil } }
    public var items: [YAMLOutline]? { if case .sequence(let items) = kind { return items } else { return nil } }
    public var text: String? { if case .scalar(let text, _) = kind { return text } else { return nil } }

    public subscript(key: String) -> YAMLOutline? { entries?.first { $0.key == key }?.value }
    public func entry(_ key: String) -> Entry? { entries?.first { $0.key == key } }

    /// The node at a path such as `nvas[2].asn` (the paths refusals name).
    public func node(at path: String) -> YAMLOutline? {
        var node: YAMLOutline? = self
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var indexes: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "["), let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                indexes.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { node = node?[String(name)] }
            for index in indexes {
                guard let items = node?.items, items.indices.contains(index) else { return nil }
                node = items[index]
            }
        }
        return node
    }
}

extension YAMLOutline {
    /// Builds the outline of `root`, parsed from `bytes`.
    static func make(_ root: YAMLNode, bytes: [UInt8]) -> YAMLOutline {
        var builder = Builder(bytes: bytes)
        return builder.outline(root, flowDepth: 0)
    }

    private struct Builder {
        let bytes: [UInt8]
        /// The byte offset where each line starts, lines counted as libyaml counts them.
        let lineStarts: [Int]

        init(bytes: [UInt8]) {
            self.bytes = bytes
            var starts = [0], index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                    index += 1
                    starts.append(index + 1)
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                          bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    index += 2
                    starts.append(index + 1)
                }
                index += 1
            }
            lineStarts = starts
        }

        /// The byte of a 1-based line and a column counted in Unicode scalars.
        func offset(_ mark: Mark?) -> Int {
            guard let mark, mark.line >= 1, mark.line <= lineStarts.count else { return bytes.count }
            var index = lineStarts[mark.line - 1]
            var column = 1
            while column < mark.column, index < bytes.count {
                index += Self.scalarLength(bytes[index])
                column += 1
            }
            return min(index, bytes.count)
        }

        static func scalarLength(_ lead: UInt8) -> Int {
            lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        }

        mutating func outline(_ node: YAMLNode, flowDepth: Int) -> YAMLOutline {
            let start = offset(node.mark)
            switch node {
            case .scalar(let scalar):
                let plain = scalar.style == .plain
                if plain, scalar.string.isEmpty || node.isNull && scalar.string.isEmpty {
                    return YAMLOutline(kind: .scalar("", plain: true), isFlow: false, start: start, end: start)
                }
                return YAMLOutline(kind: .scalar(scalar.string, plain: plain), isFlow: false, start: start,
                                   end: scalarEnd(scalar, at: start, inFlow: flowDepth > 0))
            case .mapping(let mapping):
                // The style as written (the composed node does not keep it).
                let flow = start < bytes.count && bytes[start] == UInt8(ascii: "{")
                var entries: [Entry] = []
                for (key, value) in mapping {
                    let keyStart = offset(key.mark)
                    let keyEnd = key.scalar.map { scalarEnd($0, at: keyStart, inFlow: flow || flowDepth > 0) } ?? keyStart
                    let colonEnd = colon(after: keyEnd)
                    var child = outline(value, flowDepth: flowDepth + (flow ? 1 : 0))
                    // `key:` with nothing after it: the value is written right after the colon.
                    if child.isEmpty { child = YAMLOutline(kind: child.kind, isFlow: false, start: colonEnd, end: colonEnd) }
                    entries.append(Entry(key: key.scalar?.string ?? "", keyStart: keyStart, colonEnd: colonEnd, value: child))
                }
                let last = entries.last.map { max($0.value.end, $0.colonEnd) } ?? start
                return YAMLOutline(kind: .mapping(entries), isFlow: flow, start: start,
                                   end: flow ? closing(UInt8(ascii: "}"), from: max(last, start + 1)) : last)
            case .sequence(let sequence):
                let flow = start < bytes.count && bytes[start] == UInt8(ascii: "[")
                let items = sequence.map { outline($0, flowDepth: flowDepth + (flow ? 1 : 0)) }
                let last = items.last?.end ?? start
                return YAMLOutline(kind: .sequence(items), isFlow: flow, start: start,
                                   end: flow ? closing(UInt8(ascii: "]"), from: max(last, start + 1)) : last)
            case .alias:
                return YAMLOutline(kind: .opaque, isFlow: false, start: start, end: start)
            }
        }

        /// The byte after a scalar: a plain one-line scalar is its own text; quoted ones end at the
        /// closing quote; anything else runs to the end of its line (less a comment).
        func scalarEnd(_ scalar: YAMLNode.Scalar, at start: Int, inFlow: Bool) -> Int {
            switch scalar.style {
            case .plain:
                // A one-line plain scalar is written as its own text: compare in place, no copies.
                var index = start
                for byte in scalar.string.utf8 {
                    guard index < bytes.count, bytes[index] == byte else { return lineEnd(from: start, stopAtFlow: inFlow) }
                    index += 1
                }
                return index
            case .singleQuoted:
                var index = start + 1
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "'") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") { index += 2; continue }
                        return index + 1
                    }
                    index += 1
                }
                return bytes.count
            case .doubleQuoted:
                var index = start + 1
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                    if bytes[index] == UInt8(ascii: "\"") { return index + 1 }
                    index += 1
                }
                return bytes.count
            default:
                return lineEnd(from: start, stopAtFlow: inFlow)
            }
        }

        /// The end of a value that runs to the end of its line: before ` #` and trailing spaces.
        func lineEnd(from start: Int, stopAtFlow: Bool) -> Int {
            var index = start
            while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D {
                if bytes[index] == UInt8(ascii: "#"), index > start, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { break }
                if stopAtFlow, [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[index]) { break }
                index += 1
            }
            while index > start, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { index -= 1 }
            return index
        }

        /// The byte after the `:` that follows a key.
        func colon(after index: Int) -> Int {
            var index = index
            while index < bytes.count, bytes[index] != UInt8(ascii: ":") { index += 1 }
            return min(index + 1, bytes.count)
        }

        /// The byte after the closing bracket at or after `from`, skipping commas, spaces and comments.
        func closing(_ bracket: UInt8, from: Int) -> Int {
            var index = from
            while index < bytes.count {
                let byte = bytes[index]
                if byte == bracket { return index + 1 }
                if byte == UInt8(ascii: "#") {
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                    continue
                }
                index += 1
            }
            return bytes.count
        }
    }
}
