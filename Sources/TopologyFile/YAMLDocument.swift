import Yams

/// What every file the module reads starts with: refuse alias keys before Yams hashes them, parse,
/// turn syntax errors into positions, refuse an empty document.
enum YAMLDocument {
    static func root(of yaml: String, file: String, emptyMessage: String, emptyHint: String?) throws(TopologyErrors) -> YAMLNode {
        if let refusal = AliasKeyGuard.refusal(in: yaml, file: file) { throw TopologyErrors(refusal) }
        if let refusal = conflictMarker(in: yaml, file: file) { throw TopologyErrors(refusal) }
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

    /// A scenario or lesson kept in git can come back with both sides of a merge in it; YAML would
    /// report a puzzling syntax error a line later.
    static func conflictMarker(in yaml: String, file: String) -> TopologyError? {
        let markers: [[UInt8]] = [Array("<<<<<<< ".utf8), Array(">>>>>>> ".utf8)]
        let separator = Array("=======".utf8)
        for (index, line) in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.prefix { $0 != UInt8(ascii: "\r") }
            guard markers.contains(where: { line.starts(with: $0) }) || trimmed.elementsEqual(separator) else { continue }
            return TopologyError(file: file, line: index + 1, column: 1, message: "an unresolved merge conflict marker",
                                 hint: "keep one side of the conflict and delete the <<<<<<<, ======= and >>>>>>> lines")
        }
        return nil
    }
}
