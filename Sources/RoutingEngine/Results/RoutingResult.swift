/// Every speaker's tables after propagation (or at any step of it), with the questions the CLI
/// and the explorer ask of them.
public struct RoutingResult: Sendable {
    public let network: Network
    public let convergence: Convergence
    /// The steps `routescope steps` shows for this run: one BGP message per prefix (a message for a
    /// group of prefixes that travel alike counts once per prefix), plus each session a limit or a
    /// change of settings took down or brought up. For `Engine.compute`: from nothing learned.
    public let steps: Int
    let keys: RouteKeys
    let ribs: [SpeakerRIB]

    /// What Azure refuses or documents as risky in these tables (R13, R14, R18, R20).
    public let warnings: [Warning]

    init(_ simulator: Simulator, convergence: Convergence) {
        var network = simulator.network
        warnings = simulator.warnings()
        for warning in warnings {
            for session in warning.sessions where network.sessions[session].warning == nil {
                network.sessions[session].warning = warning.message
            }
        }
        self.network = network
        keys = simulator.keys
        ribs = simulator.ribs
        self.convergence = convergence
        steps = simulator.deliveredPerPrefix + simulator.sessionEvents
    }

    /// The warnings about one node.
    public func warnings(about node: String) -> [Warning] { warnings.filter { $0.node == node } }

    public var topology: Topology { network.topology }
    public var settings: Settings { network.settings }
    public var nodes: [Node] { network.nodes }
    public func node(named name: String) -> Node? { network.node(named: name) }
    public func sessions(of node: Node) -> [Session] { network.sessions(of: node) }

    /// Every prefix known anywhere in the network, sorted.
    public var allPrefixes: [Prefix] { keys.allPrefixes }

    // MARK: per node

    /// Every candidate path the node holds (all instances), sorted by prefix, selected first.
    /// Each key's rows are built once and stamped with each of its prefixes.
    public func routes(of node: Node) -> [Route] {
        var rowsOfKey: [Int: [Route]] = [:]
        var prefixes: [(prefix: Prefix, key: Int)] = []
        for key in 0..<keys.count where node.speakers.contains(where: { !ribs[$0].candidates[key].isEmpty }) {
            rowsOfKey[key] = routes(of: node, key: key, prefix: keys.prefixes[key][0])
            for prefix in keys.prefixes[key] { prefixes.append((prefix, key)) }
        }
        prefixes.sort { $0.prefix < $1.prefix }
        var out: [Route] = []
        out.reserveCapacity(prefixes.reduce(0) { $0 + rowsOfKey[$1.key]!.count })
        for (prefix, key) in prefixes {
            let rows = rowsOfKey[key]!
            if rows.first?.prefix == prefix { out += rows } else { out += rows.map { $0.with(prefix: prefix) } }
        }
        return out
    }

    /// The node's paths for one prefix: selected first, then by instance.
    public func routes(of node: Node, for prefix: Prefix) -> [Route] {
        guard let key = keys.keyOfPrefix[prefix] else { return [] }
        return routes(of: node, key: key, prefix: prefix)
    }

    private func routes(of node: Node, key: Int, prefix: Prefix) -> [Route] {
        var rows: [(rank: Int, instance: Int, position: Int, route: Route)] = []
        for speaker in node.speakers {
            let rib = ribs[speaker]
            for (position, candidate) in rib.candidates[key].enumerated() {
                let route = makeRoute(candidate, prefix: prefix, at: speaker, position: position,
                                      selected: rib.selected[key], reason: rib.reason[key])
                rows.append((route.isBest ? 0 : (route.isSelected ? 1 : 2), network.speakers[speaker].instance, position, route))
            }
        }
        return rows.sorted { ($0.rank, $0.instance, $0.position) < ($1.rank, $1.instance, $1.position) }.map(\.route)
    }

    /// What the node sends each peer, sorted by peer (session order), then prefix.
    public func advertised(by node: Node) -> [AdvertisedRoute] {
        var out: [(session: SessionID, route: AdvertisedRoute)] = []
        for speaker in node.speakers {
            for (slot, sessionID) in network.adjacency[speaker].enumerated() {
                let peer = network.sessions[sessionID].peer(of: speaker)
                for (key, attributes) in ribs[speaker].advertised[slot].enumerated() {
                    guard let attributes else { continue }
                    for prefix in keys.prefixes[key] {
                        out.append((sessionID, AdvertisedRoute(prefix: prefix, instance: network.speakers[speaker].instance,
                                                               peer: network.node(of: peer).name,
                                                               peerInstance: network.speakers[peer].instance,
                                                               attributes: attributes)))
                    }
                }
            }
        }
        return out.sorted { ($0.session, $0.route.prefix) < ($1.session, $1.route.prefix) }.map(\.route)
    }

