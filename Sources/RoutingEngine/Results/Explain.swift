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
    /// What a rule says about the prefix here beyond the paths (R15: Route Server does not pass on or
    /// program a route inside a VNet's address space).
    public let notes: [ExplanationNote]
    /// Warnings about this node, and, when it has no route, about the nodes that hold the prefix.
    public let warnings: [Warning]
}

/// A sentence a rule adds to an explanation.
public struct ExplanationNote: Equatable, Sendable {
    public let rule: Rule
    public let text: String
}

/// Why a VNet's VMs have the effective routes they have for a prefix (R15, R16).
public struct VNetExplanation: Sendable {
    public let vnet: String
    public let prefix: Prefix
    /// The VNet's entries for exactly this prefix.
    public let routes: [EffectiveRoute]
    /// Why gateway routes for the prefix are not programmed, when some element holds one.
    public let notes: [ExplanationNote]
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
        let candidates = routes(of: node, for: prefix)
        var concerned: Set<String> = [node.name]
        if candidates.isEmpty, let key {
            for holder in nodes where holder.speakers.contains(where: { !ribs[$0].candidates[key].isEmpty }) {
                concerned.insert(holder.name)
            }
        }
        return Explanation(node: node.name, prefix: prefix, candidates: candidates,
                           rejected: rejected(at: node).filter { $0.prefix == prefix },
                           blockers: key.map { blockers(of: $0, towards: node) } ?? [],
                           originators: key.map { originators(of: $0) } ?? [],
                           notes: (key.map { notes(prefix, key: $0, at: node) } ?? []) + spokeNotes(for: prefix),
                           warnings: warnings.filter { $0.node.map(concerned.contains) ?? true })
    }

    /// R15 at Route Server and the gateways: a learned route inside a VNet's space is held, not used.
    private func notes(_ prefix: Prefix, key: Int, at node: Node) -> [ExplanationNote] {
        guard node.kind == .routeServer || node.kind.isAzureGateway,
              node.speakers.contains(where: { speaker in ribs[speaker].candidates[key].contains { $0.peer != nil } }),
              let space = network.virtualNetworkSpaces.first(where: { $0.contains(prefix) }) else { return [] }
        return [ExplanationNote(rule: .r15, text: "\(prefix) is equal to or inside the virtual network address space \(space): "
                                + "Azure does not program it into VMs, and Route Server does not pass it on")]
    }

    /// The VNet's entries for a prefix, and why a gateway route for it is not programmed (R15).
    /// nil when no VNet has that name.
    public func explain(prefix: Prefix, inVNet name: String) -> VNetExplanation? {
        guard let (vnet, routes) = effectiveRouteTables.first(where: { $0.vnet.name == name }) else { return nil }
        var notes: [ExplanationNote] = []
        let spaces = systemSpaces(of: vnet)
        if let key = keys.keyOfPrefix[prefix], programmedRoutes()[key] != nil,
           let space = spaces.first(where: { $0.contains(prefix) }) {
            notes.append(ExplanationNote(rule: .r15, text: "the gateways hold \(prefix), but it is equal to or inside "
                                         + "\(space), an address space of \(vnet.name) or a VNet peered with it: Azure does not "
                                         + "program such a route into VMs (not even as Invalid)"))
        }
        return VNetExplanation(vnet: vnet.name, prefix: prefix, routes: routes.filter { $0.prefix == prefix }, notes: notes)
    }

    /// R1 rev. 2: a spoke peered without gateway transit is not advertised [obs], though Microsoft's
    /// configure-route-server page says it "may still get advertised".
    private func spokeNotes(for prefix: Prefix) -> [ExplanationNote] {
        topology.hub.spokes.filter { spoke in !spoke.useRemoteGateways && spoke.addressSpace.contains { $0.overlaps(prefix) } }.map {
            ExplanationNote(rule: .r1, text: "\($0.name) is peered without \"use the remote virtual network's gateway or Route Server\" "
                + "(useRemoteGateways: false), so the gateways and Route Server do not advertise its range [obs: lab]; "
                + "Microsoft's Route Server page says such a spoke \"may still get advertised\": check the real tables")
        }
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
        // Every speaker, Route Server too (R5 rev. 2), advertises its best path or nothing.
        guard let best = ribs[sender].candidates[key].first else { return nil }
        if best.peer == receiver {
            // Split horizon is plain BGP; for Route Server it is R5: the NVA the best path came from
            // gets nothing back, not a worse path.
            guard network.kind(of: sender) == .routeServer else { return nil }
            return Blocker(at: at, towards: towards, rule: .r5,
                           reason: "its best path came from \(towards): Route Server sends back nothing for the prefix")
        }
        let prefixClass = network.prefixClass(keys.representative(of: key))
        if case .filtered(let rule, let reason) = policy.verdict(for: best, prefixClass, from: sender, over: session) {
            return Blocker(at: at, towards: towards, rule: rule, reason: reason)
        }
        return nil
    }
}
