/// BGP ORIGIN attribute; lower is preferred (R17).
public enum BGPOrigin: Int, Comparable, Sendable {
    case igp = 0, egp, incomplete

    /// FRR's one-letter code after the AS path.
    public var code: String { ["i", "e", "?"][rawValue] }
    public var name: String { ["igp", "egp", "incomplete"][rawValue] }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// How Azure's tables name where a gateway or Route Server got a route (R15a).
public enum AzureOrigin: String, Sendable {
    case network = "Network"
    case ebgp = "EBgp"
    case ibgp = "IBgp"
}

/// The attributes one UPDATE carries for one prefix.
public struct PathAttributes: Hashable, Sendable {
    public var asPath: [UInt32]
    public var origin: BGPOrigin
    public var nextHop: IPv4Address
    /// Kept sorted so equal sets compare equal.
    public var communities: [Community]
    public var med: UInt32

    public init(asPath: [UInt32], origin: BGPOrigin = .igp, nextHop: IPv4Address, communities: [Community] = [],
                med: UInt32 = 0) {
        self.asPath = asPath; self.origin = origin; self.nextHop = nextHop
        self.communities = communities.sorted(); self.med = med
    }

    /// `65515 12076 65020`, the way `show ip bgp` prints a path.
    public var asPathText: String { asPath.map(String.init).joined(separator: " ") }
}

/// Where a speaker got a candidate path from.
public enum PathSource: Hashable, Sendable {
    /// Originated here; the index into the speaker's originations.
    case local(Int)
    case session(SessionID)

    var isLocal: Bool { if case .local = self { true } else { false } }
}

/// A path as one speaker holds it: the attributes plus what the receiver set on import.
struct Candidate: Equatable, Sendable {
    var attributes: PathAttributes
    var source: PathSource
    /// The speaker it came from; nil when originated here.
    var peer: SpeakerID?
    var ibgp: Bool
    var weight: UInt32
    var localPreference: UInt32
    /// For local paths: what the speaker originated (R1 VNet, configured, static connection).
    var origination: Origination.Source?
    /// The best-path step this candidate lost at against the best one (nil for the best).
    var lostAt: DecisionStep?
}

/// A path an import policy refused, kept so `explain` can say why a route is absent.
struct Rejection: Equatable, Sendable {
    var attributes: PathAttributes
    var session: SessionID
    var peer: SpeakerID
    var rule: Rule
    var reason: String
}
