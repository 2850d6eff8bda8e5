import RoutingEngine
import Yams

/// A value of the file with where it came from: `path` names it in messages (`nvas[0].asn`).
struct Field {
    /// The key it was written under; nil for a list item.
    let key: YAMLNode?
    let value: YAMLNode
    let path: String

    /// Where to point: at the value, or at its key when the value is missing (`asn:` and nothing after).
    var position: SourcePosition {
        if value.isNull, let key { return key.position }
        return value.position
    }

    /// The items of a list value, each with its own path (`sites[2]`).
    func items() -> [Field]? {
        guard case .sequence(let sequence) = value else { return nil }
        return sequence.enumerated().map { Field(key: nil, value: $1, path: "\(path)[\($0)]") }
    }
}

/// One mapping of the file, read key by key. Unknown keys are refused once, up front, with the
/// closest valid key as a hint.
struct MappingReader {
    let path: String
    let position: SourcePosition
    private var fields: [String: Field] = [:]
    private let log: DiagnosticLog

    /// Nil (and refused) when `field` is not a mapping. `expected` completes "expected … for PATH".
    init?(_ field: Field, expected: String, keys: [String], log: DiagnosticLog, typeHint: String? = nil,
          unknownKeyHint: ((String) -> String?)? = nil) {
        self.path = field.path
        self.position = field.position
        self.log = log
        guard case .mapping(let mapping) = field.value else {
            log.refuse(Self.typeMessage(expected: expected, path: field.path, found: field.value), at: field.position,
                       hint: typeHint ?? (field.value.isNull ? nil : "write it as indented key: value lines, or {key: value, …}"))
            return nil
        }
        let place = path.isEmpty ? "at the top level" : "in \(path)"
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, !key.isNull else {
                log.refuse("expected a key name \(place), found \(key.foundDescription)", at: key.position)
                continue
            }
            let name = scalar.string
            guard keys.contains(name) else {
                let hint = unknownKeyHint?(name) ?? (name == "<<"
                    ? "YAML merge keys (<<) are not supported; write the keys out"
                    : Suggestions.hint(for: name, in: keys, listName: "valid keys"))
                log.refuse("unknown key '\(name)' \(place)", at: key.position, hint: hint)
                continue
            }
            fields[name] = Field(key: key, value: value, path: path.isEmpty ? name : "\(path).\(name)")
        }
    }

    /// The key's value, nil when absent or null (an optional key left empty means "not given").
    subscript(_ key: String) -> Field? {
        guard let field = fields[key], !field.value.isNull else { return nil }
        return field
    }

    /// The key's value even when null (the typed reader then says "found nothing"); refused when absent.
    func required(_ key: String, hint: String? = nil) -> Field? {
        if let field = fields[key] { return field }
        let place = path.isEmpty ? "at the top level" : "in \(path)"
        log.refuse("missing key '\(key)' \(place)", at: position, hint: hint)
        return nil
    }

    /// Where the key is written, for refusals about the whole key (an NVA list without a Route Server).
    func keyPosition(_ key: String) -> SourcePosition? { fields[key]?.key?.position }

    static func typeMessage(expected: String, path: String, found: YAMLNode) -> String {
        path.isEmpty ? "expected \(expected), found \(found.foundDescription)"
            : "expected \(expected) for \(path), found \(found.foundDescription)"
    }
}
