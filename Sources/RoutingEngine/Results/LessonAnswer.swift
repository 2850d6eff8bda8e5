/// The right answer to a lesson question, computed from a result: the answer in a few words first
/// ("yes", "65515 12076 65020", "2"), then why, from the same tables.
public struct LessonAnswer: Equatable, Sendable {
    public let short: String
    public let why: String
    let matcher: Matcher

    /// "yes — sdwan has 10.2.0.0/16 via route-server [65515 12076 65020]"
    public var text: String { why.isEmpty ? short : "\(short) — \(why)" }

    /// What a student's answer must say to be right.
    enum Matcher: Equatable, Sendable {
        case yesNo(Bool)
        case asPath([UInt32])
        /// Next hop addresses (empty: no route).
        case addresses(Set<IPv4Address>)
        case number(Int)
        /// Any of these words or phrases (lower case), or, when given, exactly these addresses.
        case words([String], addresses: Set<IPv4Address>?)
    }

    /// Whether a student's answer (typed or chosen) says what the tables say.
    public func accepts(_ response: String) -> Bool {
        let text = response.lowercased().trimmingWhitespace
        guard !text.isEmpty else { return false }
        switch matcher {
        case .yesNo(let yes):
            let first = text.prefix { $0.isLetter }
            return yes ? ["y", "yes", "true"].contains(first) : ["n", "no", "false"].contains(first)
        case .asPath(let path):
            if path.isEmpty { return ["empty", "none", "nothing", "-"].contains(text) }
            return Self.numbers(in: text).map(UInt32.init) == path
        case .addresses(let addresses):
            if addresses.isEmpty { return ["none", "no route", "no", "nothing"].contains(text) }
            return Set(Self.addresses(in: text)) == addresses
        case .number(let count):
            let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight"]
            return Self.numbers(in: text).first.map { Int($0) } == count || text.split(separator: " ").first.map(String.init) == words[safe: count]
        case .words(let words, let addresses):
            if words.contains(where: { text == $0 || text.contains($0) }) { return true }
            if let addresses, !addresses.isEmpty { return Set(Self.addresses(in: text)) == addresses }
            return false
        }
    }

    /// Whole numbers in the text, in order ("65515-12076" and "65515 12076" alike).
    static func numbers(in text: String) -> [UInt64] {
        text.split { !$0.isNumber }.compactMap { UInt64($0) }
    }

    static func addresses(in text: String) -> [IPv4Address] {
        text.split { !($0.isNumber || $0 == ".") }.compactMap { IPv4Address($0) }
    }

    func adding(_ text: String) -> LessonAnswer {
        LessonAnswer(short: short, why: why.isEmpty ? text : "\(why). \(text)", matcher: matcher)
    }
}

extension LessonQuestion {
    /// The student's answer checked against the tables: "right — …" or "not quite — …", with why.
    public func check(_ response: String, in result: RoutingResult) -> (right: Bool, text: String) {
        let answer = result.answer(to: self)
        let right = answer.accepts(response)
        return (right, (right ? "right — " : "not quite — ") + answer.text)
    }
}

extension RoutingResult {
    /// The answer to a question, with the lesson's own `why` after the engine's explanation.
    public func answer(to question: LessonQuestion) -> LessonAnswer {
        let answer = answer(question.answer)
        return question.why.map { answer.adding($0) } ?? answer
    }

    public func answer(_ answer: LessonQuestion.Answer) -> LessonAnswer {
        switch answer {
        case .asPath(let name, let prefix), .nextHop(let name, let prefix), .nextHopCount(let name, let prefix),
             .has(let name, let prefix), .reason(let name, let prefix):
            guard let node = node(named: name) else { return Self.nothing("there is no node \(name)") }
            return nodeAnswer(answer, node: node, prefix: prefix)
        case .session(let first, let second):
            return sessionAnswer(first, second)
        case .effectiveRoute(let name, let prefix), .programmed(let name, let prefix), .source(let name, let prefix):
            guard let vnet = network.virtualNetworks.first(where: { $0.name == name }) else { return Self.nothing("there is no VNet \(name)") }
            return vnetAnswer(answer, vnet: vnet, prefix: prefix)
        }
    }

