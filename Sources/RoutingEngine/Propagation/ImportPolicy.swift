/// Inbound policy: AS-path loop prevention (R3), the ER gateway's community filter (R10),
/// and the weights Azure's elements set (R11, R15a).
struct ImportPolicy {
    let network: Network

    enum Verdict {
        case accept(Candidate)
        case reject(rule: Rule, reason: String)
    }

    func verdict(for attributes: PathAttributes, at receiver: SpeakerID, from sender: SpeakerID,
                 over session: Session) -> Verdict {
        let receiverASN = network.speakers[receiver].asn
        if session.type == .ebgp && attributes.asPath.contains(receiverASN) {
            return .reject(rule: .r3, reason: "AS path \(attributes.asPathText) contains own AS \(receiverASN)")
        }
        let receiverKind = network.kind(of: receiver)
        // R10 is a filter of an ER gateway that peers with Route Server (the tag is Route Server's);
        // without one, 65517:65517 is just a customer's community.
        if receiverKind == .expressRouteGateway && network.kind(of: sender) == .expressRouteCircuit
            && network.topology.routeServer != nil && attributes.communities.contains(.routeServerTag) {
            return .reject(rule: .r10, reason: "carries 65517:65517: a route Route Server handed a gateway, coming back")
        }
        return .accept(Candidate(attributes: attributes, source: .session(session.id), peer: sender,
                                 ibgp: session.type == .ibgp, weight: weight(at: receiverKind, type: session.type),
                                 localPreference: 100, origination: nil, lostAt: nil))
    }

    /// Gateways weigh eBGP 32769 over iBGP 32768 (R11); Route Server shows 32768 for NVA routes (R15a).
    private func weight(at kind: NodeKind, type: SessionType) -> UInt32 {
        switch kind {
        case .expressRouteGateway, .vpnGateway: type == .ebgp ? 32769 : 32768
        case .routeServer: 32768
        default: 0
        }
    }

    /// Locally originated paths weigh 32768 everywhere (FRR's and Azure's convention).
    static func local(_ origination: Origination, index: Int, at speaker: Speaker) -> Candidate {
        Candidate(attributes: PathAttributes(asPath: [], origin: .igp, nextHop: IPv4Address(0),
                                             communities: origination.communities, med: origination.med ?? 0),
                  source: .local(index), peer: nil, ibgp: false, weight: 32768, localPreference: 100,
                  origination: origination.source, lostAt: nil)
    }
}
