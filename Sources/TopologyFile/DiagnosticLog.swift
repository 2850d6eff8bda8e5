/// Collects the refusals of one file, so a single pass reports every problem it can find.
final class DiagnosticLog {
    let file: String
    private(set) var errors: [TopologyError] = []
    private var seen: Set<String> = []

    init(file: String) { self.file = file }

    func refuse(_ message: String, at position: SourcePosition, hint: String? = nil) {
        // An aliased node is read once per use; say it once.
        guard seen.insert("\(position.line):\(position.column):\(message)").inserted else { return }
        errors.append(TopologyError(file: file, line: position.line, column: position.column, message: message, hint: hint))
    }

    var isEmpty: Bool { errors.isEmpty }
}
