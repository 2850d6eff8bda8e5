/// An IPv4 address. IPv6 is out of scope (see the README).
public struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: UInt32

    public init(_ value: UInt32) { self.value = value }

    /// Parses dotted-quad text; nil unless it is exactly four numbers 0–255.
    public init?(_ text: some StringProtocol) {
        // Digits and dots only (every address a file holds): read the bytes; anything else the general way.
        switch DottedDigits.read(text.utf8) {
        case .address(let value)?:
            self.value = value
            return
        case .notAnAddress?:
            return nil
        case nil:
            break
        }
        var value: UInt32 = 0
        var octets = 0
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCII),
                  let octet = UInt32(part), octet <= 255 else { return nil }
            value = value << 8 | octet
            octets += 1
        }
        guard octets == 4 else { return nil }
        self.value = value
    }

    /// Dotted quad, written byte by byte: tables print it for every route (string interpolation was
    /// a tenth of drawing a 13,000-row effective-route table).
    public var description: String { text(suffixLength: nil) }

    /// The dotted quad, then `/length` when given.
    func text(suffixLength length: Int?) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 19) { buffer in
            var end = 0
            func decimal(_ number: UInt32) {
                if number >= 100 { buffer[end] = 0x30 + UInt8(number / 100); end += 1 }
                if number >= 10 { buffer[end] = 0x30 + UInt8(number / 10 % 10); end += 1 }
                buffer[end] = 0x30 + UInt8(number % 10); end += 1
            }
            for shift in [24, 16, 8, 0] as [UInt32] {
                if shift != 24 { buffer[end] = 0x2E; end += 1 }
                decimal(value >> shift & 0xff)
            }
            if let length {
                buffer[end] = 0x2F; end += 1
                decimal(UInt32(length))
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<end]), as: UTF8.self)
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }

    /// The address `offset` places further on (wraps at the end of the space).
    public func advanced(by offset: UInt32) -> IPv4Address { IPv4Address(value &+ offset) }
}

/// An IPv4 prefix with no host bits set.
public struct Prefix: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let network: IPv4Address
    public let length: Int

    public enum ParseError: Error, Equatable, Sendable {
        case malformed
        /// Host bits are set; `suggestion` is the prefix the user most likely meant.
        case hostBits(suggestion: Prefix)
    }

    /// Masks the address to the length; use `parse` to refuse host bits instead.
    public init(_ address: IPv4Address, length: Int) {
        precondition((0...32).contains(length), "prefix length out of range")
        self.network = IPv4Address(address.value & Prefix.mask(length))
        self.length = length
    }

    /// A `String` (what the loader has) is read from its contiguous bytes: the generic version below,
    /// called across modules, is not specialised and paid for generic metadata on every prefix of a file.
    public static func parse(_ text: String) -> Result<Prefix, ParseError> {
        if let fast = text.utf8.withContiguousStorageIfAvailable({ digitsAndDots($0) }), let result = fast { return result }
        return general(text)
    }

    public static func parse(_ text: some StringProtocol) -> Result<Prefix, ParseError> {
        digitsAndDots(text.utf8) ?? general(text)
    }

    /// The common case, `a.b.c.d/len` in digits, read from the bytes without allocating; nil for
    /// anything else (the general parser decides).
    private static func digitsAndDots<Bytes: Collection>(_ bytes: Bytes) -> Result<Prefix, ParseError>? where Bytes.Element == UInt8 {
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        let digits = bytes[bytes.index(after: slash)...]
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), case .address(let value)? = DottedDigits.read(bytes[..<slash]) else {
            return nil
        }
        guard (1...2).contains(digits.count) else { return .failure(.malformed) }
        let length = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard length <= 32 else { return .failure(.malformed) }
        let prefix = Prefix(IPv4Address(value), length: length)
        return prefix.network.value == value ? .success(prefix) : .failure(.hostBits(suggestion: prefix))
    }

    private static func general(_ text: some StringProtocol) -> Result<Prefix, ParseError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPv4Address(parts[0]),
              (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isASCII),
              let length = Int(parts[1]), (0...32).contains(length) else { return .failure(.malformed) }
        let prefix = Prefix(address, length: length)
        return prefix.network == address ? .success(prefix) : .failure(.hostBits(suggestion: prefix))
    }

    /// Parses or traps: for literals in code and tests.
    public init(_ text: String) {
        guard case .success(let prefix) = Prefix.parse(text) else { preconditionFailure("bad prefix literal \(text)") }
        self = prefix
    }

    public static func mask(_ length: Int) -> UInt32 { length == 0 ? 0 : ~UInt32(0) << UInt32(32 - length) }

    public var mask: UInt32 { Prefix.mask(length) }
    public var addressCount: UInt64 { UInt64(1) << UInt64(32 - length) }
    public var lastAddress: IPv4Address { IPv4Address(network.value | ~mask) }

    public func contains(_ address: IPv4Address) -> Bool { address.value & mask == network.value }

    /// True when `other` lies within this prefix (equal counts).
    public func contains(_ other: Prefix) -> Bool { other.length >= length && contains(other.network) }

    public func overlaps(_ other: Prefix) -> Bool { contains(other) || other.contains(self) }

    public var description: String { network.text(suffixLength: length) }

    /// Address order, then shorter first: the order `show ip bgp` prints.
    public static func < (a: Self, b: Self) -> Bool {
        a.network != b.network ? a.network < b.network : a.length < b.length
    }

    public static let defaultRoute = Prefix(IPv4Address(0), length: 0)
}

/// Dotted-quad text made only of digits and dots, read from its bytes (loading a file parses thousands).
enum DottedDigits {
    enum Reading { case address(UInt32), notAnAddress }

    /// nil when the text has other characters than digits and dots (the general parser decides then).
    static func read<Bytes: Collection>(_ bytes: Bytes) -> Reading? where Bytes.Element == UInt8 {
        var value: UInt32 = 0, octet: UInt32 = 0, digits = 0, octets = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return bytes.allSatisfy(isDigitOrDot) ? .notAnAddress : nil }
                value = value << 8 | octet
                octets += 1
                octet = 0
                digits = 0
            } else if byte >= 0x30 && byte <= 0x39 {
                octet = octet * 10 + UInt32(byte - 0x30)
                digits += 1
                if digits > 3 || octet > 255 { return bytes.allSatisfy(isDigitOrDot) ? .notAnAddress : nil }
            } else {
                return nil
            }
        }
        guard digits > 0, octets == 3 else { return .notAnAddress }
        return .address(value << 8 | octet)
    }

    private static func isDigitOrDot(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ".") || (byte >= 0x30 && byte <= 0x39) }
}
