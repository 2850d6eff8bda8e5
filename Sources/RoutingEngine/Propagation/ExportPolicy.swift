/// What a speaker sends a peer for one of its candidate paths, or why it sends nothing.
enum ExportVerdict: Equatable {
    case advertise(PathAttributes)
    /// `rule` is nil for plain BGP behaviour (split horizon, iBGP).
    case filtered(rule: Rule?, reason: String)
}

/// Outbound policy: plain BGP (split horizon, well-known communities, iBGP) plus what Azure's
/// elements do on their sessions (R1, R2, R4, R6–R9, R11, R12).
struct ExportPolicy {
    let network: Network

    func verdict(for candidate: Candidate, from sender: SpeakerID, over session: Session) -> ExportVerdict {
        let receiver = session.peer(of: sender)
        if let reason = filterReason(candidate, from: sender, to: receiver, over: session) {
            return .filtered(rule: reason.rule, reason: reason.text)
        }
        return .advertise(attributes(of: candidate, from: sender, to: receiver, over: session))
    }

    // MARK: filters

    private func filterReason(_ candidate: Candidate, from sender: SpeakerID, to receiver: SpeakerID,
                              over session: Session) -> (rule: Rule?, text: String)? {
        let senderKind = network.kind(of: sender)
        let receiverKind = network.kind(of: receiver)
        let peerKind = candidate.peer.map { network.kind(of: $0) }
        if candidate.peer == receiver {
            return (nil, "not sent back to the peer it was learned from")
        }
        // The originator attaches the communities it is configured with; they bind the receivers.
        let learned = candidate.peer != nil
        if learned && candidate.attributes.communities.contains(.noAdvertise) {
            return (.r6, "carries no-advertise: used locally, advertised to no peer")
        }
        if learned && candidate.attributes.communities.contains(.noExport) && session.type == .ebgp {
            return (nil, "carries no-export: not sent to eBGP peers")
        }
        if candidate.origination == .virtualNetwork && isAzureElement(receiverKind) {
            return (.r1, "every Azure element originates the virtual network itself")
        }
        if senderKind == .routeServer {
            return routeServerFilter(candidate, peerKind: peerKind, receiver: receiver, receiverKind: receiverKind)
        }
        if candidate.ibgp && session.type == .ibgp {
            return (nil, "learned over iBGP: not sent to another iBGP peer")
        }
        if senderKind == .expressRouteGateway && receiverKind == .expressRouteCircuit && peerKind == .expressRouteCircuit,
           let peer = candidate.peer, network.speakers[peer].node != network.speakers[receiver].node {
            return (.r29, "routes from one circuit are not advertised to another circuit of the gateway")
        }
        if senderKind == .expressRouteCircuit {
            // The MSEE pair carries the private peering: site routes to the gateway, Azure's routes to the site.
            if receiverKind == .site && peerKind != .expressRouteGateway {
                return (.r12, "the MSEE sends the customer edge only what Azure advertises")
            }
            if receiverKind == .expressRouteGateway && peerKind != .site {
                return (.r11, "the MSEE sends the gateway only what the customer edge advertises")
            }
        }
        return nil
    }

    /// Route Server reflects between its peers, within what route exchange allows (R5, R7–R9).
    private func routeServerFilter(_ candidate: Candidate, peerKind: NodeKind?, receiver: SpeakerID,
                                   receiverKind: NodeKind) -> (rule: Rule?, text: String)? {
        let exchange = network.settings.routeExchange
        let fromGateway = peerKind?.isAzureGateway ?? false
        if receiverKind == .nva && fromGateway && !exchange {
            return (.r7, "route exchange is off: gateway routes are not passed to NVAs")
        }
        if receiverKind.isAzureGateway {
            if let peer = candidate.peer, network.speakers[peer].node == network.speakers[receiver].node {
                return (nil, "not reflected back to the gateway it came from")
            }
            if peerKind == .nva && !exchange {
                return (.r7, "route exchange is off: NVA routes are not passed to the gateways")
            }
            if fromGateway && !exchange {
                return (.r9, "route exchange is off: routes are not relayed between ExpressRoute and VPN")
            }
        }
        return nil
    }

    private func isAzureElement(_ kind: NodeKind) -> Bool { kind == .routeServer || kind.isAzureGateway }

    // MARK: attributes

    private func attributes(of candidate: Candidate, from sender: SpeakerID, to receiver: SpeakerID,
                            over session: Session) -> PathAttributes {
        var out = candidate.attributes
        let senderASN = network.speakers[sender].asn
        switch session.type {
        case .ibgp:
            if candidate.source.isLocal { out.nextHop = session.address(of: sender) }
            if network.kind(of: sender) == .routeServer {
                // R8: what Route Server hands the gateways is tagged so a circuit cannot bring it back (R10).
                out.communities = Array(Set(out.communities + [.routeServerTag])).sorted()
            }
        case .ebgp:
            out.nextHop = network.nextHop(from: sender, to: receiver, over: session)
            // MED is non-transitive: only the originator's value (R28) reaches its eBGP neighbours.
            if !candidate.source.isLocal { out.med = 0 }
            var path = out.asPath
            if network.kind(of: sender) == .expressRouteCircuit {
                let receiverASN = network.speakers[receiver].asn
                if network.kind(of: receiver) == .expressRouteGateway {
                    // R11: as-override, so the gateway accepts paths that went through another Azure VNet.
                    path = path.map { $0 == receiverASN ? ASN.microsoftEdge : $0 }
                } else if path.allSatisfy(ASN.isPrivate) {
                    // R12: remove-private-as removes a path made only of private ASNs.
                    path = []
                }
            }
            // R2: prepend once, plus the NVA's extra copies towards Route Server.
            var copies = 1
            copies += network.extraPrepends(from: sender, to: receiver)
            out.asPath = Array(repeating: senderASN, count: copies) + path
        }
        return out
    }
}
