import Testing
@testable import RoutingEngine

/// Addresses and prefixes made of digits and dots are read from their bytes (loading the scale file
/// parses thousands); every text must read as the general parser reads it.
@Suite("Address and prefix parsing: the byte fast path agrees with the general parser")
struct AddressParsingTests {
    /// The general parser, as it was before the fast path.
    static func reference(_ text: String) -> IPv4Address? {
        var value: UInt32 = 0, octets = 0
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCII), let octet = UInt32(part), octet <= 255 else { return nil }
            value = value << 8 | octet
            octets += 1
        }
        return octets == 4 ? IPv4Address(value) : nil
    }

    static func reference(prefix text: String) -> Result<Prefix, Prefix.ParseError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = reference(String(parts[0])), (1...2).contains(parts[1].count),
              parts[1].allSatisfy(\.isASCII), let length = Int(parts[1]), (0...32).contains(length) else { return .failure(.malformed) }
        let prefix = Prefix(address, length: length)
        return prefix.network == address ? .success(prefix) : .failure(.hostBits(suggestion: prefix))
    }

    @Test("known texts, and 20,000 random texts of digits, dots, slashes and a few other characters")
    func agrees() {
        let known = ["10.0.0.0/16", "10.1.0.1/16", "0.0.0.0/0", "255.255.255.255/32", "1.2.3.4/33", "1.2.3/24", "1.2.3.4.5/8",
                     "01.002.3.4", "256.1.1.1", "1..2.3", "", ".", "1.2.3.4/", "/8", "1.2.3.4//8", "+1.2.3.4", "1.2.3.4/+8",
                     "1.2.3.4/08", "1.2.3.4/008", "٣.2.3.4", "10.0.0.0/16 ", "1234.1.1.1", "1.2.3.4a"]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789..../+-a ")
        let random = (0..<20_000).map { _ in
            String((0..<Int.random(in: 0...18, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        for text in known + random {
            #expect(IPv4Address(text) == Self.reference(text), "address '\(text)'")
            #expect(Prefix.parse(text) == Self.reference(prefix: text), "prefix '\(text)'")
            // A String reads its bytes; any other StringProtocol (a Substring) the generic way.
            #expect(Prefix.parse(text[...]) == Self.reference(prefix: text), "prefix '\(text)' as a Substring")
        }
    }
}
