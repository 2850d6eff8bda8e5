/// What a speaker sets only towards some of its peers: extra copies of its ASN (an NVA's
/// `asPathPrepend` towards Route Server, R2; a site's `asPathPrepend: {PEER: N}`, R27) and the NEXT_HOP
/// an NVA sets towards Route Server (`nextHop`, R23).
struct PeerSettings: Equatable, Sendable {
    /// Per sender: extra copies towards every speaker of a node.
    var prepends: [SpeakerID: [NodeID: Int]] = [:]
    /// Per NVA speaker: the next hop it sets towards Route Server.
    var nextHops: [SpeakerID: IPv4Address] = [:]
}

extension Network {
    /// Extra copies of the sender's ASN on an eBGP advertisement to `receiver`, beyond the one R2 adds.
    func extraPrepends(from sender: SpeakerID, to receiver: SpeakerID) -> Int {
        peerSettings.prepends[sender]?[speakers[receiver].node] ?? 0
    }

    /// The NEXT_HOP an eBGP speaker sets: its address on the session, or an NVA's `nextHop` towards
    /// Route Server (R4 rev. 2, R23).
    func nextHop(from sender: SpeakerID, to receiver: SpeakerID, over session: Session) -> IPv4Address {
        if kind(of: receiver) == .routeServer, let nextHop = peerSettings.nextHops[sender] { return nextHop }
        return session.address(of: sender)
    }

    /// The NVA that sets `address` as its next hop (R23): traffic sent there is the NVA's to forward.
    func nva(withNextHop address: IPv4Address) -> SpeakerID? {
        peerSettings.nextHops.filter { $0.value == address }.keys.min()
    }
}
