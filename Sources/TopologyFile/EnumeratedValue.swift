import RoutingEngine

/// One of an enumeration's raw values (`hubRoutingPreference: ASPath`), matched without regard to case,
/// or the words of its refusal. The loader, the command line's flags and the explorer's `:set` read
/// enumerated values here, so a bad value gets the same message and hint wherever it is typed.
public enum EnumeratedValue {
    public struct Refusal: Error, Equatable, Sendable {
        public let message: String
        public let hint: String
    }

    /// The value whose raw value `text` is, in any case (`aspath` is `ASPath`).
    public static func match<Value: RawRepresentable & CaseIterable>(_ text: String, as _: Value.Type) -> Value?
        where Value.RawValue == String {
        Value(rawValue: text) ?? Value.allCases.first { $0.rawValue.lowercased() == text.lowercased() }
    }

    /// `noun` is the file's key (`hubRoutingPreference`), the word every front end refuses with.
    public static func parse<Value: RawRepresentable & CaseIterable>(_ text: String, as type: Value.Type, noun: String)
        -> Result<Value, Refusal> where Value.RawValue == String {
        if let value = match(text, as: type) { return .success(value) }
        let values = Value.allCases.map(\.rawValue)
        let list = values.joined(separator: ", ")
        let hint = Suggestions.closest(to: text, in: values).map { "did you mean '\($0)'? (valid values: \(list))" }
            ?? "valid values: \(list)"
        return .failure(Refusal(message: "unknown \(noun) '\(text)'", hint: hint))
    }
}
