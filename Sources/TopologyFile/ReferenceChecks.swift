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

    private func checkDown() {
        let nodes = self.nodes
        let nodeNames = nodes.map(\.name)
        let virtualNetworks = decoder.names.filter {
            ($0.owner == "hub" || $0.owner.hasPrefix("hub.spokes[")) && !$0.owner.contains(".subnets[")
        }.map(\.name)
        for (entry, position) in decoder.downEntries {
            let ends = entry.components(separatedBy: "--")
            if ends.count > 2 || ends.contains(where: \.isEmpty) {
                log.refuse("'\(entry)' in down is neither a node nor a session", at: position,
                           hint: "write a node name, an instance (route-server#1) or a session of two names joined by '--'")
                continue
            }
            for end in ends {
                if let problem = problem(with: end, nodes: nodes, virtualNetworks: virtualNetworks) {
                    let message = ends.count == 2 ? "session '\(entry)' in down: '\(end)' \(problem.message)"
                        : "'\(entry)' in down \(problem.message)"
                    log.refuse(message, at: position,
                               hint: problem.hint ?? Suggestions.hint(for: end, in: nodeNames, listName: "nodes are"))
                    break
                }
            }
            if ends.count == 2, !ends.contains(where: { problem(with: $0, nodes: nodes, virtualNetworks: virtualNetworks) != nil }) {
                checkSession(entry, ends.map(Self.nodeName), at: position, sameNode: ends[0] == ends[1])
            }
        }
    }

    /// Both ends are nodes; refuses the entry unless a BGP session joins them.
    private func checkSession(_ entry: String, _ ends: [String], at position: SourcePosition, sameNode: Bool) {
        let peers = self.peers
        let first = ends[0], second = ends[1]
        if !sameNode, peers[first, default: []].contains(second) { return }
        let message = first == second ? "joins '\(first)' to itself" : "names no session: '\(first)' and '\(second)' do not peer"
        let theirs = peers[first, default: []].sorted()
        log.refuse("session '\(entry)' in down \(message)", at: position,
                   hint: theirs.isEmpty ? "'\(first)' has no BGP sessions" : "'\(first)' peers with \(theirs.joined(separator: ", "))")
    }

    /// `route-server#1` → `route-server`.
    private static func nodeName(_ word: String) -> String {
        word.lastIndex(of: "#").map { String(word[..<$0]) } ?? word
    }

    /// Who peers with whom, by node name (instances share their node's sessions).
    private var peers: [String: Set<String>] {
        var pairs = decoder.peerings
        if let routeServer = decoder.names.first(where: { $0.owner == "routeServer" })?.name {
            for definition in decoder.names where definition.owner.hasPrefix("nvas[")
                || ["expressRouteGateway", "vpnGateway"].contains(definition.owner) {
                pairs.append((routeServer, definition.name))
            }
        }
        var peers: [String: Set<String>] = [:]
        for (a, b) in pairs {
            peers[a, default: []].insert(b)
            peers[b, default: []].insert(a)
        }
        return peers
    }

    /// Why `word` is not a node or an instance, or nil when it is one.
    private func problem(with word: String, nodes: [(name: String, instances: Int)],
                         virtualNetworks: [String]) -> (message: String, hint: String?)? {
        if nodes.contains(where: { $0.name == word }) { return nil }
        if virtualNetworks.contains(word) {
            return ("is a virtual network, not a BGP node", "only BGP speakers go down: take down a gateway or Route Server instead")
        }
        if let hash = word.lastIndex(of: "#") {
            let base = String(word[..<hash])
            if let node = nodes.first(where: { $0.name == base }) {
                let instance = Int(word[word.index(after: hash)...])
                if let instance, (0..<node.instances).contains(instance) { return nil }
                let hint = node.instances > 1 ? "'\(base)' has instances #0 and #1" : "'\(base)' has one instance: write just '\(base)'"
                return ("names no instance of '\(base)'", hint)
            }
        }
        return ("names no node", nil)
    }
}
