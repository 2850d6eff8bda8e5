/// A refusal of a topology file, pointing at the offending key or value.
public struct TopologyError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based, counted in Unicode scalars (as libyaml counts them).
    public var column: Int
    public var message: String
    public var hint: String?

    public init(file: String, line: Int, column: Int, message: String, hint: String? = nil) {
        self.file = file; self.line = line; self.column = column; self.message = message; self.hint = hint
    }

    /// A name that names nothing (`lesson nosuch`): there is no file, so no position to point at.
    public static func lookup(_ message: String, hint: String? = nil) -> TopologyError {
        TopologyError(file: "", line: 0, column: 0, message: message, hint: hint)
    }

    public var hasPosition: Bool { line > 0 }

    /// `file:line:column: message` (just the message for a look-up), then `  hint: …` on its own line.
    public var description: String {
        (hasPosition ? "\(file):\(line):\(column): \(message)" : message) + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}

/// What `TopologyLoader` and `BundledTopologies` throw: every refusal found in one pass over a file
/// (at least one), in file order (line, then column).
public struct TopologyErrors: Error, CustomStringConvertible, Equatable, Sendable {
    public var errors: [TopologyError]

    /// Sorts by position; refusals at the same position keep the order they were found in.
    public init(_ errors: [TopologyError]) {
        self.errors = errors.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }

    /// The first refusal in the file; the one to show when there is room for one.
    public var first: TopologyError {
        errors.first ?? TopologyError(file: "", line: 1, column: 1, message: "the topology could not be read")
    }

    /// One refusal per block, in order.
    public var description: String { errors.map(\.description).joined(separator: "\n") }

    /// The refusals an error carries: each of a `TopologyErrors`, a lone `TopologyError`; nil for any other error.
    public static func refusals(in error: any Error) -> [TopologyError]? {
        switch error {
        case let single as TopologyError: [single]
        case let several as TopologyErrors: several.errors
        default: nil
        }
    }

    /// One refusal, thrown on its own.
    init(_ error: TopologyError) { self.errors = [error] }
}
