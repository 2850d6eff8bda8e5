/// What a node is; the raw values are the JSON `kind` strings (contract §2).
public enum NodeKind: String, Sendable, CaseIterable {
    case site
    case nva
    case routeServer
    case expressRouteGateway
    case expressRouteCircuit
    case vpnGateway

    /// Azure-managed elements run the hub's BGP as AS 65515 (the circuit as 12076).
    public var isAzureGateway: Bool { self == .expressRouteGateway || self == .vpnGateway }

    public var displayName: String {
        switch self {
        case .site: "on-premises site"
        case .nva: "network virtual appliance"
        case .routeServer: "Azure Route Server"
        case .expressRouteGateway: "ExpressRoute gateway"
        case .expressRouteCircuit: "ExpressRoute circuit (MSEE)"
        case .vpnGateway: "VPN gateway"
        }
    }
}

public typealias NodeID = Int
public typealias SpeakerID = Int
public typealias SessionID = Int

/// A named element of the topology; multi-instance elements own several speakers.
public struct Node: Equatable, Sendable {
    public let id: NodeID
    public let name: String
    public let kind: NodeKind
    public let asn: UInt32
    /// Speakers that exist under the current settings (a VPN gateway that is not active/active has one).
    public let speakers: [SpeakerID]
}

/// One BGP speaker: a site's edge router, an NVA, or one instance of an Azure element.
public struct Speaker: Equatable, Sendable {
    public let id: SpeakerID
    public let node: NodeID
    public let instance: Int
    public let asn: UInt32
    /// Router ID and the default next hop it sets.
    public let address: IPv4Address
    /// false for the second VPN gateway instance when the gateway is not active/active.
    public let provisioned: Bool
}

public enum SessionType: String, Sendable {
    case ebgp = "eBGP"
    case ibgp = "iBGP"
}

public enum SessionState: Equatable, Sendable {
    case established
    case down(reason: String)

    public var isUp: Bool { self == .established }
    public var reason: String? { if case .down(let reason) = self { reason } else { nil } }
}

/// A BGP session between two speakers. `a` is the side nearer to Azure's core (deterministic order).
public struct Session: Equatable, Sendable {
    public let id: SessionID
    public let a: SpeakerID
    public let b: SpeakerID
    public let type: SessionType
    /// The address each side uses on this session (next hop it sets on eBGP).
    public let addressOfA: IPv4Address
    public let addressOfB: IPv4Address
    public internal(set) var state: SessionState
    /// The first of the result's warnings that concerns this session (R13, R18, R20).
    public internal(set) var warning: String?
    /// The rule that took the session down, when one did.
    public internal(set) var downRule: Rule?
    /// Prefixes the receiving side accepts before it drops the session (R13, R18).
    let limitFromA: Int?
    let limitFromB: Int?

    public func peer(of speaker: SpeakerID) -> SpeakerID { speaker == a ? b : a }

    /// True when the session runs between one of `left` and one of `right` (either way round).
    public func connects(_ left: [SpeakerID], _ right: [SpeakerID]) -> Bool {
        (left.contains(a) && right.contains(b)) || (left.contains(b) && right.contains(a))
    }
    public func address(of speaker: SpeakerID) -> IPv4Address { speaker == a ? addressOfA : addressOfB }
    func limit(from sender: SpeakerID) -> Int? { sender == a ? limitFromA : limitFromB }
}