    private static func nothing(_ text: String) -> LessonAnswer { LessonAnswer(short: text, why: "", matcher: .words([], addresses: nil)) }

    // MARK: a node's BGP table

    private func nodeAnswer(_ answer: LessonQuestion.Answer, node: Node, prefix: Prefix) -> LessonAnswer {
        let best = bestRoutes(of: node, for: prefix)
        let name = node.name
        guard let first = best.first else {
            let why = "\(name) has no route for \(prefix): \(absence(of: prefix, at: node))"
            switch answer {
            case .has: return LessonAnswer(short: "no", why: why, matcher: .yesNo(false))
            case .nextHopCount: return LessonAnswer(short: "0", why: why, matcher: .number(0))
            default: return LessonAnswer(short: "no route", why: why, matcher: .words(["no route", "none", "no"], addresses: nil))
            }
        }
        switch answer {
        case .has:
            return LessonAnswer(short: "yes", why: "\(name) has \(prefix) \(via(first))", matcher: .yesNo(true))
        case .asPath:
            return LessonAnswer(short: first.attributes.asPath.isEmpty ? "empty" : first.attributes.asPathText,
                                why: pathStory(first, at: name), matcher: .asPath(first.attributes.asPath))
        case .nextHop, .nextHopCount:
            let hops = Set(best.map(\.attributes.nextHop)).sorted()
            let why = nextHopStory(hops)
            if case .nextHopCount = answer { return LessonAnswer(short: "\(hops.count)", why: why, matcher: .number(hops.count)) }
            return LessonAnswer(short: hops.map(\.description).joined(separator: " and "), why: why, matcher: .addresses(Set(hops)))
        default:
            let step = first.reason ?? .onlyPath
            let losers = routes(of: node, for: prefix).filter { !$0.isSelected }
            var why = "the best path is [\(first.attributes.asPathText)] \(via(first))"
            if let loser = losers.first {
                why += "; [\(loser.attributes.asPathText)] from \(loser.from ?? name) lost at \(loser.lostAt?.rawValue ?? step.rawValue)"
            }
            return LessonAnswer(short: step.rawValue, why: why, matcher: .words([step.rawValue.lowercased()], addresses: nil))
        }
    }

    private func via(_ route: Route) -> String {
        guard let from = route.from else { return "originated by itself" }
        return "via \(from) [\(route.attributes.asPathText)]"
    }

    /// "read right to left: on-prem-2 (65020) originated it, then er-circuit (12076), route-server (65515)"
    private func pathStory(_ route: Route, at name: String) -> String {
        let path = route.attributes.asPath
        guard !path.isEmpty else {
            guard let from = route.from else { return "\(name) originates it" }
            return "\(from) passed it over iBGP, which adds no ASN, from where it was originated"
        }
        var runs: [(asn: UInt32, count: Int)] = []
        for asn in path.reversed() {
            if runs.last?.asn == asn { runs[runs.count - 1].count += 1 } else { runs.append((asn, 1)) }
        }
        let origin = explain(prefix: route.prefix, at: name)?.originators.compactMap { node(named: $0) }.first
        let named = runs.enumerated().map { index, run in
            let who = index == 0 && origin?.asn == run.asn ? origin!.name : owner(of: run.asn)
            return "\(who) (\(run.asn)\(run.count > 1 ? " ×\(run.count): prepended" : ""))"
        }
        let hops = named.joined(separator: ", ")
        guard let origin, origin.asn != runs[0].asn else { return "read right to left: " + hops + "; the first one originated it" }
        // The originator's ASN is gone: the MSEE removed the private ASNs before its own (R12).
        let removed = runs[0].asn == ASN.microsoftEdge ? ": the MSEE removes private ASNs towards the site and puts its own, 12076 (R12)" : ""
        return "\(origin.name) originated it, but its ASN (\(origin.asn)) is not in the path any more\(removed); read right to left: \(hops)"
    }

