import RoutingEngine

/// The checks that need the whole file: one namespace for names, sites that exist and are connected
/// once, NVAs only with a Route Server, `down` entries that name a node, an instance or a session.
struct ReferenceChecks {
    let decoder: TopologyDecoder
    var log: DiagnosticLog { decoder.log }

    func run() {
        checkNames()
        checkSiteLinks()
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

    /// Every `site:` names a site, and each site is connected by one element only.
    private func checkSiteLinks() {
        let sites = siteNames
        var connected: [String: TopologyDecoder.SiteLink] = [:]
        for link in decoder.siteLinks.sorted(by: { $0.position < $1.position }) {
            guard sites.contains(link.site) else {
                let hint = sites.isEmpty ? "add it under sites: with a name, asn and prefixes"
                    : Suggestions.hint(for: link.site, in: sites, listName: "sites are")
                log.refuse("site '\(link.site)' of \(link.by) is not defined under sites", at: link.position, hint: hint)
                continue
            }
            if let first = connected[link.site] {
                log.refuse("site '\(link.site)' is connected twice", at: link.position,
                           hint: "it is already connected by \(first.by) at line \(first.position.line); "
                               + "a site is one BGP speaker behind one element")
            } else {
                connected[link.site] = link
            }
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
            case let owner where owner.hasPrefix("nvas[") || owner.hasPrefix("sites["):
                (definition.name, 1)
            default:
                nil
            }
        }
    }

    /// Each entry through the one check `--down` and `:down` use too.
    private func checkDown() {
        let virtualNetworks = decoder.names.filter { $0.owner == "hub" || $0.owner.hasPrefix("hub.spokes[") }.map(\.name)
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
