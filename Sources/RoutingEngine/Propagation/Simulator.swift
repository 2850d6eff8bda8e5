/// One speaker's tables, per route key.
struct SpeakerRIB: Equatable, Sendable {
    /// Adj-RIB-in after inbound policy (plus local paths), sorted best first.
    var candidates: [[Candidate]]
    /// How many leading candidates are selected (best + multipath); 0 when none.
    var selected: [Int]
    var reason: [DecisionStep?]
    var rejected: [[Rejection]]
    /// Adj-RIB-out: per adjacency slot (the speaker's sessions in order), per key.
    var advertised: [[PathAttributes?]]

    init(keys: Int, slots: Int) {
        candidates = Array(repeating: [], count: keys)
        selected = Array(repeating: 0, count: keys)
        reason = Array(repeating: nil, count: keys)
        rejected = Array(repeating: [], count: keys)
        advertised = Array(repeating: Array(repeating: nil, count: keys), count: slots)
    }
}

/// Deterministic message-passing BGP: a FIFO queue of UPDATE/WITHDRAW messages, delivered one at a
/// time until nothing changes. A value type, so any intermediate state can be kept and replayed.
struct Simulator: Sendable {
    private(set) var network: Network
    let keys: RouteKeys
    private(set) var ribs: [SpeakerRIB]
    private var queue: [BGPMessage] = []
    private var head = 0
    private(set) var delivered = 0
    /// Messages as step-through counts them, one per prefix: a message for a key of three prefixes
    /// is three (the grouped run and a one-key-per-prefix replay then count alike).
    private(set) var deliveredPerPrefix = 0
    /// Sessions brought down by a limit, or down and up by a settings change: steps that are not messages.
    private(set) var sessionEvents = 0
    /// A settings change staged for step-through (`stageSwitch`): sessions still to take down in the old
    /// network, the network to switch to after them, and sessions of the new one still to bring up.
    private var pendingDowns: [(session: SessionID, reason: String, rule: Rule?)] = []
    private var pendingNetwork: Network?
    private var pendingUps: [(session: SessionID, state: SessionState)] = []
    /// Per session: the adjacency slot of side a and side b.
    private var slots: [(a: Int, b: Int)]
    private var oscillation = OscillationDetector()
    /// Per key: how its prefixes relate to the VNet address spaces (R15, R24).
    let prefixClasses: [PrefixClass]
    /// The run came back to an earlier state: it would loop forever (R21).
    private(set) var isOscillating = false

    init(network: Network, keys: RouteKeys) {
        self.network = network
        self.keys = keys
        let spaces = network.virtualNetworkSpaces
        prefixClasses = (0..<keys.count).map { PrefixClass(keys.representative(of: $0), spaces: spaces) }
        ribs = network.adjacency.map { SpeakerRIB(keys: keys.count, slots: $0.count) }
        slots = Simulator.slots(of: network)
    }

    private static func slots(of network: Network) -> [(a: Int, b: Int)] {
        network.sessions.map { session in
            (network.adjacency[session.a].firstIndex(of: session.id)!, network.adjacency[session.b].firstIndex(of: session.id)!)
        }
    }

    private func slot(of speaker: SpeakerID, on session: SessionID) -> Int {
        network.sessions[session].a == speaker ? slots[session].a : slots[session].b
    }

    var pendingMessages: Int { queue.count - head }

    /// Nothing in flight, no session change staged and no limit left to enforce: the next step
    /// would do nothing (R21).
    var isStable: Bool {
        pendingMessages == 0 && pendingDowns.isEmpty && pendingNetwork == nil && pendingUps.isEmpty && firstExceededLimit() == nil
    }

    /// The keys of the messages still in flight, as prefixes: what a run that did not converge involves.
    var prefixesInFlight: [Prefix] { Set(queue[head...].map(\.key)).flatMap { keys.prefixes[$0] }.sorted() }

    // MARK: origination

    /// Installs every speaker's own prefixes and queues the first advertisements.
    mutating func originate() {
        for speaker in network.speakers.indices {
            for key in installLocalPaths(at: speaker) { refresh(speaker, key) }
        }
    }

