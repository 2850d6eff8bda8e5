import RoutingEngine
import Yams

/// Yams' tree node; the engine has a `Node` of its own.
typealias YAMLNode = Yams.Node

/// Reads a composed YAML tree with positions, collecting every refusal instead of stopping at the
/// first, so `check` can list them all. Typed readers return nil after recording an error.
final class YAMLReader {
    let file: String
    private(set) var errors: [TopologyError] = []

    init(file: String) { self.file = file }

    func fail(_ node: YAMLNode?, _ message: String, hint: String? = nil) {
        let mark = node?.mark
        errors.append(TopologyError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message, hint: hint))
    }

    // MARK: mappings

    /// A mapping's entries by key, with the key nodes for positions.
    struct Fields {
        let node: YAMLNode
        let path: String
        var entries: [String: (key: YAMLNode, value: YAMLNode)]
        subscript(key: String) -> YAMLNode? { entries[key]?.value }
        func keyNode(_ key: String) -> YAMLNode? { entries[key]?.key }
    }

    /// Refuses anything but a mapping, unknown keys (with a did-you-mean) and repeated keys.
    func fields(_ node: YAMLNode, at path: String, allowed: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            fail(node, "expected a mapping for \(path), found \(describe(node))")
            return nil
        }
        var entries: [String: (key: YAMLNode, value: YAMLNode)] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                fail(key, "expected a key name in \(path), found \(describe(key))")
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                let place = path == "the file" ? "at the top level" : "in \(path)"
                fail(key, "unknown key '\(name)' \(place)", hint: Suggestions.hint(for: name, in: allowed, listName: "valid keys"))
                continue
            }
            if let first = entries[name] {
                fail(key, "key '\(name)' appears twice in \(path)", hint: "first given at line \(first.key.mark?.line ?? 0)")
                continue
            }
            entries[name] = (key, value)
        }
        return Fields(node: node, path: path, entries: entries)
    }

    /// The value of a required key, or an error at the mapping that lacks it.
    func required(_ fields: Fields, _ key: String) -> YAMLNode? {
        if let value = fields[key], !isNull(value) { return value }
        if let keyNode = fields.keyNode(key) {
            fail(keyNode, "'\(key)' in \(fields.path) has no value")
        } else {
            fail(fields.node, "missing key '\(key)' in \(fields.path)")
        }
        return nil
    }

    // MARK: scalars

    func string(_ node: YAMLNode, _ what: String) -> String? {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            fail(node, "expected a name for \(what), found \(describe(node))")
            return nil
        }
        let text = scalar.string
        guard !text.allSatisfy(\.isWhitespace) else {
            fail(node, "\(what) is empty")
            return nil
        }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            fail(node, "\(what) contains control characters")
            return nil
        }
        return text
    }

    /// Free text (titles, descriptions): any scalar.
    func text(_ node: YAMLNode, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            fail(node, "expected text for \(what), found \(describe(node))")
            return nil
        }
        return scalar.string
    }

    func integer(_ node: YAMLNode, _ what: String, in range: ClosedRange<Int64>, rangeText: String) -> Int64? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int64(scalar.string) else {
            let quoted = { if case .scalar(let s) = node, s.style != .plain, Int64(s.string) != nil { true } else { false } }()
            fail(node, "expected a number for \(what), found \(describe(node))",
                 hint: quoted ? "remove the quotes" : nil)
            return nil
        }
        guard range.contains(value) else {
            fail(node, "\(what) \(scalar.string) is out of range", hint: rangeText)
            return nil
        }
        return value
    }

    func asn(_ node: YAMLNode, _ what: String) -> UInt32? {
        if case .scalar(let scalar) = node, scalar.style == .plain, scalar.string.hasPrefix("-") || Int64(scalar.string) == nil,
           scalar.string.allSatisfy({ $0.isNumber || $0 == "-" }), !scalar.string.isEmpty {
            fail(node, "\(what) \(scalar.string) is not a valid ASN", hint: "an ASN is a whole number from 1 to 4294967295")
            return nil
        }
        return integer(node, what, in: 1...4_294_967_295, rangeText: "an ASN is a whole number from 1 to 4294967295")
            .map { UInt32($0) }
    }

    func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        if case .scalar(let scalar) = node, scalar.style == .plain {
            switch scalar.string {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        fail(node, "expected true or false for \(what), found \(describe(node))")
        return nil
    }

    func prefix(_ node: YAMLNode, _ what: String) -> Prefix? {
        guard case .scalar(let scalar) = node else {
            fail(node, "expected an IPv4 prefix for \(what), found \(describe(node))")
            return nil
        }
        switch Prefix.parse(scalar.string) {
        case .success(let prefix):
            return prefix
        case .failure(.hostBits(let suggestion)):
            fail(node, "'\(scalar.string)' has host bits set (\(what))", hint: "did you mean \(suggestion)?")
        case .failure(.malformed):
            fail(node, "'\(scalar.string)' is not an IPv4 prefix (\(what))", hint: "write it as a.b.c.d/len, e.g. 10.1.0.0/16")
        }
        return nil
    }

    func address(_ node: YAMLNode, _ what: String) -> IPv4Address? {
        guard case .scalar(let scalar) = node, let address = IPv4Address(scalar.string) else {
            fail(node, "expected an IPv4 address for \(what), found \(describe(node))", hint: "write it as a.b.c.d, e.g. 10.0.2.4")
            return nil
        }
        return address
    }

    func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ what: String, as type: T.Type) -> T? where T.RawValue == String {
        let valid = T.allCases.map(\.rawValue)
        guard case .scalar(let scalar) = node else {
            fail(node, "expected one of \(valid.joined(separator: ", ")) for \(what), found \(describe(node))")
            return nil
        }
        guard let value = T(rawValue: scalar.string) else {
            fail(node, "'\(scalar.string)' is not a valid \(what)", hint: Suggestions.hint(for: scalar.string, in: valid))
            return nil
        }
        return value
    }

    func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        if isNull(node) { return [] }
        guard case .sequence(let sequence) = node else {
            fail(node, "expected a list for \(what), found \(describe(node))",
                 hint: { if case .scalar = node { "write it as a list: [\(node.string ?? "")]" } else { nil } }())
            return nil
        }
        return Array(sequence)
    }

    // MARK: helpers

    func isNull(_ node: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func describe(_ node: YAMLNode) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull(node) { return "nothing" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(37)) + "..." : scalar.string
            if scalar.style == .plain {
                if Int64(scalar.string) != nil { return "the number \(text)" }
                if ["true", "false"].contains(scalar.string.lowercased()) { return "the boolean \(text)" }
            }
            return "'\(text)'"
        }
    }
}
