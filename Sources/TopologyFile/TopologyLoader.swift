import Foundation
import RoutingEngine
import Yams

/// Reads topology files (contract §1): YAML in, `Topology` out, or every refusal found in one pass, each
/// with `file:line:column`, sorted by position.
public enum TopologyLoader {
    /// Ten times the YAML of the largest network Azure's limits allow (8 NVAs × 1,000 routes, 10,000
    /// over a Premium circuit: ~400 KB); a file near the limit still parses in about half a second
    /// (release), and a wrong file (a log, an image) is refused at once instead of parsed for seconds.
    public static let maximumFileSize = 4 * 1024 * 1024

    public static func load(contentsOf path: String) throws(TopologyErrors) -> Topology {
        try parse(readText(path), file: path)
    }

    /// `file` names the source in messages; its last path component, less `.yaml`/`.yml`, is the default name.
    public static func parse(_ yaml: String, file: String) throws(TopologyErrors) -> Topology {
        try decode(yaml, file: file).topology
    }

    /// The topology with its text and where each value is written: what edits and `:w` work on.
    /// The same checks as `parse`, so an edited text is refused exactly as the file would be.
    public static func document(_ yaml: String, file: String) throws(TopologyErrors) -> TopologyDocument {
        let (topology, root) = try decode(yaml, file: file)
        var text = yaml
        let bytes = text.withUTF8 { Array($0) }
        return TopologyDocument(file: file, text: yaml, topology: topology, outline: YAMLOutline.make(root, bytes: bytes))
    }

    public static func document(contentsOf path: String) throws(TopologyErrors) -> TopologyDocument {
        try document(readText(path), file: path)
    }

    private static func decode(_ yaml: String, file: String) throws(TopologyErrors) -> (topology: Topology, root: YAMLNode) {
        let root = try YAMLDocument.root(of: yaml, file: file, emptyMessage: "the file is empty",
                                         emptyHint: "a topology needs at least a hub: {name: hub-vnet, addressSpace: [10.0.0.0/16]}")
        let log = DiagnosticLog(file: file)
        let decoder = TopologyDecoder(log: log)
        let topology = decoder.decode(root, defaultName: defaultName(for: file))
        ReferenceChecks(decoder: decoder).run()
        guard log.isEmpty, let topology else { throw TopologyErrors(log.errors) }
        return (topology, root)
    }

    /// The file name without `.yaml`/`.yml`.
    static func defaultName(for file: String) -> String {
        var name = String(file.split(separator: "/", omittingEmptySubsequences: true).last ?? "")
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        return name
    }

    /// The file's text; a refusal at 1:1 when it cannot be read, or at the first byte that is not UTF-8.
    static func readText(_ path: String) throws(TopologyErrors) -> String {
        func refuse(_ message: String, hint: String? = nil) -> TopologyErrors {
            TopologyErrors(TopologyError(file: path, line: 1, column: 1, message: message, hint: hint))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw refuse("cannot read file: no such file")
        }
        guard !isDirectory.boolValue else { throw refuse("cannot read file: it is a directory", hint: "name a .yaml file") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? NSNumber, size.intValue > maximumFileSize {
            throw refuse("cannot read file: it is \(size.intValue / 1_048_576) MB; "
                         + "these files are limited to \(maximumFileSize / 1_048_576) MB")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw refuse("cannot read file: permission denied or unreadable")
        }
        guard data.count <= maximumFileSize else {
            throw refuse("cannot read file: it is larger than \(maximumFileSize / 1_048_576) MB")
        }
        return try utf8Text(data, file: path)
    }

    /// Decodes UTF-8, refusing at the first byte that is not (binary files, Latin-1, UTF-16).
    static func utf8Text(_ data: Data, file: String) throws(TopologyErrors) -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0, line = 1, column = 1, previous: Unicode.Scalar?
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                offset += encoded.count
                let scalar = Unicode.UTF8.decode(encoded)
                if SourcePosition.isLineBreak(scalar) {
                    if !(scalar == "\n" && previous == "\r") { line += 1; column = 1 }
                } else {
                    column += 1
                }
                previous = scalar
            case .error:
                let byte = data.dropFirst(offset).first.map { " (byte 0x\(String($0, radix: 16, uppercase: true)))" } ?? ""
                throw TopologyErrors(TopologyError(file: file, line: line, column: column,
                                                   message: "the file is not UTF-8 text\(byte)",
                                                   hint: "these files are YAML text; save it as UTF-8"))
            case .emptyInput:
                return String(decoding: data, as: UTF8.self)
            }
        }
    }
}