    /// The node that speaks an ASN: a site or NVA first (Azure's 65515 is shared by Route Server and the gateways).
    private func owner(of asn: UInt32) -> String {
        let owners = nodes.filter { $0.asn == asn }
        let order: [NodeKind] = [.site, .nva, .expressRouteCircuit, .routeServer, .vpnGateway, .expressRouteGateway]
        return order.lazy.compactMap { kind in owners.first { $0.kind == kind }?.name }.first ?? "AS \(asn)"
    }

    /// "two next hops: one per Azure Route Server instance (10.0.1.4 is route-server#0, 10.0.1.5 is route-server#1)"
    func nextHopStory(_ hops: [IPv4Address]) -> String {
        let owners = hops.map { hop in network.speakers.first { $0.address == hop } }
        let named = zip(hops, owners).map { hop, speaker in
            if let speaker { return "\(hop) is \(network.name(of: speaker.id))" }
            // R23: an address no BGP speaker has is the next hop NVAs set (a load balancer's frontend, a firewall).
            let setters = topology.nvas.filter { $0.nextHop == hop }.map(\.name)
            return setters.isEmpty ? "\(hop) is the next hop the announcing peer set"
                                   : "\(hop) is the next hop \(setters.joined(separator: " and ")) set\(setters.count == 1 ? "s" : ""), not \(setters.count == 1 ? "its" : "their") own IP"
        }
        let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight"]
        var text = "\(words[safe: hops.count] ?? "\(hops.count)") next hop\(hops.count == 1 ? "" : "s")"
        let nodesOwning = Set(owners.compactMap { $0?.node })
        if hops.count > 1, owners.allSatisfy({ $0 != nil }), nodesOwning.count == 1, let node = nodesOwning.first {
            text += ": one per \(network.nodes[node].kind.displayName) instance"
        }
        return text + " (" + named.joined(separator: ", ") + ")"
    }

    /// Why a node holds no route for a prefix, from `explain`: a refusal, a blocker, or no origin at all.
    func absence(of prefix: Prefix, at node: Node) -> String {
        guard let explanation = explain(prefix: prefix, at: node.name) else { return "there is no node \(node.name)" }
        if let rejected = explanation.rejected.first {
            return "it refused the path from \(rejected.from): \(rejected.reason) (\(rejected.rule.rawValue))"
        }
        if let blocker = explanation.blockers.first {
            return "\(blocker.at) does not send it to \(blocker.towards): \(blocker.reason)" + (blocker.rule.map { " (\($0.rawValue))" } ?? "")
        }
        if explanation.originators.isEmpty { return "nothing in this network announces it" }
        return "it does not reach \(node.name) from \(explanation.originators.joined(separator: ", "))"
    }

    // MARK: sessions

    private func sessionAnswer(_ first: String, _ second: String) -> LessonAnswer {
        guard let ids = network.sessions(between: first, and: second), !ids.isEmpty else {
            return Self.nothing("no session between \(first) and \(second)")
        }
        let sessions = ids.map { network.sessions[$0] }
        let down = sessions.filter { !$0.state.isUp }
        let count = sessions.count == 1 ? "the session is" : "all \(sessions.count) sessions (one per instance) are"
        guard let firstDown = down.first else {
            let warning = sessions.compactMap(\.warning).first.map { ", with a warning: \($0)" } ?? ""
            return LessonAnswer(short: "Established", why: "\(count) up\(warning)", matcher: .words(["established", "up", "yes"], addresses: nil))
        }
        let ends = "\(network.name(of: firstDown.a)) — \(network.name(of: firstDown.b))"
        let rule = firstDown.downRule.map { " (\($0.rawValue))" } ?? ""
        let partly = down.count < sessions.count ? "; \(sessions.count - down.count) of \(sessions.count) are up" : ""
        return LessonAnswer(short: "Down", why: "\(ends): \(firstDown.state.reason ?? "down")\(rule)\(partly)",
                            matcher: .words(["down", "no", "idle"], addresses: nil))
    }