    /// Puts the network's originations into the speaker's tables, replacing earlier local paths;
    /// returns the keys that changed.
    private mutating func installLocalPaths(at speaker: SpeakerID) -> [Int] {
        var wanted: [Int: [Candidate]] = [:]
        for (index, origination) in network.originations[speaker].enumerated() {
            guard let key = keys.keyOfPrefix[origination.prefix], keys.prefixes[key][0] == origination.prefix else { continue }
            wanted[key, default: []].append(ImportPolicy.local(origination, index: index, at: network.speakers[speaker]))
        }
        var changed: [Int] = []
        for key in 0..<keys.count {
            let existing = ribs[speaker].candidates[key].filter { $0.source.isLocal }
            let target = wanted[key] ?? []
            guard existing.map(\.attributes) != target.map(\.attributes) || existing.map(\.source) != target.map(\.source) else { continue }
            ribs[speaker].candidates[key].removeAll { $0.source.isLocal }
            ribs[speaker].candidates[key].append(contentsOf: target)
            changed.append(key)
        }
        return changed
    }

    // MARK: stepping

    /// Delivers the next message, or, with the queue empty, enforces the prefix limits (R13, R18).
    /// nil when the network is stable or oscillating.
    mutating func step() -> ConvergenceEvent? {
        guard !isOscillating else { return nil }
        if let sessionEvent = stepSessionChange() {
            sessionEvents += 1
            return sessionEvent
        }
        if head < queue.count {
            let message = queue[head]
            head += 1
            oscillation.remove(Self.fingerprint(of: message))
            if head > 4096 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            receive(message)
            delivered += 1
            deliveredPerPrefix += keys.count(of: message.key)
            isOscillating = oscillation.repeats(ribs: ribs, pending: queue[head...])
            return .message(message)
        }
        if let (session, reason, rule) = firstExceededLimit() {
            tearDown(session, reason: reason, rule: rule)
            sessionEvents += 1
            return .sessionDown(network.sessions[session].a, network.sessions[session].b, reason: reason)
        }
        return nil
    }

    /// A staged settings change, one session at a time: each session that goes down (what it carried
    /// is dropped and withdrawn), then the new settings, then each session that comes up (and sends
    /// its peer what it holds).
    private mutating func stepSessionChange() -> ConvergenceEvent? {
        if !pendingDowns.isEmpty {
            let (id, reason, rule) = pendingDowns.removeFirst()
            let ends = (network.sessions[id].a, network.sessions[id].b)
            tearDown(id, reason: reason, rule: rule)
            if pendingDowns.isEmpty, let next = pendingNetwork {
                pendingNetwork = nil
                switchNetwork(to: next, stagingUps: true)
            }
            return .sessionDown(ends.0, ends.1, reason: reason)
        }
        guard !pendingUps.isEmpty else { return nil }
        let (id, state) = pendingUps.removeFirst()
        network.sessions[id].state = state
        let session = network.sessions[id]
        for speaker in [session.a, session.b] {
            for key in 0..<keys.count { refresh(speaker, key) }
        }
        return .sessionUp(session.a, session.b)
    }

    /// Like `switchNetwork`, but the sessions the change takes down or brings up become steps of
    /// their own (step-through shows them, and what follows each).
    mutating func stageSwitch(to next: Network) {
        for old in network.sessions where old.state.isUp {
            let new = next.sessions.first { $0.a == old.a && $0.b == old.b }
            guard new?.state.isUp != true else { continue }
            let reason = new?.state.reason ?? next.absentSessionReason((network.name(of: old.a), network.name(of: old.b)))
            pendingDowns.append((old.id, reason, new?.downRule))
        }
        if pendingDowns.isEmpty { switchNetwork(to: next, stagingUps: true) } else { pendingNetwork = next }
    }

    /// Runs to a fixed point, until a state repeats, or until the budget is spent (R21).
    mutating func run(budget: Int) -> Convergence {
        var steps = 0
        while steps < budget {
            guard step() != nil else { break }
            steps += 1
        }
        // A budget that ran out just as the network settled is convergence, not a loop.
        if isStable { return .converged(messages: delivered) }
        return .didNotConverge(messages: delivered, prefixes: prefixesInFlight)
    }

    // MARK: oscillation fingerprint

    private static func fingerprint(of message: BGPMessage) -> UInt64 {
        OscillationDetector.hash(0, message.session, message.to, message.key, message.attributes)
    }

    private static func fingerprint(advertised: PathAttributes?, speaker: SpeakerID, slot: Int, key: Int) -> UInt64 {
        advertised.map { OscillationDetector.hash(1, speaker, slot, key, $0) } ?? 0
    }

