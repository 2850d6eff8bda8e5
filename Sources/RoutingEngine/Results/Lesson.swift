/// A guided lesson: steps of narration, an action the student takes (switches) and check questions
/// whose right answers are computed from the tables, never typed into the lesson.
public struct Lesson: Equatable, Sendable {
    public let name: String
    public let title: String
    /// A bundled topology name or a path relative to the lesson file.
    public let topology: String
    public let steps: [LessonStep]

    public init(name: String, title: String, topology: String, steps: [LessonStep]) {
        self.name = name; self.title = title; self.topology = topology; self.steps = steps
    }

    /// The settings a step's questions are about: every step's change up to and including it, on top
    /// of the topology file's.
    public func settings(through index: Int, startingFrom start: Settings) -> Settings {
        steps.prefix(index + 1).reduce(start) { $1.change.applied(to: $0) }
    }

    /// The settings a step starts from: what the steps before it left.
    public func settings(before index: Int, startingFrom start: Settings) -> Settings {
        index == 0 ? start : settings(through: index - 1, startingFrom: start)
    }
}

public struct LessonStep: Equatable, Sendable {
    public let say: String
    /// The node or VNet the step's questions are about: the explorer selects it and shows its table.
    public let select: String?
    /// What the student is asked to switch; the step waits until the switches match.
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

    /// What turns `current` into `target`, switch by switch (empty when they are equal).
    public init(from current: Settings, to target: Settings) {
        self.init(routeExchange: current.routeExchange == target.routeExchange ? nil : target.routeExchange,
                  activeActive: current.vpnActiveActive == target.vpnActiveActive ? nil : target.vpnActiveActive,
                  hubRoutingPreference: current.hubRoutingPreference == target.hubRoutingPreference ? nil : target.hubRoutingPreference,
                  down: target.down.subtracting(current.down).sorted(), up: current.down.subtracting(target.down).sorted())
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
    public var description: String { parts.joined(separator: ", ") }

    /// One phrase per switch, in the status line's order.
    public var parts: [String] {
        var parts: [String] = []
        if let routeExchange { parts.append("route exchange \(routeExchange ? "on" : "off")") }
        if let activeActive { parts.append("VPN active/active \(activeActive ? "on" : "off")") }
        if let hubRoutingPreference { parts.append("preference \(hubRoutingPreference.rawValue)") }
        return parts + down.map { "\($0) down" } + up.map { "\($0) up" }
    }
}

public struct LessonQuestion: Equatable, Sendable {
    public let question: String
    public let answer: Answer
    /// Text the lesson adds after the engine's explanation (a quotation of Microsoft's page, say).
    public let why: String?
    /// Offered answers for a multiple-choice question; nil: the answer kind's own (yes/no) or typed text.
    public let choices: [String]?

    public init(_ question: String, answer: Answer, why: String? = nil, choices: [String]? = nil) {
        self.question = question; self.answer = answer; self.why = why; self.choices = choices
    }

    /// What to look up in the tables.
    public enum Answer: Equatable, Sendable {
        /// The AS path of the node's best route for the prefix.
        case asPath(node: String, prefix: Prefix)
        /// Its next hop(s).
        case nextHop(node: String, prefix: Prefix)
        /// How many next hops it has (multipath).
        case nextHopCount(node: String, prefix: Prefix)
        /// Yes or no: does the node have a route at all.
        case has(node: String, prefix: Prefix)
        /// The best-path step that decided.
        case reason(node: String, prefix: Prefix)
        /// The state of the sessions between two nodes (or instances).
        case session(String, String)
        /// What a VNet's VMs use for the prefix.
        case effectiveRoute(vnet: String, prefix: Prefix)
        /// Yes or no: do the VNet's VMs get a gateway or Route Server route for the prefix.
        case programmed(vnet: String, prefix: Prefix)
        /// Which source the VNet's VMs use for the prefix: ExpressRoute, VPN, NVA or none.
        case source(vnet: String, prefix: Prefix)

        /// The node or VNet the answer is read from.
        public var subject: String {
            switch self {
            case .asPath(let node, _), .nextHop(let node, _), .nextHopCount(let node, _), .has(let node, _), .reason(let node, _): node
            case .session(let first, _): first
            case .effectiveRoute(let vnet, _), .programmed(let vnet, _), .source(let vnet, _): vnet
            }
        }

        public var prefix: Prefix? {
            switch self {
            case .asPath(_, let prefix), .nextHop(_, let prefix), .nextHopCount(_, let prefix), .has(_, let prefix),
                 .reason(_, let prefix), .effectiveRoute(_, let prefix), .programmed(_, let prefix), .source(_, let prefix): prefix
            case .session: nil
            }
        }

        /// The choices a student picks from when the lesson gives none; nil: typed.
        public var defaultChoices: [String]? {
            switch self {
            case .has, .programmed: ["yes", "no"]
            case .session: ["Established", "Down"]
            case .source: ["ExpressRoute", "VPN", "NVA", "none"]
            default: nil
            }
        }
    }

    /// The choices to offer, or nil for a typed answer.
    public var offeredChoices: [String]? { choices ?? answer.defaultChoices }
}
