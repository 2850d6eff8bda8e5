/// One BGP neighbour of one instance, as FRR's `show bgp summary` and `Get-AzRouteServerPeer` list
/// it: who, which AS, whether the session is up, how many prefixes flow each way and the limit that
/// would take the session down.
public struct PeerSummary: Equatable, Sendable {
    /// The instance the summary is of (`route-server#0`).
    public let local: String
    public let neighbor: String
    public let neighborAddress: IPv4Address
    public let asn: UInt32
    public let type: SessionType
    public let state: SessionState
    public let warning: String?
    /// The rule that took the session down, when one did.
    public let downRule: Rule?
    /// Prefixes accepted from the neighbour (paths refused as loops do not count), as max-prefix counts them.
    public let received: Int
    /// Prefixes advertised to the neighbour.
    public let sent: Int
    /// Above this many prefixes from the neighbour, this side drops the session (R13, R18).
    public let receiveLimit: Int?
    /// Above this many prefixes from this side, the neighbour drops the session.
    public let sendLimit: Int?
}

extension Session {
    /// Prefixes the receiving side accepts from `sender` before it drops the session (R13, R18).
    public func prefixLimit(from sender: SpeakerID) -> Int? { limit(from: sender) }
}

extension RoutingResult {
    /// Every neighbour of every instance of the node, instance by instance, in session order.
    public func peerSummaries(of node: Node) -> [PeerSummary] {
        var out: [PeerSummary] = []
        for speaker in node.speakers {
            for (slot, sessionID) in network.adjacency[speaker].enumerated() {
                let session = network.sessions[sessionID]
                let peer = session.peer(of: speaker)
                var received = 0, sent = 0
                for key in 0..<keys.count {
                    if ribs[speaker].candidates[key].contains(where: { $0.source == .session(sessionID) }) { received += keys.count(of: key) }
                    if ribs[speaker].advertised[slot][key] != nil { sent += keys.count(of: key) }
                }
                out.append(PeerSummary(local: network.name(of: speaker), neighbor: network.name(of: peer),
                                       neighborAddress: session.address(of: peer), asn: network.speakers[peer].asn,
                                       type: session.type, state: session.state, warning: session.warning,
                                       downRule: session.downRule, received: received, sent: sent,
                                       receiveLimit: session.limit(from: peer), sendLimit: session.limit(from: speaker)))
            }
        }
        return out
    }
}
