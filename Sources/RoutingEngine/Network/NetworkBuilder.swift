/// Turns a topology and settings into speakers and sessions (azure-routing §1), and decides
/// which sessions cannot come up and why (R14, R18, R19, R20).
extension Network {
    public init(topology: Topology, settings: Settings) throws(UnknownDownEntry) {
        var builder = Builder(topology: topology, settings: settings)
        builder.addNodes()
        builder.addSessions()
        try builder.applyDownEntries()
        self.topology = topology
        self.settings = settings
        nodes = builder.nodes
        speakers = builder.speakers
        sessions = builder.sessions
        adjacency = builder.speakers.map { speaker in
            builder.sessions.filter { $0.a == speaker.id || $0.b == speaker.id }.map(\.id)
        }
        originations = builder.originations()
        peerSettings = builder.peerSettings()
    }
}

private struct Builder {
    let topology: Topology
    let settings: Settings
    var nodes: [Node] = []
    var speakers: [Speaker] = []
    var sessions: [Session] = []
    var nodeIDs: [String: NodeID] = [:]

    init(topology: Topology, settings: Settings) {
        self.topology = topology
        self.settings = settings
    }

    // MARK: nodes

    mutating func addNodes() {
        if let routeServer = topology.routeServer {
            let ips = routeServer.ips ?? [hubAddress(0x104), hubAddress(0x105)]
            addNode(routeServer.name, .routeServer, ASN.azure, addresses: ips)
        }
        for nva in topology.nvas {
            addNode(nva.name, .nva, nva.asn, addresses: [nva.ip])
        }
        if let gateway = topology.expressRouteGateway {
            addNode(gateway.name, .expressRouteGateway, ASN.azure,
                    addresses: gateway.ips ?? [hubAddress(0x304), hubAddress(0x305)])
            for circuit in gateway.circuits {
                addNode(circuit.name, .expressRouteCircuit, ASN.microsoftEdge,
                        addresses: [circuit.primaryPeerAddressPrefix.network.advanced(by: 2),
                                    circuit.secondaryPeerAddressPrefix.network.advanced(by: 2)])
            }
        }
        if let vpn = topology.vpnGateway {
            let ips = vpn.ips ?? [hubAddress(0x30c), hubAddress(0x30d)]
            addNode(vpn.name, .vpnGateway, vpn.asn, addresses: ips,
                    provisioned: [true, settings.vpnActiveActive ?? vpn.activeActive])
        }
        for (index, site) in topology.sites.enumerated() {
            addNode(site.name, .site, site.asn, addresses: [siteAddress(site, index: index)])
        }
    }

    private mutating func addNode(_ name: String, _ kind: NodeKind, _ asn: UInt32, addresses: [IPv4Address],
                                  provisioned: [Bool]? = nil) {
        let nodeID = nodes.count
        var ids: [SpeakerID] = []
        for (instance, address) in addresses.enumerated() {
            let live = provisioned?[instance] ?? true
            speakers.append(Speaker(id: speakers.count, node: nodeID, instance: instance, asn: asn,
                                    address: address, provisioned: live))
            if live { ids.append(speakers.count - 1) }
        }
        nodes.append(Node(id: nodeID, name: name, kind: kind, asn: asn, speakers: ids))
        nodeIDs[name] = nodeID
    }

    /// Azure's default addresses, at fixed offsets in the hub's first address space
    /// (RouteServerSubnet x.x.1.0/27, GatewaySubnet x.x.3.0/27 in a /16).
    private func hubAddress(_ offset: UInt32) -> IPv4Address {
        let space = topology.hub.addressSpace.first ?? Prefix("10.0.0.0/16")
        let size = UInt32(truncatingIfNeeded: min(space.addressCount, UInt64(UInt32.max)))
        return space.network.advanced(by: size > offset + 1 ? offset : offset % max(size, 1))
    }

