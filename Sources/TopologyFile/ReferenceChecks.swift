import RoutingEngine

/// The checks that need the whole file: one namespace for names, sites and route tables that exist,
/// prepends towards elements attached to the site, NVAs only with a Route Server, `down` entries that
/// name a node, an instance or a session.
struct ReferenceChecks {
    let decoder: TopologyDecoder
    var log: DiagnosticLog { decoder.log }

    func run() {
        checkNames()
        checkSiteLinks()
        checkRouteTableLinks()
        checkPrependPeers()
        checkRouteServer()
        checkDown()
    }

    /// Names are unique across the file (contract §1); the later one is refused.
    private func checkNames() {
        var first: [String: TopologyDecoder.NameDefinition] = [:]
        for definition in decoder.names.sorted(by: { $0.position < $1.position }) {
            if let earlier = first[definition.name] {
                log.refuse("duplicate name '\(definition.name)' (\(definition.owner) and \(earlier.owner))",
                           at: definition.position,
                           hint: "first defined at line \(earlier.position.line); every name in a topology is unique")
            } else {
                first[definition.name] = definition
            }
        }
    }

    private var siteNames: [String] { decoder.names.filter { $0.owner.hasPrefix("sites[") }.map(\.name) }

    /// Every `site:` names a site. A site may be named by several elements: it peers with each (R27;
    /// revision 1 of the format refused that).
    private func checkSiteLinks() {
        let sites = siteNames
        for link in decoder.siteLinks.sorted(by: { $0.position < $1.position }) where !sites.contains(link.site) {
            let hint = sites.isEmpty ? "add it under sites: with a name, asn and prefixes"
                : Suggestions.hint(for: link.site, in: sites, listName: "sites are")
            log.refuse("site '\(link.site)' of \(link.by) is not defined under sites", at: link.position, hint: hint)
        }
    }

    /// Every subnet's `routeTable` names an entry of `routeTables` (R22).
    private func checkRouteTableLinks() {
        let tables = decoder.names.filter { $0.owner.hasPrefix("routeTables[") }.map(\.name)
        for link in decoder.routeTableLinks where !tables.contains(link.site) {
            let hint = tables.isEmpty ? "add it under routeTables: with a name and routes"
                : Suggestions.hint(for: link.site, in: tables, listName: "route tables are")
            log.refuse("route table '\(link.site)' of \(link.by) is not defined under routeTables", at: link.position, hint: hint)
        }
    }

    /// A site prepends only towards an element that peers with it: an NVA, a circuit or a VPN gateway
    /// with a BGP connection that names the site (R27).
    private func checkPrependPeers() {
        for prepend in decoder.prependPeers {
            let attached = decoder.siteLinks.filter { $0.site == prepend.site }.compactMap(\.element)
            guard !attached.contains(prepend.peer) else { continue }
            let unique = attached.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let staticOnly = decoder.siteLinks.contains { $0.site == prepend.site && $0.element == nil }
            let hint = !unique.isEmpty ? "'\(prepend.site)' peers with \(unique.joined(separator: ", "))"
                : staticOnly ? "'\(prepend.site)' has no BGP peer: a static connection (bgp: false) carries no AS path"
                : "'\(prepend.site)' has no BGP peer: name it as the site of an NVA, a circuit or a BGP connection"
            log.refuse("asPathPrepend of \(prepend.by) names '\(prepend.peer)', which is not attached to the site",
                       at: prepend.position, hint: hint)
        }
    }

    private func checkRouteServer() {
        guard let nvas = decoder.nvasKey, !decoder.hasRouteServer else { return }
        log.refuse("NVAs need a Route Server to peer with", at: nvas,
                   hint: "add a routeServer: NVAs peer with Azure Route Server, e.g. routeServer: {name: route-server}")
    }

    // MARK: down

    /// The BGP nodes `down` may name, with how many instances each has (`name#0`, `name#1`).
    private var nodes: [(name: String, instances: Int)] {
        decoder.names.compactMap { definition in
            switch definition.owner {
            case "routeServer", "expressRouteGateway", "expressRouteGateway.circuit", "vpnGateway":
                (definition.name, 2)
            case let owner where owner.hasPrefix("expressRouteGateway.circuits["):
                (definition.name, 2)
            case let owner where owner.hasPrefix("nvas[") || owner.hasPrefix("sites["):
                (definition.name, 1)
            default:
                nil
            }
        }
    }

    /// Each entry through the one check `--down` and `:down` use too.
    private func checkDown() {
        let virtualNetworks = decoder.names.filter {
            ($0.owner == "hub" || $0.owner.hasPrefix("hub.spokes[")) && !$0.owner.contains(".subnets[")
        }.map(\.name)
        var pairs = decoder.peerings
        if let routeServer = decoder.names.first(where: { $0.owner == "routeServer" })?.name {
            for definition in decoder.names where definition.owner.hasPrefix("nvas[")
                || ["expressRouteGateway", "vpnGateway"].contains(definition.owner) {
                pairs.append((routeServer, definition.name))
            }
        }
        let vocabulary = DownVocabulary(nodes: nodes, virtualNetworks: virtualNetworks, peerings: pairs)
        for (entry, position) in decoder.downEntries {
            if let problem = vocabulary.problem(with: entry) { log.refuse(problem.message, at: position, hint: problem.hint) }
        }
    }
}
