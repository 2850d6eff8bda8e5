/// The data path to an address, hop by hop, as each hop's best route forwards it (VM effective
/// routes in VNets, BGP best paths elsewhere): a tree, because ECMP branches.
public struct DataPath: Equatable, Sendable {
    public let from: String
    public let destination: IPv4Address
    public let first: Hop

    public struct Hop: Equatable, Sendable {
        /// `sdwan`, `er-circuit#0`, or `hub-vnet` (a VNet's data plane).
        public let at: String
        /// The route that matched (longest prefix), in words; nil when none did.
        public let route: String?
        public let outcome: Outcome
    }

    public enum Outcome: Equatable, Sendable {
        case forward([Hop])
        /// Arrived: the address is in this network (a site's prefix, a VNet's space).
        case delivered(String)
        case internet
        /// No route, or a next hop nothing owns.
        case blackHole(String)
        /// The path came back to a hop it already passed.
        case loop
        case tooLong
    }

    /// Every branch ends well (delivered or to the Internet).
    public var isComplete: Bool { Self.complete(first) }

    private static func complete(_ hop: Hop) -> Bool {
        switch hop.outcome {
        case .forward(let next): !next.isEmpty && next.allSatisfy(complete)
        case .delivered, .internet: true
        case .blackHole, .loop, .tooLong: false
        }
    }
}

extension RoutingResult {
    /// Traces from a node, a VNet or a subnet (a VM in it) to an address. nil when `from` names nothing.
    public func dataPath(from name: String, to destination: IPv4Address) -> DataPath? {
        if let (vnet, subnet) = virtualNetwork(named: name) {
            return DataPath(from: name, destination: destination,
                            first: vnetHop(vnet, subnet: subnet, destination, visited: [], depth: 0))
        }
        guard let node = node(named: name), let speaker = node.speakers.first else { return nil }
        return DataPath(from: name, destination: destination, first: speakerHop(speaker, destination, visited: [], depth: 0))
    }

    private static var maximumHops: Int { 24 }

    // MARK: BGP speakers

    private func speakerHop(_ speaker: SpeakerID, _ destination: IPv4Address, visited: Set<String>, depth: Int) -> DataPath.Hop {
        let name = network.name(of: speaker)
        guard !visited.contains(name) else { return DataPath.Hop(at: name, route: nil, outcome: .loop) }
        guard depth < Self.maximumHops else { return DataPath.Hop(at: name, route: nil, outcome: .tooLong) }
        let seen = visited.union([name])
        let kind = network.kind(of: speaker)
        // Route Server only talks BGP; traffic to its next hop is forwarded by the hub's fabric.
        if kind == .routeServer {
            return DataPath.Hop(at: name, route: "Route Server is not in the data path: the hub forwards the packet",
                                outcome: .forward([vnetHop(topology.hub, destination, visited: seen, depth: depth + 1)]))
        }
        guard let (prefix, key) = longestMatch(destination, at: speaker) else {
            return DataPath.Hop(at: name, route: nil, outcome: .blackHole("\(name) has no route to \(destination)"))
        }
        let rib = ribs[speaker]
        let selected = rib.candidates[key].prefix(rib.selected[key])
        let best = selected.first!
        let described = (best.peer.map { "\(prefix) via \(network.name(of: $0)) [\(best.attributes.asPathText)]" } ?? "\(prefix) originated here")
            + (selected.count > 1 ? " (ECMP ×\(selected.count))" : "")
        if best.peer == nil {
            return DataPath.Hop(at: name, route: described, outcome: localDelivery(best, at: speaker, destination, visited: seen, depth: depth))
        }
        var next: [DataPath.Hop] = []
        for nextHop in Array(Set(selected.map(\.attributes.nextHop))).sorted() {
            next.append(hop(towards: nextHop, from: kind, destination, visited: seen, depth: depth + 1))
        }
        return DataPath.Hop(at: name, route: described, outcome: .forward(next))
    }

    /// A path the speaker originated: the address is behind it.
    private func localDelivery(_ path: Candidate, at speaker: SpeakerID, _ destination: IPv4Address,
                               visited: Set<String>, depth: Int) -> DataPath.Outcome {
        let node = network.node(of: speaker)
        switch path.origination {
        case .virtualNetwork?:
            guard let vnet = network.virtualNetworks.first(where: { $0.addressSpace.contains { $0.contains(destination) } }) else {
                return .blackHole("no VNet holds \(destination)")
            }
            return .forward([vnetHop(vnet, destination, visited: visited, depth: depth + 1)])
        case .staticConnection(let site)?:
            guard let siteNode = self.node(named: site), let siteSpeaker = siteNode.speakers.first else { return .blackHole("\(site) is not a node") }
            return .forward([speakerHop(siteSpeaker, destination, visited: visited, depth: depth + 1)])
        default:
            let prefix = longestMatch(destination, at: speaker)?.0
            if prefix == .defaultRoute { return .delivered("\(node.name) takes it with its own default route (forced tunnelling)") }
            return .delivered("\(destination) is in \(node.name)'s network")
        }
    }

