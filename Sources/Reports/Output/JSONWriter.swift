import RoutingEngine

/// How a pretty-printed JSON document is laid out.
public struct JSONLayout: Sendable {
    let colon: [UInt8]
    /// Foundation writes an empty array as `[`, an empty line and `]` at the container's indent.
    let emptyContainersOpen: Bool

    /// Foundation's JSONEncoder with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: `"key" : value`.
    public static let foundation = JSONLayout(colon: Array(" : ".utf8), emptyContainersOpen: true)
    /// Python's `json.dumps(indent=2, sort_keys=True)`, which the az CLI prints: `"key": value`, `[]`.
    public static let python = JSONLayout(colon: Array(": ".utf8), emptyContainersOpen: false)
}

/// Pretty-printed JSON written into a sink as it is produced: objects by a `JSONSchema`, whose fields
/// are sorted once, arrays element by element. Nothing is held but the container depth.
public final class JSONWriter {
    let sink: OutputSink
    let layout: JSONLayout
    /// Behind a pointer, as the sink's buffer is: no exclusivity check per element.
    private let level: UnsafeMutablePointer<Int>
    private var depth: Int {
        get { level.pointee }
        set { level.pointee = newValue }
    }

    /// A newline and the spaces of the deepest indent written in one piece (every field starts a line).
    private let newlineAndSpaces: UnsafeMutableBufferPointer<UInt8>

    public init(_ sink: OutputSink, layout: JSONLayout = .foundation) {
        self.sink = sink
        self.layout = layout
        level = .allocate(capacity: 1)
        level.initialize(to: 0)
        newlineAndSpaces = .allocate(capacity: 129)
        newlineAndSpaces.initialize(repeating: 0x20)
        newlineAndSpaces[0] = 0x0A
    }

    deinit {
        level.deallocate()
        newlineAndSpaces.deallocate()
    }

    /// A whole document: the value and a final newline.
    public func document<Value>(_ value: Value, _ schema: JSONSchema<Value>) {
        object(value, schema)
        sink.write(0x0A)
    }

    public func object<Value>(_ value: Value, _ schema: JSONSchema<Value>) {
        sink.write(0x7B)
        var written = 0
        for field in schema.fields where field.isPresent?(value) ?? true {
            separator(first: written == 0)
            sink.write(field.quotedKey)
            sink.write(layout.colon)
            depth += 1
            field.write(self, value)
            depth -= 1
            written += 1
        }
        close(0x7D, empty: written == 0)
    }

    public func array<Items: Sequence>(_ items: Items, _ element: (JSONWriter, Items.Element) -> Void) {
        sink.write(0x5B)
        var written = 0
        for item in items {
            separator(first: written == 0)
            depth += 1
            element(self, item)
            depth -= 1
            written += 1
        }
        close(0x5D, empty: written == 0)
    }

    public func array<Items: Sequence>(_ items: Items, _ schema: JSONSchema<Items.Element>) {
        array(items) { writer, item in writer.object(item, schema) }
    }

    public func null() { sink.write(JSONWriter.nullBytes) }
    public func bool(_ value: Bool) { sink.write(value ? JSONWriter.trueBytes : JSONWriter.falseBytes) }
    public func number(_ value: some BinaryInteger) { sink.decimal(value) }