    /// Every adj-RIB-out entry and message in flight, from scratch (after the network changed).
    private mutating func restartOscillationDetector() {
        var sum: UInt64 = 0
        for message in queue[head...] { sum &+= Self.fingerprint(of: message) }
        for (speaker, rib) in ribs.enumerated() {
            for (slot, entries) in rib.advertised.enumerated() {
                for (key, attributes) in entries.enumerated() {
                    sum &+= Self.fingerprint(advertised: attributes, speaker: speaker, slot: slot, key: key)
                }
            }
        }
        oscillation.restart(fingerprint: sum)
    }

    /// Enough for any loop-free propagation: every key crossing every session a few dozen times.
    var defaultBudget: Int { max(100_000, keys.count * max(network.sessions.count, 1) * 64) }

    // MARK: receiving and advertising

    private mutating func receive(_ message: BGPMessage) {
        let session = network.sessions[message.session]
        guard session.state.isUp else { return }   // in flight when the session went down
        let receiver = message.to, key = message.key
        ribs[receiver].candidates[key].removeAll { $0.source == .session(session.id) }
        ribs[receiver].rejected[key].removeAll { $0.session == session.id }
        if let attributes = message.attributes {
            switch ImportPolicy(network: network).verdict(for: attributes, at: receiver, from: message.from, over: session) {
            case .accept(let candidate):
                ribs[receiver].candidates[key].append(candidate)
            case .reject(let rule, let reason):
                // Kept in session order, not arrival order, so the tables do not depend on the message
                // history: toggling a switch and back restores them exactly (R20).
                let rejection = Rejection(attributes: attributes, session: session.id, peer: message.from,
                                          rule: rule, reason: reason)
                let index = ribs[receiver].rejected[key].firstIndex { $0.session > session.id } ?? ribs[receiver].rejected[key].endIndex
                ribs[receiver].rejected[key].insert(rejection, at: index)
            }
        }
        refresh(receiver, key)
    }

    /// Re-runs best-path selection for one key and sends each peer what changed.
    private mutating func refresh(_ speaker: SpeakerID, _ key: Int) {
        let process = BestPath.process(for: network.kind(of: speaker))
        let context = SelectionContext(network: network, speaker: speaker, preference: network.settings.hubRoutingPreference)
        let (selected, reason) = process.select(&ribs[speaker].candidates[key], context)
        ribs[speaker].selected[key] = selected
        ribs[speaker].reason[key] = reason
        let policy = ExportPolicy(network: network)
        for (slot, sessionID) in network.adjacency[speaker].enumerated() {
            let session = network.sessions[sessionID]
            let wanted = session.state.isUp ? advertisement(of: key, at: speaker, over: session, policy: policy) : nil
            let before = ribs[speaker].advertised[slot][key]
            guard wanted != before else { continue }
            ribs[speaker].advertised[slot][key] = wanted
            let message = BGPMessage(from: speaker, to: session.peer(of: speaker), session: sessionID, key: key,
                                     attributes: wanted)
            queue.append(message)
            oscillation.remove(Self.fingerprint(advertised: before, speaker: speaker, slot: slot, key: key))
            oscillation.add(Self.fingerprint(advertised: wanted, speaker: speaker, slot: slot, key: key))
            oscillation.add(Self.fingerprint(of: message))
        }
    }

    /// A speaker advertises its best path or nothing. Route Server too (R5 rev. 2): a peer that
    /// policy keeps from the best path, or the NVA the best path came from, gets nothing for the
    /// prefix, not a worse path.
    private func advertisement(of key: Int, at speaker: SpeakerID, over session: Session, policy: ExportPolicy) -> PathAttributes? {
        let rib = ribs[speaker]
        guard rib.selected[key] > 0 else { return nil }
        let verdict = policy.verdict(for: rib.candidates[key][0], prefixClasses[key], from: speaker, over: session)
        if case .advertise(let attributes) = verdict { return attributes }
        return nil
    }

    // MARK: sessions

