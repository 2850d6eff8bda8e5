/// A refusal of a topology file, pointing at the offending key or value.
public struct TopologyError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based, counted in Unicode scalars.
    public var column: Int
    public var message: String
    public var hint: String?

    public init(file: String, line: Int, column: Int, message: String, hint: String? = nil) {
        self.file = file; self.line = line; self.column = column; self.message = message; self.hint = hint
    }

    /// `file:line:column: message`, then `  hint: …` on its own line.
    public var description: String {
        "\(file):\(line):\(column): \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}

/// Every refusal found in one pass over a file, in file order.
public struct TopologyErrors: Error, CustomStringConvertible, Equatable, Sendable {
    public var errors: [TopologyError]

    public init(_ errors: [TopologyError]) {
        self.errors = errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    public var first: TopologyError { errors[0] }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