    // MARK: a VNet's effective routes

    private func vnetAnswer(_ answer: LessonQuestion.Answer, vnet: VirtualNetwork, prefix: Prefix) -> LessonAnswer {
        let routes = effectiveRoutes(of: vnet).filter { $0.prefix == prefix && $0.state == .active }
        let gateway = routes.first { $0.source == .virtualNetworkGateway }
        switch answer {
        case .programmed:
            guard let gateway else { return LessonAnswer(short: "no", why: notProgrammed(prefix, in: vnet), matcher: .yesNo(false)) }
            return LessonAnswer(short: "yes", why: "\(vnet.name)'s VMs use \(describe(gateway))", matcher: .yesNo(true))
        case .source:
            guard let gateway, let source = gateway.learnedFrom else {
                return LessonAnswer(short: "none", why: notProgrammed(prefix, in: vnet), matcher: .words(["none", "no route", "nothing"], addresses: nil))
            }
            let preference = "hub routing preference \(settings.hubRoutingPreference.rawValue)"
            return LessonAnswer(short: source.rawValue, why: "\(vnet.name)'s VMs use \(describe(gateway)), under \(preference)",
                                matcher: .words(Self.words(for: source), addresses: nil))
        default:
            guard let route = routes.first else {
                return LessonAnswer(short: "no route", why: "\(vnet.name)'s VMs cannot reach \(prefix)", matcher: .words(["no route", "none"], addresses: nil))
            }
            let words = [route.nextHopType.rawValue.lowercased()] + (route.learnedFrom.map(Self.words(for:)) ?? [])
            let short = "\(route.nextHopType.rawValue)\(route.nextHopIPs.isEmpty ? "" : " " + route.nextHopIPs.map(\.description).joined(separator: ", "))"
            let why = route.source == .default ? "a system route (\(route.nextHopType.rawValue)): Azure adds it for the VNet's own and peered address spaces"
                                               : describe(route)
            return LessonAnswer(short: short, why: why, matcher: .words(words, addresses: Set(route.nextHopIPs)))
        }
    }

    private static func words(for source: RouteSourceClass) -> [String] {
        switch source {
        case .expressRoute: ["expressroute", "express route", "er"]
        case .vpn: ["vpn"]
        case .nva: ["nva", "appliance", "route server"]
        }
    }

    /// "the route from ExpressRoute [12076 65020]: next hop 10.2.255.1 and 10.2.255.2 (…)"
    private func describe(_ route: EffectiveRoute) -> String {
        let from = route.learnedFrom.map { "the route from \($0.rawValue)" } ?? "the route"
        let path = route.asPath.map { " [\($0.map(String.init).joined(separator: " "))]" } ?? ""
        return "\(from)\(path), \(nextHopStory(route.nextHopIPs))"
    }

    /// Why VMs have no gateway route for a prefix: a VNet space covers it (R15) or nothing offers it.
    private func notProgrammed(_ prefix: Prefix, in vnet: VirtualNetwork) -> String {
        let hub = topology.hub
        let spaces = [(hub.name, hub.addressSpace)] + hub.spokes.map { ($0.name, $0.addressSpace) }
        if let (owner, space) = spaces.lazy.compactMap({ owner, space in space.first { $0.contains(prefix) }.map { (owner, $0) } }).first {
            let relation = space == prefix ? "equal to" : "more specific than"
            return "\(prefix) is \(relation) \(owner)'s address space \(space), and Azure does not program a BGP route equal to or "
                + "more specific than a virtual network's address space (R15): the system route for \(space) stays"
        }
        if let routeServer = topology.routeServer.flatMap({ node(named: $0.name) }), bestRoutes(of: routeServer, for: prefix).isEmpty {
            return "no gateway and no Route Server offers it: \(absence(of: prefix, at: routeServer))"
        }
        return "no gateway and no Route Server offers \(prefix)"
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

private extension StringProtocol {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
