import RoutingEngine

/// Why a node holds the paths it holds for a prefix, in sentences a learner can follow: the paths
/// FRR-style, which step decided between them, and where copies stopped on their way (with the rule).
public enum ExplainReport {
    public static func lines(_ explanation: Explanation) -> [String] {
        var lines: [String] = []
        let node = explanation.node, prefix = explanation.prefix
        if explanation.candidates.isEmpty {
            lines.append("\(node) has no route for \(prefix).")
        } else {
            let selected = explanation.candidates.filter(\.isSelected)
            lines.append("\(node) holds \(explanation.candidates.count) path\(explanation.candidates.count == 1 ? "" : "s") for \(prefix); "
                         + (selected.count > 1 ? "\(selected.count) are used together (multipath)." : "one is best."))
            lines += ["", BGPTableFormat.header] + BGPTableFormat.lines(explanation.candidates) + [""]
            let instances = Set(explanation.candidates.map(\.instance)).count > 1
            for route in explanation.candidates {
                lines.append((instances ? "\(node)#\(route.instance): " : "") + sentence(for: route))
            }
        }
        for rejected in explanation.rejected {
            lines.append("\(rejected.from) sent [\(rejected.attributes.asPathText)] but \(node) refused it: \(rejected.reason) — \(rejected.rule.citation) \(rejected.rule.title).")
        }
        // With a route in hand, only what a rule stopped is worth saying; without one, everything.
        let blockers = explanation.candidates.isEmpty ? explanation.blockers : explanation.blockers.filter { $0.rule != nil }
        if !blockers.isEmpty {
            lines += ["", "Where other copies stopped:"]
            for blocker in blockers {
                let rule = blocker.rule.map { " — \($0.citation) \($0.title)" } ?? " — plain BGP"
                lines.append("  \(blocker.at) does not pass it to \(blocker.towards): \(blocker.reason)\(rule).")
            }
        }
        lines += notes(explanation.notes, warnings: explanation.warnings)
        if explanation.originators.isEmpty {
            lines.append("No node originates \(prefix): nothing to learn.")
        } else {
            lines.append("")
            lines.append("Originated by \(explanation.originators.joined(separator: ", ")).")
        }
        return lines
    }

    /// A VNet's effective routes for one prefix, and why a gateway route is not among them (R15).
    public static func lines(_ explanation: VNetExplanation) -> [String] {
        var lines: [String] = []
        let vnet = explanation.vnet, prefix = explanation.prefix
        if explanation.routes.isEmpty {
            lines.append("VMs in \(vnet) have no effective route for exactly \(prefix); they use the longest matching prefix.")
        } else {
            lines.append("Effective routes of VMs in \(vnet) for \(prefix):")
            lines += TextReport.effectiveRouteTable(explanation.routes)
        }
        return lines + notes(explanation.notes, warnings: [])
    }

    private static func notes(_ notes: [ExplanationNote], warnings: [Warning]) -> [String] {
        guard !notes.isEmpty || !warnings.isEmpty else { return [] }
        return [""] + notes.map { "Note (\($0.rule.citation) \($0.rule.title)): \($0.text)." }
            + warnings.map { "Warning about \($0.node ?? "the network"): \($0.message) — \($0.rule.citation) \($0.rule.title)." }
    }

    /// One path in words: where it came from, and why it won or lost.
    static func sentence(for route: Route) -> String {
        let source = route.from.map { "from \($0)\(route.fromInstance.map { "#\($0)" } ?? "")" } ?? "originated here"
        var attributes = "AS path [\(route.attributes.asPathText)], weight \(route.weight), \(route.ibgp ? "iBGP" : (route.from == nil ? "local" : "eBGP"))"
        if !route.attributes.communities.isEmpty {
            attributes += ", communities \(route.attributes.communities.map(\.description).joined(separator: " "))"
        }
        let verdict: String
        if route.isBest {
            verdict = route.reason == .multipath ? "best, sharing with equal paths (multipath)"
                : route.reason == .onlyPath ? "best: the only path" : "best, decided by \(route.reason?.rawValue ?? "")"
        } else if route.isSelected {
            verdict = "used too (multipath)"
        } else {
            verdict = "not used: lost at \(route.lostAt?.rawValue ?? "")"
        }
        return "Path \(source) (\(attributes)): \(verdict)."
    }
}

extension ExplainReport {
    /// Why VMs in a VNet use the route they use: the table's entries for the prefix, then in words
    /// the kind of route (system route, UDR, BGP through a gateway), for BGP every offer with the
    /// step of hub routing preference it lost at, and ECMP.
    public static func lines(_ explanation: EffectiveRouteExplanation) -> [String] {
        let vnet = explanation.vnet, prefix = explanation.prefix
        var lines = ["VMs in \(vnet) for \(prefix):", ""] + TextReport.effectiveRouteTable(explanation.entries) + [""]
        guard let used = explanation.used else {
            lines.append("No entry for \(prefix) is Active: VMs do not use any of them; a less specific route forwards the traffic.")
            return lines + shadowLines(explanation)
        }
        switch (used.source, used.nextHopType) {
        case (.user, _):
            lines.append("A user-defined route (UDR) from the subnet's route table: for the same prefix Azure uses a UDR before BGP and system routes.")
        case (.default, .vnetLocal):
            lines.append("A system route: \(prefix) is \(vnet)'s own address space (VnetLocal), reached inside the VNet.")
        case (.default, .vnetPeering):
            lines.append("A system route: \(prefix) is the address space of a peered VNet (VNetPeering), reached over the peering.")
        case (.default, .internet):
            lines.append("A system route: the default route to the Internet, used when no more specific route matches.")
        case (.default, _):
            lines.append("A system route (\(used.nextHopType.rawValue)).")
        case (.virtualNetworkGateway, _):
            lines += gatewayLines(explanation, used)
        }
        for other in explanation.entries where other != used {
            if other.source == .default && other.nextHopType == .internet && other.state == .invalid {
                lines.append("The system default route to the Internet is Invalid: a default route from BGP takes over (forced tunnelling).")
            }
        }
        return lines + shadowLines(explanation)
    }

