import RoutingEngine
import Yams

/// Cross-reference checks once every element is read: names unique across the file, sites that
/// exist and are connected once, NVAs only with a Route Server, down entries that name something.
enum TopologyValidator {
    static func validate(_ topology: Topology, _ decoder: TopologyDecoder) {
        let reader = decoder.reader
        var firstDefinition: [String: YAMLNode] = [:]
        for (name, node) in decoder.names {
            if let first = firstDefinition[name] {
                reader.fail(node, "the name '\(name)' is used twice", hint: "first defined at line \(first.mark?.line ?? 0); names are unique across the file")
            } else {
                firstDefinition[name] = node
            }
        }

        let siteNames = topology.sites.map(\.name)
        var connectedBy: [String: (by: String, node: YAMLNode)] = [:]
        for (site, node, element) in decoder.siteReferences {
            guard siteNames.contains(site) else {
                reader.fail(node, "site '\(site)' (used by \(element)) is not defined under sites",
                            hint: siteNames.isEmpty ? "add it under sites: with a name, asn and prefixes"
                                : Suggestions.hint(for: site, in: siteNames, listName: "sites"))
                continue
            }
            if let first = connectedBy[site] {
                reader.fail(node, "site '\(site)' is connected twice: by \(first.by) and by \(element)",
                            hint: "a site is one BGP speaker behind one element; first connected at line \(first.node.mark?.line ?? 0)")
            } else {
                connectedBy[site] = (element, node)
            }
        }

        if !topology.nvas.isEmpty && topology.routeServer == nil {
            reader.fail(decoder.nvasKey, "NVAs need a Route Server to peer with",
                        hint: "add a routeServer: NVAs peer with Azure Route Server")
        }

        let nodes = nodeNames(topology)
        for (entry, node) in decoder.downEntries {
            let ends = Network.sessionEnds(entry).map { [$0.0, $0.1] } ?? [entry]
            for end in ends where !isNode(end, nodes) {
                reader.fail(node, "down entry '\(entry)': '\(end)' is not a node, an instance (name#0, name#1) or a session (a--b)",
                            hint: Suggestions.hint(for: end, in: nodes.map(\.name), listName: "nodes"))
            }
        }
    }

    private static func nodeNames(_ topology: Topology) -> [(name: String, instances: Int)] {
        var names: [(String, Int)] = []
        if let routeServer = topology.routeServer { names.append((routeServer.name, 2)) }
        names += topology.nvas.map { ($0.name, 1) }
        if let gateway = topology.expressRouteGateway { names += [(gateway.name, 2), (gateway.circuit.name, 2)] }
        if let vpn = topology.vpnGateway { names.append((vpn.name, 2)) }
        names += topology.sites.map { ($0.name, 1) }
        return names
    }

    private static func isNode(_ word: String, _ nodes: [(name: String, instances: Int)]) -> Bool {
        if nodes.contains(where: { $0.name == word }) { return true }
        guard let hash = word.lastIndex(of: "#"), let instance = Int(word[word.index(after: hash)...]),
              let node = nodes.first(where: { $0.name == word[..<hash] }) else { return false }
        return node.instances > 1 && (0..<node.instances).contains(instance)
    }
}
