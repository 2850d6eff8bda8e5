/// Why a node holds the paths it holds for a prefix, and where the others stopped.
public struct Explanation: Sendable {
    public let node: String
    public let prefix: Prefix
    /// Every candidate, best first; each carries the step it lost at (`lostAt`) or won by (`reason`).
    public let candidates: [Route]
    /// Paths that arrived but inbound policy refused.
    public let rejected: [RejectedRoute]
    /// Where copies of the prefix stopped on their way to this node.
    public let blockers: [Blocker]
    /// The nodes that originate the prefix.
    public let originators: [String]
}

/// A place where a route stops: a speaker that holds it but does not send it on, or a session that is down.
public struct Blocker: Equatable, Sendable {
    /// The speaker that holds the route (`route-server#0`).
    public let at: String
    /// The speaker it did not reach.
    public let towards: String
    public let rule: Rule?
    public let reason: String
}

extension RoutingResult {
    /// Every candidate of `node` for `prefix`, why the best won, and why routes that exist elsewhere
    /// did not arrive. nil when the node does not exist.
    public func explain(prefix: Prefix, at nodeName: String) -> Explanation? {
        guard let node = node(named: nodeName) else { return nil }
        let key = keys.keyOfPrefix[prefix]
        return Explanation(node: node.name, prefix: prefix, candidates: routes(of: node, for: prefix),
                           rejected: rejected(at: node).filter { $0.prefix == prefix },
                           blockers: key.map { blockers(of: $0, towards: node) } ?? [],
                           originators: key.map { originators(of: $0) } ?? [])
    }

    private func originators(of key: Int) -> [String] {
        var names: [String] = []
        for node in nodes where node.speakers.contains(where: { speaker in
            ribs[speaker].candidates[key].contains { $0.source.isLocal }
        }) { names.append(node.name) }
        return names
    }

    /// Walks back from the node over its sessions: each neighbour that holds the route but did not
    /// send it says why; a neighbour that does not hold it is searched in turn.
    private func blockers(of key: Int, towards node: Node) -> [Blocker] {
        let policy = ExportPolicy(network: network)
        var found: [Blocker] = []
        var visited = Set(node.speakers)
        var frontier = node.speakers
        while !frontier.isEmpty {
            var next: [SpeakerID] = []
            for receiver in frontier {
                for sessionID in network.adjacency[receiver] {
                    let session = network.sessions[sessionID]
                    let sender = session.peer(of: receiver)
                    let holds = !ribs[sender].candidates[key].isEmpty
                    guard !visited.contains(sender) || holds else { continue }
                    if let blocker = blocker(key, from: sender, to: receiver, over: session, holds: holds, policy: policy) {
                        if !found.contains(blocker) { found.append(blocker) }
                    } else if !holds && !visited.contains(sender) {
                        next.append(sender)
                    }
                    visited.insert(sender)
                }
            }
            frontier = next
        }
        return found
    }

    /// "the session is down: advertised 1001 routes, limit 1000"; for a `down` entry, which one
    /// (not "the session is down: session down").
    static func downSentence(_ reason: String, _ session: Session, _ network: Network) -> String {
        let a = [network.node(of: session.a).name, network.name(of: session.a)]
        let b = [network.node(of: session.b).name, network.name(of: session.b)]
        let entries = network.settings.down.sorted()
        switch reason {
        case "node down":
            let entry = entries.first { a.contains($0) || b.contains($0) }
            return "the session is down because \(entry ?? "a node of it") is down"
        case "session down":
            let entry = entries.first { entry in
                Network.sessionEnds(entry).map { (a.contains($0.0) && b.contains($0.1)) || (b.contains($0.0) && a.contains($0.1)) } == true
            }
            return "the session is taken down (down: \(entry ?? "\(a[1])--\(b[1])"))"
        default:
            return "the session is down: \(reason)"
        }
    }

    private func blocker(_ key: Int, from sender: SpeakerID, to receiver: SpeakerID, over session: Session,
                         holds: Bool, policy: ExportPolicy) -> Blocker? {
        let at = network.name(of: sender), towards = network.name(of: receiver)
        if holds, case .down(let reason) = session.state {
            return Blocker(at: at, towards: towards, rule: session.downRule, reason: Self.downSentence(reason, session, network))
        }
        guard holds, session.state.isUp else { return nil }
        if let rejection = ribs[receiver].rejected[key].first(where: { $0.session == session.id }) {
            return Blocker(at: at, towards: towards, rule: rejection.rule, reason: "\(towards) refused it: \(rejection.reason)")
        }
        let slot = network.adjacency[sender].firstIndex(of: session.id)!
        guard ribs[sender].advertised[slot][key] == nil else { return nil }
        let rib = ribs[sender]
        let considered = network.kind(of: sender) == .routeServer ? rib.candidates[key] : Array(rib.candidates[key].prefix(1))
        for candidate in considered {
            // A path the receiver itself sent is not why a route is missing there (split horizon): the
            // receiver holds that route already. Keep looking for a real reason.
            if candidate.peer == receiver { continue }
            if case .filtered(let rule, let reason) = policy.verdict(for: candidate, from: sender, over: session) {
                return Blocker(at: at, towards: towards, rule: rule, reason: reason)
            }
        }
        return nil
    }
}
