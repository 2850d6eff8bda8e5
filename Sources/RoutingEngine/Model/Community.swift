/// A BGP community (RFC 1997): the well-known ones by name, the rest as `high:low`.
public struct Community: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: UInt32

    public init(_ value: UInt32) { self.value = value }
    public init(_ high: UInt16, _ low: UInt16) { value = UInt32(high) << 16 | UInt32(low) }

    public static let noExport = Community(0xFFFF_FF01)
    public static let noAdvertise = Community(0xFFFF_FF02)
    /// R8/R10: Route Server tags what it sends to gateways; an ER gateway drops it when it comes back.
    public static let routeServerTag = Community(65517, 65517)

    public init?(_ text: String) {
        switch text.lowercased() {
        case "no-export": self = .noExport
        case "no-advertise": self = .noAdvertise
        default:
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let high = UInt16(parts[0]), let low = UInt16(parts[1]) else { return nil }
            self.init(high, low)
        }
    }

    public var description: String {
        switch self {
        case .noExport: "no-export"
        case .noAdvertise: "no-advertise"
        default: "\(value >> 16):\(value & 0xffff)"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }
}