    private func siteAddress(_ site: Site, index: Int) -> IPv4Address {
        if let address = site.bgpPeeringAddress { return address }
        if let circuit = topology.expressRouteGateway?.circuits.first(where: { $0.site == site.name }) {
            return circuit.primaryPeerAddressPrefix.network.advanced(by: 1)
        }
        return IPv4Address(0xC0A8_0001 | UInt32(truncatingIfNeeded: (index + 1) & 0xff) << 8)   // 192.168.n.1
    }

    // MARK: sessions

    private func speakers(of name: String?) -> [SpeakerID] {
        guard let name, let id = nodeIDs[name] else { return [] }
        return nodes[id].speakers
    }

    private func node(_ name: String?) -> Node? { name.flatMap { nodeIDs[$0] }.map { nodes[$0] } }

    mutating func addSessions() {
        let routeServer = speakers(of: topology.routeServer?.name)
        // NVA ↔ Route Server: eBGP multihop to both instances; R18 and R19 decide whether they come up.
        for (index, nva) in topology.nvas.enumerated() {
            let refusal: (String, Rule)? =
                if index >= 8 { ("Route Server supports 8 BGP peers", .r18) }
                else if let reason = ASN.routeServerRefusal(nva.asn) { (reason, .r19) }
                else { nil }
            for instance in routeServer {
                connect(instance, speakers(of: nva.name)[0], limitFromB: 1000, down: refusal)
            }
        }
        let erGateway = speakers(of: topology.expressRouteGateway?.name)
        let vpnGateway = speakers(of: topology.vpnGateway?.name)
        for instance in routeServer {
            for gateway in erGateway { connect(instance, gateway) }
            // R14: a VPN gateway that is not active/active does not peer with Route Server [inf].
            let notActive = !(settings.vpnActiveActive ?? topology.vpnGateway?.activeActive ?? true)
            for gateway in vpnGateway {
                connect(instance, gateway, down: notActive ? ("VPN gateway is not active-active", .r14) : nil)
            }
        }
        let circuits = topology.expressRouteGateway?.circuits ?? []
        for gateway in erGateway {
            for circuit in circuits {
                for edge in speakers(of: circuit.name) { connect(gateway, edge) }
            }
        }
        if vpnGateway.count == 2 { connect(vpnGateway[0], vpnGateway[1]) }
        // A site peers with every element that names it (R27).
        for nva in topology.nvas {
            if let site = speakers(of: nva.site).first { connect(speakers(of: nva.name)[0], site) }
        }
        for circuit in circuits {
            guard let site = speakers(of: circuit.site).first else { continue }
            let links = [circuit.primaryPeerAddressPrefix, circuit.secondaryPeerAddressPrefix]
            for (index, edge) in speakers(of: circuit.name).enumerated() {
                // R13: the circuit drops the session when the site sends more than the SKU allows.
                connect(edge, site, addressOfB: links[index].network.advanced(by: 1),
                        limitFromB: circuit.sku.prefixLimit)
            }
        }
        // Two BGP connections to one site are one BGP speaker pair: one session per gateway instance.
        var bgpSites = Set<String>()
        for connection in topology.vpnGateway?.connections ?? [] where connection.bgp && bgpSites.insert(connection.site).inserted {
            guard let site = speakers(of: connection.site).first else { continue }
            for gateway in vpnGateway { connect(gateway, site) }
        }
    }

    /// Prepends per peer (an NVA's towards Route Server, a site's per attached element) and NVA next hops.
    func peerSettings() -> PeerSettings {
        var settings = PeerSettings()
        for nva in topology.nvas {
            guard let speaker = speakers(of: nva.name).first else { continue }
            if nva.asPathPrepend > 0, let routeServer = topology.routeServer.flatMap({ nodeIDs[$0.name] }) {
                settings.prepends[speaker, default: [:]][routeServer] = nva.asPathPrepend
            }
            if let nextHop = nva.nextHop { settings.nextHops[speaker] = nextHop }
        }
        for site in topology.sites {
            guard let speaker = speakers(of: site.name).first else { continue }
            for (peer, copies) in site.asPathPrepend where copies > 0 {
                // The VPN gateway's connection is to the gateway; a circuit's session is with its MSEEs.
                if let node = nodeIDs[peer] { settings.prepends[speaker, default: [:]][node] = copies }
            }
        }
        return settings
    }

