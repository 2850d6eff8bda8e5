/// An IPv4 address. IPv6 is out of scope (see the README).
public struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: UInt32

    public init(_ value: UInt32) { self.value = value }

    /// Parses dotted-quad text; nil unless it is exactly four numbers 0–255.
    public init?(_ text: some StringProtocol) {
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

    public static func parse(_ text: some StringProtocol) -> Result<Prefix, ParseError> {
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
