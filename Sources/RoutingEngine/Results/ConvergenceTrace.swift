/// The message sequence that takes the network to its stable state, one BGP UPDATE/WITHDRAW at a
/// time, with the tables at any step (step-through, forwards and back).
public struct ConvergenceTrace: Sendable {
    public let events: [ConvergenceEvent]
    public let convergence: Convergence
    /// The state before the first event: nothing learned yet, or the previous settings' stable state.
    private let start: Simulator

    /// From an empty network to the stable state of `settings`; or, with `previous`, from the stable
    /// state of `previous` to that of `settings` (what a toggle sets in motion).
    /// `previousTopology`: the topology before an edit; when the edit added or removed a speaker the
    /// replay starts from nothing (the first convergence of the edited network).
    public init(topology: Topology, settings: Settings, from previous: Settings? = nil, previousTopology: Topology? = nil,
                messageBudget: Int? = nil) throws(UnknownDownEntry) {
        let target = try Network(topology: topology, settings: settings)
        let before = try previous.map { (previous) throws(UnknownDownEntry) in
            try Network(topology: previousTopology ?? topology, settings: previous)
        }.flatMap { before in
            before.speakers.count == target.speakers.count
                && before.speakers.indices.allSatisfy { before.name(of: $0) == target.name(of: $0) } ? before : nil
        }
        // One key per prefix, over the prefixes of both states, so every message names its prefix.
        let prefixes = (target.originations + (before?.originations ?? [])).joined().map(\.prefix)
        let keys = RouteKeys(eachOf: prefixes)
        var simulator: Simulator
        if let before {
            simulator = Simulator(network: before, keys: keys)
            simulator.originate()
            _ = simulator.run(budget: simulator.defaultBudget)
            // Sessions the change takes down or brings up are steps of their own.
            simulator.stageSwitch(to: target)
        } else {
            simulator = Simulator(network: target, keys: keys)
            simulator.originate()
        }
        start = simulator
        let deliveredBefore = simulator.delivered
        var events: [ConvergenceEvent] = []
        let budget = messageBudget ?? simulator.defaultBudget
        while events.count < budget, let event = simulator.step() { events.append(event) }
        self.events = events
        // Stable, not "under budget": a budget exactly as long as the run still converged (R21).
        // Messages of this trace only (not those that settled the previous settings).
        convergence = simulator.isStable
            ? .converged(messages: simulator.delivered - deliveredBefore)
            : .didNotConverge(messages: simulator.delivered - deliveredBefore,
                              prefixes: simulator.prefixesInFlight)
    }

    /// The tables after the first `steps` events.
    public func result(after steps: Int) -> RoutingResult {
        var simulator = start
        for _ in 0..<min(max(steps, 0), events.count) { _ = simulator.step() }
        var convergence = self.convergence
        if steps < events.count {
            convergence = .didNotConverge(messages: simulator.delivered, prefixes: prefixes(ofEventsFrom: steps))
        }
        return RoutingResult(simulator, convergence: convergence)
    }

    public var final: RoutingResult { result(after: events.count) }

    /// The prefix a message carries.
    public func prefix(of message: BGPMessage) -> Prefix { start.keys.prefixes[message.key][0] }

    private func prefixes(ofEventsFrom index: Int) -> [Prefix] {
        Set(events[index...].compactMap { event -> Prefix? in
            if case .message(let message) = event { prefix(of: message) } else { nil }
        }).sorted()
    }

    /// `UPDATE route-server#0 → sdwan 10.2.0.0/16 [65515 12076 65020]`.
    public func describe(_ event: ConvergenceEvent) -> String {
        let network = start.network
        switch event {
        case .message(let message):
            let route = "\(network.name(of: message.from)) → \(network.name(of: message.to)) \(prefix(of: message))"
            guard let attributes = message.attributes else { return "WITHDRAW \(route)" }
            return "UPDATE \(route) [\(attributes.asPathText)]"
        case .sessionDown(let a, let b, let reason):
            return "SESSION DOWN \(network.name(of: a)) — \(network.name(of: b)): \(reason)"
        case .sessionUp(let a, let b):
            return "SESSION UP \(network.name(of: a)) — \(network.name(of: b))"
        }
    }
}
