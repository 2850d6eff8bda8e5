/// The BGP network a topology describes under one set of settings: nodes, their speakers
/// (instances), the sessions between them with their state, and what each speaker originates.
public struct Network: Sendable {
    public let topology: Topology
    public let settings: Settings
    public let nodes: [Node]
    public let speakers: [Speaker]
    public internal(set) var sessions: [Session]
    /// Per speaker: the sessions it takes part in, in session order.
    let adjacency: [[SessionID]]
    /// Per speaker: the prefixes it originates.
    let originations: [[Origination]]
    /// What a speaker sets towards particular peers: prepends (R2, R27) and NVA next hops (R23).
    let peerSettings: PeerSettings

    /// All VNets whose VMs get effective routes: the hub first, then its spokes.
    public var virtualNetworks: [VirtualNetwork] { [topology.hub] + topology.hub.spokes }

    /// The VNets whose ranges Azure's gateways and Route Server advertise: the hub and the spokes that
    /// use its gateways (R1 rev. 2).
    public var gatewayVirtualNetworks: [VirtualNetwork] { [topology.hub] + topology.hub.spokes.filter(\.useRemoteGateways) }

    public func node(named name: String) -> Node? { nodes.first { $0.name == name } }
    public func node(of speaker: SpeakerID) -> Node { nodes[speakers[speaker].node] }
    public func kind(of speaker: SpeakerID) -> NodeKind { nodes[speakers[speaker].node].kind }

    /// `route-server#1` for instances of multi-instance nodes, the plain name otherwise.
    public func name(of speaker: SpeakerID) -> String {
        let node = node(of: speaker)
        return isMultiInstance(node) ? "\(node.name)#\(speakers[speaker].instance)" : node.name
    }

    /// Route Server, the gateways and the circuit have instances; sites and NVAs do not.
    public func isMultiInstance(_ node: Node) -> Bool {
        switch node.kind {
        case .site, .nva: false
        default: true
        }
    }

    /// The speakers a `--down` or `--node` word names: `node`, or `node#instance`.
    public func speakers(named word: String) -> [SpeakerID]? {
        Network.speakers(named: word, nodes: nodes, speakers: speakers)
    }

    static func speakers(named word: String, nodes: [Node], speakers: [Speaker]) -> [SpeakerID]? {
        if let node = nodes.first(where: { $0.name == word }) { return node.speakers }
        guard let hash = word.lastIndex(of: "#"), let instance = Int(word[word.index(after: hash)...]),
              let node = nodes.first(where: { $0.name == word[..<hash] }) else { return nil }
        let match = node.speakers.filter { speakers[$0].instance == instance }
        return match.isEmpty ? nil : match
    }

    /// The sessions between two nodes (or instances), for `a--b` down entries.
    public func sessions(between first: String, and second: String) -> [SessionID]? {
        guard let left = speakers(named: first), let right = speakers(named: second) else { return nil }
        return sessions(between: left, and: right).map(\.id)
    }

    /// The sessions between two groups of speakers (two nodes' instances).
    public func sessions(between left: [SpeakerID], and right: [SpeakerID]) -> [Session] {
        sessions.filter { $0.connects(left, right) }
    }

    /// Splits `a--b` at the first `--`.
    public static func sessionEnds(_ entry: String) -> (String, String)? {
        let characters = Array(entry)
        for index in characters.indices.dropLast() where characters[index] == "-" && characters[index + 1] == "-" {
            return (String(characters[..<index]), String(characters[(index + 2)...]))
        }
        return nil
    }

    public func sessions(of node: Node) -> [Session] {
        sessions.filter { node.speakers.contains($0.a) || node.speakers.contains($0.b) }
    }
}

/// A prefix a speaker puts into BGP itself.
struct Origination: Equatable, Hashable, Sendable {
    enum Source: Hashable, Sendable {
        /// Hub or spoke address space (R1): Azure's `Network` origin.
        case virtualNetwork
        /// A site's own prefix, or an NVA's `advertise` entry.
        case configured
        /// A static VPN connection: the gateway originates the site's prefixes (R14).
        case staticConnection(site: String)
    }
    let prefix: Prefix
    let communities: [Community]
    var med: UInt32? = nil
    let source: Source
}

/// Down entries that name nothing in the topology.
public struct UnknownDownEntry: Error, Equatable, Sendable, CustomStringConvertible {
    public let entry: String
    public var description: String { "'\(entry)' names no node, instance or session" }
}
