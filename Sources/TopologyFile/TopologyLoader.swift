import Foundation
import RoutingEngine
import Yams

/// Reads topology files: YAML → `Topology`, or `TopologyErrors` with `file:line:column` for each refusal.
public enum TopologyLoader {
    /// Larger than any real hub (the scale topology is about 0.4 MB); beyond it, a mistake.
    public static let maximumFileSize = 8 * 1024 * 1024

    public static func load(contentsOf path: String) throws(TopologyErrors) -> Topology {
        let fail = { (message: String, hint: String?) in
            TopologyErrors([TopologyError(file: path, line: 1, column: 1, message: message, hint: hint)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fail("cannot read file: no such file", nil)
        }
        guard !isDirectory.boolValue else { throw fail("cannot read file: it is a directory", "name a .yaml file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw fail("cannot read file: permission denied or unreadable", nil)
        }
        guard data.count <= maximumFileSize else {
            throw fail("the file is too large (\(data.count / 1_048_576) MB; topology files are limited to \(maximumFileSize / 1_048_576) MB)", nil)
        }
        guard !data.contains(0), let text = String(data: data, encoding: .utf8) else {
            throw fail("the file is not UTF-8 text", "a topology is a YAML text file")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ yaml: String, file: String) throws(TopologyErrors) -> Topology {
        let reader = YAMLReader(file: file)
        let root: YAMLNode?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw TopologyErrors([syntaxError(error, file: file)])
        }
        guard let root, !reader.isNull(root) else {
            throw TopologyErrors([TopologyError(file: file, line: 1, column: 1, message: "the file is empty",
                                                hint: "a topology needs at least a hub: {name: hub-vnet, addressSpace: [10.0.0.0/16]}")])
        }
        let decoder = TopologyDecoder(reader: reader)
        let topology = decoder.decode(root, defaultName: defaultName(for: file))
        if let topology { TopologyValidator.validate(topology, decoder) }
        guard reader.errors.isEmpty, let topology else { throw TopologyErrors(reader.errors) }
        return topology
    }

    /// The file name without `.yaml`/`.yml`.
    static func defaultName(for file: String) -> String {
        var name = URL(fileURLWithPath: file).lastPathComponent
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name
    }

    /// libyaml's complaint, in plain words, at its position.
    private static func syntaxError(_ error: any Error, file: String) -> TopologyError {
        guard let yaml = error as? YamlError else {
            return TopologyError(file: file, line: 1, column: 1, message: "YAML syntax error")
        }
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return TopologyError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)\(detail)",
                                 hint: problem.contains("tab") ? "indent with spaces, not tabs" : "check the indentation and the brackets around this point")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return TopologyError(file: file, line: context.mark.line, column: context.mark.column,
                                 message: "a mapping has the key \(keys) more than once", hint: "give each key once")
        case .reader(let problem, let offset, _, _):
            return TopologyError(file: file, line: 1, column: 1 + (offset ?? 0), message: "cannot read the file as YAML: \(problem)")
        default:
            return TopologyError(file: file, line: 1, column: 1, message: "YAML syntax error")
        }
    }
}