    public func string(_ text: String) {
        sink.write(0x22)
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C { return false }
            sink.write(bytes)
            return true
        }
        if plain != true {
            for byte in text.utf8 { escaped(byte) }
        }
        sink.write(0x22)
    }

    /// A string made of an address or prefix, written without building it.
    public func string(_ prefix: Prefix) { sink.write(0x22); sink.prefix(prefix); sink.write(0x22) }
    public func string(_ address: IPv4Address) { sink.write(0x22); sink.address(address); sink.write(0x22) }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8), nullBytes = Array("null".utf8)

    private func escaped(_ byte: UInt8) {
        switch byte {
        case 0x22: sink.write(Array(#"\""#.utf8))
        case 0x5C: sink.write(Array(#"\\"#.utf8))
        case 0x0A: sink.write(Array(#"\n"#.utf8))
        case 0x0D: sink.write(Array(#"\r"#.utf8))
        case 0x09: sink.write(Array(#"\t"#.utf8))
        case 0x08: sink.write(Array(#"\b"#.utf8))
        case 0x0C: sink.write(Array(#"\f"#.utf8))
        case ..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            sink.write(Array(#"\u00"#.utf8))
            sink.write(hex[Int(byte >> 4)])
            sink.write(hex[Int(byte & 0xF)])
        default: sink.write(byte)
        }
    }

    private func separator(first: Bool) {
        if !first { sink.write(0x2C) }
        newline(indent: depth + 1)
    }

    private func close(_ bracket: UInt8, empty: Bool) {
        if !empty || layout.emptyContainersOpen {
            if empty { sink.write(0x0A) }
            newline(indent: depth)
        }
        sink.write(bracket)
    }

    /// A newline, then two spaces a level.
    private func newline(indent level: Int) {
        let count = 1 + level * 2
        if count <= newlineAndSpaces.count {
            sink.write(UnsafeBufferPointer(rebasing: newlineAndSpaces[..<count]))
        } else {
            sink.write(0x0A)
            sink.repeating(0x20, count: level * 2)
        }
    }
}

/// The fields of one kind of JSON object, sorted by key (byte order, as JSONEncoder's `.sortedKeys`).
/// A field is one line: `.string("vnet") { $0.vnet.name }`; an optional one is left out when absent
/// (`.stringIfPresent`) or written as null (`.string` returning nil).
public struct JSONSchema<Value>: Sendable {
    public struct Field: Sendable {
        let key: String
        let quotedKey: [UInt8]
        /// nil: always written.
        let isPresent: (@Sendable (Value) -> Bool)?
        let write: @Sendable (JSONWriter, Value) -> Void

        public init(_ key: String, isPresent: (@Sendable (Value) -> Bool)? = nil,
                    write: @escaping @Sendable (JSONWriter, Value) -> Void) {
            self.key = key
            self.quotedKey = Array("\"\(key)\"".utf8)
            self.isPresent = isPresent
            self.write = write
        }
    }

    let fields: [Field]

    public init(_ fields: [Field]) {
        self.fields = fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }
}

extension JSONSchema.Field {
    /// A string; nil is written as null.
    public static func string(_ key: String, _ get: @escaping @Sendable (Value) -> String?) -> Self {
        Self(key) { writer, value in
            if let text = get(value) { writer.string(text) } else { writer.null() }
        }
    }

    /// A string left out when absent.
    public static func stringIfPresent(_ key: String, _ get: @escaping @Sendable (Value) -> String?) -> Self {
        Self(key, isPresent: { get($0) != nil }) { writer, value in writer.string(get(value)!) }
    }

    public static func prefix(_ key: String, _ get: @escaping @Sendable (Value) -> Prefix) -> Self {
        Self(key) { writer, value in writer.string(get(value)) }
    }

    public static func address(_ key: String, _ get: @escaping @Sendable (Value) -> IPv4Address) -> Self {
        Self(key) { writer, value in writer.string(get(value)) }
    }

    /// A number; nil is written as null.
    public static func number<N: BinaryInteger & SendableMetatype>(_ key: String, _ get: @escaping @Sendable (Value) -> N?) -> Self {
        Self(key) { writer, value in
            if let number = get(value) { writer.number(number) } else { writer.null() }
        }
    }

    /// A Boolean; nil is written as null.
    public static func bool(_ key: String, _ get: @escaping @Sendable (Value) -> Bool?) -> Self {
        Self(key) { writer, value in
            if let bool = get(value) { writer.bool(bool) } else { writer.null() }
        }
    }

    public static func strings(_ key: String, _ get: @escaping @Sendable (Value) -> [String]) -> Self {
        Self(key) { writer, value in writer.array(get(value)) { $0.string($1) } }
    }

    /// An array of strings left out when absent (an empty array is written).
    public static func stringsIfPresent(_ key: String, _ get: @escaping @Sendable (Value) -> [String]?) -> Self {
        Self(key, isPresent: { get($0) != nil }) { writer, value in writer.array(get(value)!) { $0.string($1) } }
    }

    public static func addresses(_ key: String, _ get: @escaping @Sendable (Value) -> [IPv4Address]) -> Self {
        Self(key) { writer, value in writer.array(get(value)) { $0.string($1) } }
    }

    public static func numbers<N: BinaryInteger & SendableMetatype>(_ key: String, _ get: @escaping @Sendable (Value) -> [N]) -> Self {
        Self(key) { writer, value in writer.array(get(value)) { $0.number($1) } }
    }

    public static func object<Inner>(_ key: String, _ schema: JSONSchema<Inner>, _ get: @escaping @Sendable (Value) -> Inner) -> Self {
        Self(key) { writer, value in writer.object(get(value), schema) }
    }

    /// An array of objects left out when absent.
    public static func objectsIfPresent<Items: Sequence & SendableMetatype>(_ key: String, _ schema: JSONSchema<Items.Element>,
                                                         _ get: @escaping @Sendable (Value) -> Items?) -> Self {
        Self(key, isPresent: { get($0) != nil }) { writer, value in writer.array(get(value)!, schema) }
    }

    /// An array of objects, written as the sequence yields them.
    public static func objects<Items: Sequence & SendableMetatype>(_ key: String, _ schema: JSONSchema<Items.Element>,
                                                _ get: @escaping @Sendable (Value) -> Items) -> Self {
        Self(key) { writer, value in writer.array(get(value), schema) }
    }

    /// An array of objects left out when absent.
    public static func objectsIfPresent<Inner>(_ key: String, _ schema: JSONSchema<Inner>,
                                               _ get: @escaping @Sendable (Value) -> [Inner]?) -> Self {
        Self(key, isPresent: { get($0) != nil }) { writer, value in writer.array(get(value)!, schema) }
    }
}
