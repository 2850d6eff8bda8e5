import RoutingEngine
import Yams

/// Text, names, booleans, whole numbers, ASNs and the enumerations of the format.
extension TopologyDecoder {
    /// The text of a scalar (quoted or not); refused for a list, a mapping or nothing.
    func text(_ field: Field, expected: String = "text") -> String? {
        guard case .scalar(let scalar) = field.value, !field.value.isNull else {
            typeMismatch(field, expected: expected)
            return nil
        }
        return scalar.string
    }

    /// An element name: one word, because the CLI and `down` take names (`a--b`, `name#1`).
    func name(_ field: Field) -> String? {
        guard let name = text(field, expected: "a name") else { return nil }
        if name.isEmpty {
            log.refuse("\(field.path) is empty", at: field.position, hint: "every element needs a name: --node and down: use it")
            return nil
        }
        if name.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) {
            log.refuse("the name '\(name)' contains a space", at: field.position,
                       hint: "Azure names are one word: letters, digits, '-', '_' and '.'")
            return nil
        }
        if name.contains("--") || name.contains("#") {
            log.refuse("the name '\(name)' contains '\(name.contains("--") ? "--" : "#")'", at: field.position,
                       hint: "'a--b' names a session and 'name#1' an instance in down:, so names cannot contain them")
            return nil
        }
        return name
    }

    /// `true` or `false` (YAML 1.2: `yes`/`no`/`on`/`off` are refused, not guessed at).
    func bool(_ field: Field) -> Bool? {
        if case .scalar(let scalar) = field.value, !field.value.isNull {
            let text = scalar.string
            if scalar.style == .plain {
                if ["true", "True", "TRUE"].contains(text) { return true }
                if ["false", "False", "FALSE"].contains(text) { return false }
            }
            let hint: String? = switch text.lowercased() {
            case "true", "false": "remove the quotes"
            case "yes", "on": "write true"
            case "no", "off": "write false"
            default: nil
            }
            typeMismatch(field, expected: "true or false", hint: hint)
            return nil
        }
        typeMismatch(field, expected: "true or false")
        return nil
    }

    /// A plain decimal whole number in `range`; `noun` names it in the out-of-range message.
    func integer(_ field: Field, in range: ClosedRange<Int>, noun: String, expected: String, rangeHint: String) -> Int? {
        guard let digits = plainInteger(field, expected: expected) else { return nil }
        guard let value = Int(digits), range.contains(value) else {
            log.refuse("\(noun) \(digits) is out of range", at: field.position, hint: rangeHint)
            return nil
        }
        return value
    }

    /// An ASN: 1–4294967295, written as a plain number. Reserved and 32-bit ASNs load: the engine
    /// shows what Azure does with them (R19).
    func asn(_ field: Field) -> UInt32? {
        let expected = "an ASN (a whole number from 1 to 4294967295)"
        if case .scalar(let scalar) = field.value, scalar.style == .plain, let asdot = Self.asdot(scalar.string) {
            log.refuse("'\(scalar.string)' is not an ASN", at: field.position,
                       hint: "an ASN is a whole number from 1 to 4294967295 "
                           + "(read as asdot notation, \(scalar.string) would be \(asdot))")
            return nil
        }
        guard let digits = plainInteger(field, expected: expected) else { return nil }
        guard let value = UInt32(digits), value >= 1 else {
            log.refuse("ASN \(digits) is out of range", at: field.position,
                       hint: "ASNs are 1–4294967295; private ones are 64512–65534 and 4200000000–4294967294")
            return nil
        }
        return value
    }

    /// One of an enumeration's raw values, matched without regard to case as the command line and `:set`
    /// match them (`aspath` is `ASPath`); the writer spells it as Azure does.
    func choice<Value: RawRepresentable & CaseIterable>(_ field: Field, of _: Value.Type, noun: String) -> Value?
        where Value.RawValue == String {
        let values = Value.allCases.map(\.rawValue)
        guard let text = text(field, expected: "one of \(values.joined(separator: ", "))") else { return nil }
        switch EnumeratedValue.parse(text, as: Value.self, noun: noun) {
        case .success(let value): return value
        case .failure(let refusal):
            log.refuse(refusal.message, at: field.position, hint: refusal.hint)
            return nil
        }
    }

    /// The list items of a field; refused, with how to write it as a list, when it is not one.
    func list(_ field: Field, expected: String) -> [Field]? {
        if let items = field.items() { return items }
        var hint: String?
        switch field.value {
        case .scalar(let scalar) where !field.value.isNull: hint = "write it as a list: [\(scalar.string)]"
        case .mapping: hint = "start each item of the list with '- '"
        default: break
        }
        typeMismatch(field, expected: expected, hint: hint)
        return nil
    }

    func typeMismatch(_ field: Field, expected: String, hint: String? = nil) {
        log.refuse(MappingReader.typeMessage(expected: expected, path: field.path, found: field.value),
                   at: field.position, hint: hint)
    }

    // MARK: helpers

    /// The digits of a plain integer scalar (sign kept, `+` dropped); refused for anything else.
    private func plainInteger(_ field: Field, expected: String) -> String? {
        guard case .scalar(let scalar) = field.value, !field.value.isNull else {
            typeMismatch(field, expected: expected)
            return nil
        }
        var text = Substring(scalar.string)
        let negative = text.first == "-"
        if text.first == "-" || text.first == "+" { text = text.dropFirst() }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            typeMismatch(field, expected: expected)
            return nil
        }
        guard scalar.style == .plain else {
            typeMismatch(field, expected: expected, hint: "remove the quotes")
            return nil
        }
        // Leading zeros dropped, so "007" reads 7 and a 30-digit number is still out of range, not unparsed.
        let digits = text.drop { $0 == "0" }
        let magnitude = digits.isEmpty ? "0" : String(digits)
        return negative && magnitude != "0" ? "-" + magnitude : magnitude
    }

    /// asdot notation (`1.10`, RFC 5396) → the plain number it stands for.
    private static func asdot(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let high = UInt16(parts[0]), high > 0, let low = UInt16(parts[1]) else { return nil }
        return UInt32(high) << 16 | UInt32(low)
    }
}