    /// Brings a session down: both sides forget what they learned over it at once (R20).
    private mutating func tearDown(_ sessionID: SessionID, reason: String, rule: Rule?) {
        network.sessions[sessionID].state = .down(reason: reason)
        network.sessions[sessionID].downRule = rule
        let session = network.sessions[sessionID]
        for speaker in [session.a, session.b] {
            let slot = slot(of: speaker, on: sessionID)
            for key in 0..<keys.count {
                let had = ribs[speaker].candidates[key].contains { $0.source == .session(sessionID) }
                ribs[speaker].candidates[key].removeAll { $0.source == .session(sessionID) }
                ribs[speaker].rejected[key].removeAll { $0.session == sessionID }
                ribs[speaker].advertised[slot][key] = nil
                if had { refresh(speaker, key) }
            }
        }
        restartOscillationDetector()
    }

    /// Prefixes a speaker accepted over a session, as max-prefix counts them: paths its inbound
    /// policy refused (AS-path loops) do not count. Class sizes add up.
    func acceptedCount(at receiver: SpeakerID, on sessionID: SessionID) -> Int {
        var count = 0
        for key in 0..<keys.count where ribs[receiver].candidates[key].contains(where: { $0.source == .session(sessionID) }) {
            count += keys.count(of: key)
        }
        return count
    }

    private func firstExceededLimit() -> (SessionID, String, Rule)? {
        for session in network.sessions where session.state.isUp {
            for sender in [session.a, session.b] {
                guard let limit = session.limit(from: sender) else { continue }
                let count = acceptedCount(at: session.peer(of: sender), on: session.id)
                if count > limit {
                    let rule: Rule = network.kind(of: session.peer(of: sender)) == .routeServer ? .r18 : .r13
                    return (session.id, "advertised \(count) routes, limit \(limit)", rule)
                }
            }
        }
        return nil
    }

    // MARK: changing settings mid-flight

    /// Moves the converged state onto a network built with other settings: sessions that went down
    /// drop what they carried, new ones start empty, and every speaker re-advertises what changed.
    /// The speakers must be the same (they are, for any settings of one topology).
    /// With `stagingUps`, sessions that come up wait, down, for a step each (`stageSwitch`).
    mutating func switchNetwork(to next: Network, stagingUps: Bool = false) {
        precondition(next.speakers.count == network.speakers.count, "settings cannot change the speakers")
        var sessionMap: [SessionID: SessionID] = [:]
        for old in network.sessions {
            if let new = next.sessions.first(where: { $0.a == old.a && $0.b == old.b }), old.state.isUp, new.state.isUp {
                sessionMap[old.id] = new.id
            }
        }
        let oldNetwork = network
        network = next
        if stagingUps {
            for session in next.sessions where session.state.isUp && !sessionMap.values.contains(session.id) {
                pendingUps.append((session.id, session.state))
                network.sessions[session.id].state = .down(reason: "not established yet")
            }
        }
        slots = Simulator.slots(of: next)
        // Messages still in flight (a run stopped mid-oscillation) stay in flight on the sessions
        // that survive: dropping them would leave a receiver out of step with what its peer sent.
        queue = queue[head...].compactMap { message in
            sessionMap[message.session].map {
                BGPMessage(from: message.from, to: message.to, session: $0, key: message.key, attributes: message.attributes)
            }
        }
        head = 0
        for speaker in network.speakers.indices {
            var rib = SpeakerRIB(keys: keys.count, slots: next.adjacency[speaker].count)
            for key in 0..<keys.count {
                rib.candidates[key] = ribs[speaker].candidates[key].compactMap { candidate in
                    guard case .session(let id) = candidate.source else { return candidate }
                    guard let mapped = sessionMap[id] else { return nil }
                    var moved = candidate
                    moved.source = .session(mapped)
                    return moved
                }
                rib.rejected[key] = ribs[speaker].rejected[key].compactMap { rejection in
                    guard let mapped = sessionMap[rejection.session] else { return nil }
                    var moved = rejection
                    moved.session = mapped
                    return moved
                }
            }
            for (oldSlot, oldID) in oldNetwork.adjacency[speaker].enumerated() {
                guard let newID = sessionMap[oldID] else { continue }
                let newSlot = slot(of: speaker, on: newID)
                rib.advertised[newSlot] = ribs[speaker].advertised[oldSlot]
            }
            ribs[speaker] = rib
        }
        for speaker in network.speakers.indices {
            _ = installLocalPaths(at: speaker)
            for key in 0..<keys.count { refresh(speaker, key) }
        }
        isOscillating = false
        restartOscillationDetector()
    }
}
