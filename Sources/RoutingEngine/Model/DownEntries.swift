/// What a `down` entry may name — BGP nodes with their instances, and the sessions between them — and
/// the one check of an entry, whether it comes from a file's `down`, the `--down` flag or the explorer's
/// `:down`: the same message and hint everywhere.
public struct DownVocabulary: Sendable {
    public var nodes: [(name: String, instances: Int)]
    public var virtualNetworks: [String]
    /// Who peers with whom, by node name (instances share their node's sessions).
    public var peers: [String: Set<String>]

    public init(nodes: [(name: String, instances: Int)], virtualNetworks: [String], peerings: [(String, String)]) {
        self.nodes = nodes
        self.virtualNetworks = virtualNetworks
        var peers: [String: Set<String>] = [:]
        for (a, b) in peerings {
            peers[a, default: []].insert(b)
            peers[b, default: []].insert(a)
        }
        self.peers = peers
    }

    public init(_ topology: Topology) {
        var nodes: [(String, Int)] = []
        var peerings: [(String, String)] = []
        if let routeServer = topology.routeServer {
            nodes.append((routeServer.name, 2))
            peerings += topology.nvas.map { (routeServer.name, $0.name) }
            peerings += [topology.expressRouteGateway?.name, topology.vpnGateway?.name].compactMap { $0.map { (routeServer.name, $0) } }
        }
        for nva in topology.nvas {
            nodes.append((nva.name, 1))
            if let site = nva.site { peerings.append((nva.name, site)) }
        }
        if let gateway = topology.expressRouteGateway {
            nodes += [(gateway.name, 2), (gateway.circuit.name, 2)]
            peerings += [(gateway.name, gateway.circuit.name), (gateway.circuit.name, gateway.circuit.site)]
        }
        if let gateway = topology.vpnGateway {
            nodes.append((gateway.name, 2))
            peerings += gateway.connections.filter(\.bgp).map { (gateway.name, $0.site) }
        }
        nodes += topology.sites.map { ($0.name, 1) }
        self.init(nodes: nodes, virtualNetworks: ([topology.hub] + topology.hub.spokes).map(\.name), peerings: peerings)
    }

    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public let message: String
        public let hint: String
        public var description: String { "\(message)\n  hint: \(hint)" }
    }

    /// Why `entry` names nothing that can go down, or nil when it is a node, an instance or a session.
    /// `field` is where the entry was written: `down` in a file, `--down`, `:down`.
    public func problem(with entry: String, in field: String = "down") -> Problem? {
        let ends = Self.ends(of: entry)
        if ends.count > 2 || ends.contains(where: \.isEmpty) {
            return Problem(message: "'\(entry)' in \(field) is neither a node nor a session",
                           hint: "write a node name, an instance (route-server#1) or a session of two names joined by '--'")
        }
        for end in ends {
            if let (problem, hint) = problem(with: end) {
                let message = ends.count == 2 ? "session '\(entry)' in \(field): '\(end)' \(problem)" : "'\(entry)' in \(field) \(problem)"
                return Problem(message: message, hint: hint ?? Suggestions.hint(for: end, in: nodes.map(\.name), listName: "nodes are"))
            }
        }
        guard ends.count == 2 else { return nil }
        let first = Self.nodeName(ends[0]), second = Self.nodeName(ends[1])
        if ends[0] != ends[1], peers[first, default: []].contains(second) { return nil }
        let message = first == second ? "joins '\(first)' to itself" : "names no session: '\(first)' and '\(second)' do not peer"
        let theirs = peers[first, default: []].sorted()
        return Problem(message: "session '\(entry)' in \(field) \(message)",
                       hint: theirs.isEmpty ? "'\(first)' has no BGP sessions" : "'\(first)' peers with \(theirs.joined(separator: ", "))")
    }

    /// The entry split at each `--` (as Foundation's `components(separatedBy:)` would).
    private static func ends(of entry: String) -> [String] {
        var ends: [String] = [], current = "", dash = false
        for character in entry {
            if character == "-" {
                if dash { ends.append(current); current = ""; dash = false } else { dash = true }
                continue
            }
            if dash { current.append("-"); dash = false }
            current.append(character)
        }
        if dash { current.append("-") }
        ends.append(current)
        return ends
    }

    /// `route-server#1` → `route-server`.
    private static func nodeName(_ word: String) -> String {
        word.lastIndex(of: "#").map { String(word[..<$0]) } ?? word
    }

    /// Why `word` is not a node or an instance, or nil when it is one.
    private func problem(with word: String) -> (message: String, hint: String?)? {
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