    private mutating func connect(_ a: SpeakerID, _ b: SpeakerID, addressOfB: IPv4Address? = nil,
                                  limitFromB: Int? = nil, down: (String, Rule)? = nil) {
        var session = Session(id: sessions.count, a: a, b: b,
                              type: speakers[a].asn == speakers[b].asn ? .ibgp : .ebgp,
                              addressOfA: speakers[a].address, addressOfB: addressOfB ?? speakers[b].address,
                              state: .established, warning: nil, downRule: nil,
                              limitFromA: nil, limitFromB: limitFromB)
        if let (reason, rule) = down {
            session.state = .down(reason: reason)
            session.downRule = rule
        }
        sessions.append(session)
    }

    // MARK: down entries (R20)

    mutating func applyDownEntries() throws(UnknownDownEntry) {
        for entry in settings.down.sorted() {
            if let ids = downSpeakers(entry) {
                for index in sessions.indices where ids.contains(sessions[index].a) || ids.contains(sessions[index].b) {
                    sessions[index].state = .down(reason: "node down")
                    sessions[index].downRule = .r20
                }
            } else if let (first, second) = Network.sessionEnds(entry),
                      let left = downSpeakers(first), let right = downSpeakers(second) {
                for index in sessions.indices {
                    let session = sessions[index]
                    guard session.connects(left, right), session.state.isUp else { continue }
                    sessions[index].state = .down(reason: "session down")
                    sessions[index].downRule = .r20
                }
            } else {
                throw UnknownDownEntry(entry: entry)
            }
        }
    }

    /// An instance that exists in the file but not under these settings (`vpn-gateway#1` with
    /// active/active off) is a valid name that takes nothing down: turning active/active off while
    /// that instance is down must work.
    private func downSpeakers(_ word: String) -> [SpeakerID]? {
        if let live = Network.speakers(named: word, nodes: nodes, speakers: speakers) { return live }
        guard let hash = word.lastIndex(of: "#"), let instance = Int(word[word.index(after: hash)...]),
              let node = nodeIDs[String(word[..<hash])],
              speakers.contains(where: { $0.node == node && $0.instance == instance && !$0.provisioned }) else { return nil }
        return []
    }

    func isDown(_ speaker: SpeakerID) -> Bool {
        let node = nodes[speakers[speaker].node]
        return settings.down.contains(node.name) || settings.down.contains("\(node.name)#\(speakers[speaker].instance)")
    }

    // MARK: origination (R1, R14 static connections)

    func originations() -> [[Origination]] {
        // R1 rev. 2: a spoke peered without "use remote gateways" is not advertised.
        let vnetPrefixes = ([topology.hub] + topology.hub.spokes.filter(\.useRemoteGateways)).flatMap(\.addressSpace)
        let vnet = vnetPrefixes.map { Origination(prefix: $0, communities: [], source: .virtualNetwork) }
        let sitesByName = Dictionary(topology.sites.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return speakers.map { speaker in
            guard speaker.provisioned, !isDown(speaker.id) else { return [] }
            let node = nodes[speaker.node]
            switch node.kind {
            case .routeServer, .expressRouteGateway:
                return vnet
            case .vpnGateway:
                let statics = (topology.vpnGateway?.connections ?? []).filter { !$0.bgp }.flatMap { connection in
                    (sitesByName[connection.site]?.prefixes ?? []).map {
                        Origination(prefix: $0.prefix, communities: [], source: .staticConnection(site: connection.site))
                    }
                }
                return vnet + statics
            case .site:
                return (sitesByName[node.name]?.prefixes ?? []).map {
                    Origination(prefix: $0.prefix, communities: $0.communities, med: $0.med, source: .configured)
                }
            case .nva:
                return (topology.nvas.first { $0.name == node.name }?.advertise ?? []).map {
                    Origination(prefix: $0.prefix, communities: $0.communities, med: $0.med, source: .configured)
                }
            case .expressRouteCircuit:
                return []
            }
        }
    }
}
