/// A fact a workshop or a CI job expects of the tables (`routescope check TOPOLOGY --expect FILE`).
public struct Expectation: Equatable, Sendable {
    public enum Fact: Equatable, Sendable {
        /// A node has (or lacks) a route for a prefix; optionally with this best AS path and next hop.
        case route(node: String, prefix: Prefix, present: Bool, asPath: [UInt32]?, nextHop: IPv4Address?)
        /// The sessions between two nodes (or instances) are all up, or all down.
        case session(String, String, established: Bool)
        /// A VNet's VMs have (or lack) an active effective route; optionally with this next hop.
        case effectiveRoute(vnet: String, prefix: Prefix, present: Bool, nextHop: IPv4Address?)
    }

    public let fact: Fact
    /// Where the fact is written, for messages.
    public let line: Int
    public let column: Int

    public init(_ fact: Fact, line: Int, column: Int) {
        self.fact = fact; self.line = line; self.column = column
    }
}

/// Facts checked under one set of switches.
public struct ExpectationCase: Equatable, Sendable {
    public let name: String
    /// Changes to the file's settings (nil: as the file says).
    public let routeExchange: Bool?
    public let activeActive: Bool?
    public let hubRoutingPreference: HubRoutingPreference?
    public let down: [String]
    public let expectations: [Expectation]

    public init(name: String, routeExchange: Bool? = nil, activeActive: Bool? = nil,
                hubRoutingPreference: HubRoutingPreference? = nil, down: [String] = [], expectations: [Expectation]) {
        self.name = name; self.routeExchange = routeExchange; self.activeActive = activeActive
        self.hubRoutingPreference = hubRoutingPreference; self.down = down; self.expectations = expectations
    }

    public func settings(for topology: Topology) -> Settings {
        var settings = Settings(of: topology)
        if let routeExchange { settings.routeExchange = routeExchange }
        if let activeActive { settings.vpnActiveActive = activeActive }
        if let hubRoutingPreference { settings.hubRoutingPreference = hubRoutingPreference }
        settings.down.formUnion(down)
        return settings
    }
}

extension RoutingResult {
    /// Whether the fact holds, and what the tables actually say (for the report).
    public func check(_ fact: Expectation.Fact) -> (holds: Bool, actual: String) {
        switch fact {
        case .route(let name, let prefix, let present, let asPath, let nextHop):
            guard let node = node(named: name) else { return (false, "there is no node \(name)") }
            let best = bestRoutes(of: node, for: prefix)
            guard let first = best.first else { return (!present, "\(name) has no route for \(prefix)") }
            let path = first.attributes.asPath.isEmpty ? "" : " [\(first.attributes.asPathText)]"
            let actual = "\(name) has \(prefix) \(first.from.map { "via \($0)\(path)" } ?? "originated here\(path)"), next hop "
                + Set(best.map(\.attributes.nextHop)).sorted().map(\.description).joined(separator: ", ")
            guard present else { return (false, actual) }
            let pathHolds = asPath.map { expected in best.contains { $0.attributes.asPath == expected } } ?? true
            let hopHolds = nextHop.map { expected in best.contains { $0.attributes.nextHop == expected } } ?? true
            return (pathHolds && hopHolds, actual)
        case .session(let first, let second, let established):
            guard let ids = network.sessions(between: first, and: second), !ids.isEmpty else {
                return (false, "there is no session between \(first) and \(second)")
            }
            let states = ids.map { network.sessions[$0].state }
            let up = states.filter(\.isUp).count
            let reason = states.compactMap(\.reason).first ?? ""
            let actual = states.count == 1 ? (up == 1 ? "the session is Established" : "the session is Down (\(reason))")
                : up == states.count ? "all \(states.count) sessions Established"
                : "\(states.count - up) of \(states.count) sessions Down (\(reason))"
            return (established ? up == states.count : up == 0, actual)
        case .effectiveRoute(let name, let prefix, let present, let nextHop):
            guard let vnet = network.virtualNetworks.first(where: { $0.name == name }) else { return (false, "there is no VNet \(name)") }
            let route = effectiveRoutes(of: vnet).first { $0.prefix == prefix && $0.state == .active }
            guard let route else { return (!present, "\(name) has no active effective route for \(prefix)") }
            let actual = "\(name) routes \(prefix) to \(route.nextHopType.rawValue) \(route.nextHopIPs.map(\.description).joined(separator: ", "))"
            guard present else { return (false, actual) }
            return (nextHop.map { route.nextHopIPs.contains($0) } ?? true, actual)
        }
    }
}