    private func longestMatch(_ destination: IPv4Address, at speaker: SpeakerID) -> (Prefix, Int)? {
        var best: (Prefix, Int)?
        for (key, prefixes) in keys.prefixes.enumerated() where ribs[speaker].selected[key] > 0 {
            for prefix in prefixes where prefix.contains(destination) && prefix.length >= (best?.0.length ?? -1) {
                best = (prefix, key)
            }
        }
        return best
    }

    // MARK: next hops

    /// The speaker an address belongs to: its own address, or its side of a session (link addresses).
    func owner(of address: IPv4Address) -> SpeakerID? {
        if let speaker = network.speakers.first(where: { $0.address == address && $0.provisioned }) { return speaker.id }
        // R23: an NVA's `nextHop` (its load balancer or firewall) forwards as the NVA does.
        if let nva = network.nva(withNextHop: address) { return nva }
        for session in network.sessions {
            if session.addressOfA == address { return session.a }
            if session.addressOfB == address { return session.b }
        }
        return nil
    }

    /// `from` is the kind of the forwarding node; nil for a VNet's fabric.
    private func hop(towards address: IPv4Address, from kind: NodeKind?, _ destination: IPv4Address,
                     visited: Set<String>, depth: Int) -> DataPath.Hop {
        guard let next = owner(of: address) else {
            return DataPath.Hop(at: address.description, route: nil, outcome: .blackHole("no node owns next hop \(address)"))
        }
        // From the VNet side, traffic to the circuit passes through the ExpressRoute gateway.
        if network.kind(of: next) == .expressRouteCircuit && kind != .expressRouteGateway && kind != .site,
           let gateway = nodes.first(where: { $0.kind == .expressRouteGateway }) {
            let name = gateway.name
            guard !visited.contains(name) else { return DataPath.Hop(at: name, route: nil, outcome: .loop) }
            return DataPath.Hop(at: name, route: "forwards to the circuit (\(network.name(of: next)))",
                                outcome: .forward([speakerHop(next, destination, visited: visited.union([name]), depth: depth + 1)]))
        }
        return speakerHop(next, destination, visited: visited, depth: depth)
    }

    // MARK: VNets

    /// A packet in a VNet: from a VM of `subnet` (its route table applies, R22), or, with no subnet,
    /// arriving from elsewhere.
    private func vnetHop(_ vnet: VirtualNetwork, subnet: Subnet? = nil, _ destination: IPv4Address, visited: Set<String>,
                         depth: Int) -> DataPath.Hop {
        let name = subnet?.name ?? vnet.name
        guard !visited.contains(name) else { return DataPath.Hop(at: name, route: nil, outcome: .loop) }
        guard depth < Self.maximumHops else { return DataPath.Hop(at: name, route: nil, outcome: .tooLong) }
        let seen = visited.union([name])
        let active = effectiveRoutes(of: vnet, subnet: subnet).filter { $0.state == .active && $0.prefix.contains(destination) }
        guard let route = active.max(by: { $0.prefix.length < $1.prefix.length }) else {
            return DataPath.Hop(at: name, route: nil, outcome: .blackHole("\(name) has no effective route to \(destination)"))
        }
        let described = "\(route.prefix) \(route.source.rawValue)" + (route.routeName.map { " \($0)" } ?? "")
            + " → \(route.nextHopType.rawValue)"
            + (route.nextHopIPs.isEmpty ? "" : " \(route.nextHopIPs.map(\.description).joined(separator: ", "))")
        switch route.nextHopType {
        case .vnetLocal:
            return DataPath.Hop(at: name, route: described, outcome: .delivered("\(destination) is in \(vnet.name)"))
        case .vnetPeering:
            let peer = network.virtualNetworks.first { $0.name != name && $0.addressSpace.contains(route.prefix) }
            guard let peer else { return DataPath.Hop(at: name, route: described, outcome: .blackHole("no peered VNet holds \(route.prefix)")) }
            return DataPath.Hop(at: name, route: described, outcome: .forward([vnetHop(peer, destination, visited: seen, depth: depth + 1)]))
        case .internet:
            return DataPath.Hop(at: name, route: described, outcome: .internet)
        case .none:
            return DataPath.Hop(at: name, route: described,
                                outcome: .blackHole("next hop type None: Azure drops the packet (R22)"))
        case .virtualNetworkGateway where route.nextHopIPs.isEmpty:
            // A user route to "Virtual network gateway" sends the packet to the VPN gateway (R22).
            guard let gateway = nodes.first(where: { $0.kind == .vpnGateway }), let instance = gateway.speakers.first else {
                return DataPath.Hop(at: name, route: described, outcome: .blackHole("there is no VPN gateway"))
            }
            return DataPath.Hop(at: name, route: described,
                                outcome: .forward([speakerHop(instance, destination, visited: seen, depth: depth + 1)]))
        case .virtualAppliance, .virtualNetworkGateway:
            let next = route.nextHopIPs.map { hop(towards: $0, from: nil, destination, visited: seen, depth: depth + 1) }
            return DataPath.Hop(at: name, route: described, outcome: next.isEmpty ? .blackHole("no next hop") : .forward(next))
        }
    }
}
