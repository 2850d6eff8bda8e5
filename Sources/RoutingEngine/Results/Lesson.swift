/// A guided lesson: steps of narration, an action (switches, a selection) and check questions whose
/// right answers are computed from the tables, never typed into the lesson.
public struct Lesson: Equatable, Sendable {
    public let name: String
    public let title: String
    /// A bundled topology name or a path relative to the lesson file.
    public let topology: String
    public let steps: [LessonStep]

    public init(name: String, title: String, topology: String, steps: [LessonStep]) {
        self.name = name; self.title = title; self.topology = topology; self.steps = steps
    }

    /// The settings in force at each step: every step's changes on top of the previous ones.
    public func settings(through index: Int, startingFrom start: Settings) -> Settings {
        steps.prefix(index + 1).reduce(start) { $1.change.applied(to: $0) }
    }
}

public struct LessonStep: Equatable, Sendable {
    public let say: String
    /// The node or VNet to select, if the step points at one.
    public let select: String?
    public let change: SettingsChange
    public let questions: [LessonQuestion]

    public init(say: String, select: String? = nil, change: SettingsChange = SettingsChange(), questions: [LessonQuestion] = []) {
        self.say = say; self.select = select; self.change = change; self.questions = questions
    }
}

/// What a step switches; nil leaves a switch as it was.
public struct SettingsChange: Equatable, Sendable {
    public var routeExchange: Bool?
    public var activeActive: Bool?
    public var hubRoutingPreference: HubRoutingPreference?
    public var down: [String]
    public var up: [String]

    public init(routeExchange: Bool? = nil, activeActive: Bool? = nil, hubRoutingPreference: HubRoutingPreference? = nil,
                down: [String] = [], up: [String] = []) {
        self.routeExchange = routeExchange; self.activeActive = activeActive
        self.hubRoutingPreference = hubRoutingPreference; self.down = down; self.up = up
    }

    public var isEmpty: Bool { self == SettingsChange() }

    public func applied(to settings: Settings) -> Settings {
        var next = settings
        if let routeExchange { next.routeExchange = routeExchange }
        if let activeActive, next.vpnActiveActive != nil { next.vpnActiveActive = activeActive }
        if let hubRoutingPreference { next.hubRoutingPreference = hubRoutingPreference }
        next.down.formUnion(down)
        next.down.subtract(up)
        return next
    }

    /// "route exchange on, sdwan down": for narration and headings.
    public var description: String {
        var parts: [String] = []
        if let routeExchange { parts.append("route exchange \(routeExchange ? "on" : "off")") }
        if let activeActive { parts.append("VPN active/active \(activeActive ? "on" : "off")") }
        if let hubRoutingPreference { parts.append("preference \(hubRoutingPreference.rawValue)") }
        parts += down.map { "\($0) down" } + up.map { "\($0) up" }
        return parts.joined(separator: ", ")
    }
}

public struct LessonQuestion: Equatable, Sendable {
    public let question: String
    public let answer: Answer

    public init(_ question: String, answer: Answer) { self.question = question; self.answer = answer }

    /// What to look up in the tables.
    public enum Answer: Equatable, Sendable {
        /// The AS path of the node's best route for the prefix.
        case asPath(node: String, prefix: Prefix)
        /// Its next hop(s).
        case nextHop(node: String, prefix: Prefix)
        /// Whether the node has a route at all.
        case has(node: String, prefix: Prefix)
        /// The best-path step that decided.
        case reason(node: String, prefix: Prefix)
        /// The state of the sessions between two nodes.
        case session(String, String)
        /// What a VNet's VMs use for the prefix.
        case effectiveRoute(vnet: String, prefix: Prefix)
    }
}

extension RoutingResult {
    /// The right answer to a lesson question, computed from these tables.
    public func answer(_ answer: LessonQuestion.Answer) -> String {
        switch answer {
        case .asPath(let name, let prefix), .nextHop(let name, let prefix), .has(let name, let prefix), .reason(let name, let prefix):
            guard let node = node(named: name) else { return "there is no node \(name)" }
            let best = bestRoutes(of: node, for: prefix)
            guard let first = best.first else {
                if case .has = answer { return "no: \(name) has no route for \(prefix)" }
                return "\(name) has no route for \(prefix)"
            }
            switch answer {
            case .asPath: return first.attributes.asPath.isEmpty ? "empty (\(name) originates it)" : first.attributes.asPathText
            case .nextHop: return Set(best.map(\.attributes.nextHop)).sorted().map(\.description).joined(separator: " and ")
            case .has: return "yes, via \(first.from ?? "itself") [\(first.attributes.asPathText)]"
            default: return first.reason?.rawValue ?? "only path"
            }
        case .session(let first, let second):
            guard let ids = network.sessions(between: first, and: second), !ids.isEmpty else { return "no session between \(first) and \(second)" }
            let down = ids.map { network.sessions[$0] }.filter { !$0.state.isUp }
            return down.isEmpty ? "Established" : "Down: \(down[0].state.reason ?? "")"
        case .effectiveRoute(let name, let prefix):
            guard let vnet = network.virtualNetworks.first(where: { $0.name == name }) else { return "there is no VNet \(name)" }
            guard let route = effectiveRoutes(of: vnet).first(where: { $0.prefix == prefix && $0.state == .active }) else {
                return "no route: \(name)'s VMs cannot reach \(prefix)"
            }
            let via = route.learnedFrom.map { " (from \($0.rawValue))" } ?? ""
            return "\(route.nextHopType.rawValue) \(route.nextHopIPs.map(\.description).joined(separator: ", "))\(via)"
        }
    }
}