    private static func gatewayLines(_ explanation: EffectiveRouteExplanation, _ used: EffectiveRoute) -> [String] {
        let hops = used.nextHopIPs.map(\.description).joined(separator: ", ")
        var lines = ["Learned by BGP and programmed by the hub's gateways (VirtualNetworkGateway), next hop \(hops)."]
        let offers = explanation.offers
        guard !offers.isEmpty else { return lines }
        lines += ["", "What each Azure element offered (hub routing preference: \(explanation.preference.rawValue)):"]
        for offer in offers {
            let from = offer.from.map { " from \($0)" } ?? " (static connection)"
            let path = offer.asPath.isEmpty ? "empty AS path" : "AS path [\(offer.asPath.map(String.init).joined(separator: " "))]"
            let verdict = offer.lostAt.map { "lost at \($0.rawValue)" } ?? "programmed"
            lines.append("  \(offer.element)\(from): \(offer.sourceClass.rawValue), \(path), next hop \(offer.nextHop) — \(verdict)")
        }
        let kinds = Set(offers.map(\.sourceClass))
        lines.append("")
        if kinds.count == 1 && !offers.contains(where: { $0.lostAt != nil }) {
            lines.append(offers.count == 1 ? "One offer: nothing to decide."
                         : "Only \(used.learnedFrom?.rawValue ?? "one kind of") routes, with AS paths of one length: every one is programmed.")
        } else {
            if offers.contains(where: { $0.lostAt == .hubRoutingPreference }) {
                lines.append("Hub routing preference \(explanation.preference.rawValue) decided first: "
                             + preferenceSentence(explanation.preference) + " (R16).")
            } else if kinds.count > 1 {
                lines.append("Hub routing preference \(explanation.preference.rawValue) left every kind in (R16).")
            }
            if offers.contains(where: { $0.lostAt == .asPathLength }) {
                lines.append("Then the shortest AS path won: longer paths are not programmed.")
            }
            if offers.contains(where: { $0.lostAt == .sourceOrder }) {
                lines.append("Equal AS paths from different kinds: ExpressRoute before VPN before NVA [inf].")
            }
        }
        if used.nextHopIPs.count > 1 {
            lines.append("ECMP: VMs spread traffic over \(used.nextHopIPs.count) next hops (\(hops)), one per programmed path.")
        }
        return lines
    }

    private static func preferenceSentence(_ preference: HubRoutingPreference) -> String {
        switch preference {
        case .expressRoute: "ExpressRoute routes before VPN and NVA routes"
        case .vpnGateway: "VPN and NVA routes before ExpressRoute routes"
        case .asPath: "no kind first, the AS-path length decides"
        }
    }

    private static func shadowLines(_ explanation: EffectiveRouteExplanation) -> [String] {
        guard let space = explanation.shadowedBy else { return [] }
        return ["", "The BGP route for \(explanation.prefix) is Invalid: it falls in \(space), an address space of \(explanation.vnet) "
                + "or a peered VNet, and a prefix equal to or more specific than a VNet's space is not programmed (R15)."]
    }

    /// The line before an explanation that was asked about an address or a prefix the table lacks:
    /// "10.2.5.0/24 is not in sdwan's table; the covering route is 10.2.0.0/16 — explained below."
    /// nil when the table has exactly what was asked.
    public static func resolutionLine(_ resolution: PrefixResolution, at name: String, verb: String = "explained") -> String? {
        switch resolution {
        case .exact: return nil
        case .longestMatch(let address, let prefix):
            return "\(address): \(name) uses \(prefix), the longest matching prefix — \(verb) below."
        case .covering(let asked, let prefix):
            return "\(asked) is not in \(name)'s table; the covering route is \(prefix) — \(verb) below."
        case .absent(let prefix, let asked, let covering):
            let about = asked == .prefix(prefix) ? "" : "\(asked): no route of \(name) covers it; the network knows \(prefix) — "
            let tail = covering.map { "; \(name) forwards it by the covering route \($0)" } ?? ""
            return about.isEmpty ? (covering == nil ? nil : "\(name) has no route for \(prefix) (\(verb) below)\(tail).")
                                 : about + "\(verb) below\(tail)."
        case .nothing(let asked):
            return "No route of \(name), and no prefix anywhere in the network, covers \(asked)."
        }
    }
}
