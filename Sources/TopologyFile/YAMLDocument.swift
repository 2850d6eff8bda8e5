import Yams

/// What every file the module reads starts with: refuse alias keys before Yams hashes them, parse,
/// turn syntax errors into positions, refuse an empty document.
enum YAMLDocument {
    static func root(of yaml: String, file: String, emptyMessage: String, emptyHint: String?) throws(TopologyErrors) -> YAMLNode {
        if let refusal = AliasKeyGuard.refusal(in: yaml, file: file) { throw TopologyErrors(refusal) }
        let root: YAMLNode?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw TopologyErrors(YAMLSyntaxError.refusal(for: error, in: yaml, file: file))
        }
        guard let root, !root.isNull else {
            throw TopologyErrors(TopologyError(file: file, line: 1, column: 1, message: emptyMessage, hint: emptyHint))
        }
        return root
    }
}