    /// Paths the node's inbound policy refused, by prefix.
    public func rejected(at node: Node) -> [RejectedRoute] {
        sortedPrefixes(of: node) { speaker, key in !ribs[speaker].rejected[key].isEmpty }.flatMap { prefix in
            let key = keys.keyOfPrefix[prefix]!
            return node.speakers.flatMap { speaker in
                ribs[speaker].rejected[key].map { rejection in
                    RejectedRoute(prefix: prefix, instance: network.speakers[speaker].instance,
                                  from: network.node(of: rejection.peer).name,
                                  fromInstance: network.speakers[rejection.peer].instance,
                                  attributes: rejection.attributes, rule: rejection.rule, reason: rejection.reason)
                }
            }
        }
    }

    /// The selected paths of a node for a prefix; empty when it has no route.
    public func bestRoutes(of node: Node, for prefix: Prefix) -> [Route] {
        routes(of: node, for: prefix).filter(\.isSelected)
    }

    /// Distinct prefixes `receiver` accepted from `sender` over all their sessions: the routes that
    /// flow that way (paths refused as loops do not count). Counted by key, no table expanded.
    public func acceptedPrefixCount(by receiver: Node, from sender: Node) -> Int {
        var keysAccepted = Set<Int>()
        for speaker in receiver.speakers {
            for (key, candidates) in ribs[speaker].candidates.enumerated()
            where candidates.contains(where: { $0.peer.map(sender.speakers.contains) == true }) {
                keysAccepted.insert(key)
            }
        }
        return keysAccepted.reduce(0) { $0 + keys.count(of: $1) }
    }

    // MARK: helpers

    private func sortedPrefixes(of node: Node, where holds: (SpeakerID, Int) -> Bool) -> [Prefix] {
        var prefixes: [Prefix] = []
        for key in 0..<keys.count where node.speakers.contains(where: { holds($0, key) }) {
            prefixes.append(contentsOf: keys.prefixes[key])
        }
        return prefixes.sorted()
    }

    private func makeRoute(_ candidate: Candidate, prefix: Prefix, at speaker: SpeakerID, position: Int,
                           selected: Int, reason: DecisionStep?) -> Route {
        let session: Session? = if case .session(let id) = candidate.source { network.sessions[id] } else { nil }
        let isSelected = position < selected
        return Route(prefix: prefix, instance: network.speakers[speaker].instance, attributes: candidate.attributes,
                     from: candidate.peer.map { network.node(of: $0).name },
                     fromInstance: candidate.peer.map { network.speakers[$0].instance },
                     neighborAddress: candidate.peer.flatMap { peer in session.map { $0.address(of: peer) } },
                     localAddress: session?.address(of: speaker) ?? network.speakers[speaker].address,
                     weight: candidate.weight, localPreference: candidate.localPreference, ibgp: candidate.ibgp,
                     isBest: position == 0 && selected > 0, isSelected: isSelected,
                     isMultipath: isSelected && selected > 1,
                     reason: isSelected ? reason : nil, lostAt: isSelected ? nil : candidate.lostAt)
    }
}

/// Entry point: topology + settings → every table.
public enum Engine {
    /// With `previous` (a result of the same topology), its route keys are reused when the settings
    /// leave every origination as it was: grouping 13,000 prefixes is most of a recompute's cost.
    public static func compute(_ topology: Topology, settings: Settings? = nil,
                               reusing previous: RoutingResult? = nil) throws(UnknownDownEntry) -> RoutingResult {
        let network = try Network(topology: topology, settings: settings ?? Settings(of: topology))
        let keys = previous.flatMap { $0.network.originations == network.originations ? $0.keys : nil }
        return compute(network, keys: keys)
    }

    static func compute(_ network: Network, keys: RouteKeys? = nil, messageBudget: Int? = nil) -> RoutingResult {
        // The spaces once, not per prefix: 13,000 prefixes are classified on a full compute.
        let spaces = network.virtualNetworkSpaces
        var simulator = Simulator(network: network, keys: keys ?? RouteKeys(grouping: network.originations,
                                                                           classifiedBy: { PrefixClass($0, spaces: spaces) }))
        simulator.originate()
        let convergence = simulator.run(budget: messageBudget ?? simulator.defaultBudget)
        return RoutingResult(simulator, convergence: convergence)
    }
}
