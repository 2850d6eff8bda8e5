import Yams

/// What every file the module reads starts with: refuse alias keys before Yams hashes them, parse,
/// turn syntax errors into positions, refuse an empty document.
enum YAMLDocument {
    static func root(of yaml: String, file: String, emptyMessage: String, emptyHint: String?) throws(TopologyErrors) -> YAMLNode {
        if let refusal = AliasKeyGuard.refusal(in: yaml, file: file) { throw TopologyErrors(refusal) }
        if let refusal = conflictMarker(in: yaml, file: file) { throw TopologyErrors(refusal) }
        let root: YAMLNode?
        do {
            // The basic resolver: the format reads every scalar from its text and style (ScalarValues), so
            // resolving YAML 1.1 types with regular expressions was a tenth of loading a large file for nothing.
            root = try Yams.compose(yaml: yaml, .basic)
        } catch {
            throw TopologyErrors(YAMLSyntaxError.refusal(for: error, in: yaml, file: file))
        }
        guard let root, !root.isNull else {
            throw TopologyErrors(TopologyError(file: file, line: 1, column: 1, message: emptyMessage, hint: emptyHint))
        }
        return root
    }

    /// A scenario or lesson kept in git can come back with both sides of a merge in it; YAML would
    /// report a puzzling syntax error a line later. Lines counted as libyaml counts them, like every
    /// other position; the walk runs only when a marker can be there.
    static func conflictMarker(in yaml: String, file: String) -> TopologyError? {
        guard yaml.containsBytes("<<<<<<< ") || yaml.containsBytes(">>>>>>> ") || yaml.containsBytes("=======") else { return nil }
        let markers = ["<<<<<<< ", ">>>>>>> "].map { Array($0.unicodeScalars) }
        let separator = Array("=======".unicodeScalars)
        for (index, line) in SourcePosition.lines(of: yaml).enumerated()
        where markers.contains(where: { line.starts(with: $0) }) || line == separator {
            return TopologyError(file: file, line: index + 1, column: 1, message: "an unresolved merge conflict marker",
                                 hint: "keep one side of the conflict and delete the <<<<<<<, ======= and >>>>>>> lines")
        }
        return nil
    }
}
