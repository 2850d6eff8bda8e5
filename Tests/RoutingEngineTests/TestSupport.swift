import Testing
@testable import RoutingEngine

// Builders and table helpers shared by the rule tests (R1–R21). The seed's own networks are in
// SeedTopologies.swift; the variants here add what a rule needs (a second NVA, a VPN site, …).

func ip(_ text: String) -> IPv4Address { IPv4Address(text)! }

/// `count` consecutive /24s starting at `base` (for prefix limits: R13, R18).
func slash24s(_ count: Int, from base: String = "172.16.0.0") -> [Prefix] {
    let start = ip(base)
    return (0..<count).map { Prefix(start.advanced(by: UInt32($0) * 256), length: 24) }
}

enum Lab {
    static func site(_ name: String, asn: UInt32, _ prefixes: [String]) -> Site {
        Site(name: name, asn: asn, prefixes: prefixes.map { Advertisement(Prefix($0)) })
    }

    static func nva(_ name: String, asn: UInt32, ip address: String, site: String? = nil,
                    advertise: [String] = [], prepend: Int = 0) -> NVA {
        NVA(name: name, asn: asn, ip: ip(address), site: site,
            advertise: advertise.map { Advertisement(Prefix($0)) }, asPathPrepend: prepend)
    }

    /// The hub with two spokes, for the rules about spokes (R1, R15).
    static let hubTwoSpokes = VirtualNetwork(
        name: "hub-vnet", addressSpace: [Prefix("10.0.0.0/16")],
        spokes: [VirtualNetwork(name: "spoke-1", addressSpace: [Prefix("10.10.0.0/16")]),
                 VirtualNetwork(name: "spoke-2", addressSpace: [Prefix("10.20.0.0/16")])])

    /// Every kind of element at once: on-prem-1 behind the SD-WAN NVA, on-prem-2 behind ExpressRoute,
    /// on-prem-3 (AS 65030, 10.3.0.0/16) behind an active/active VPN gateway.
    static func allThree(routeExchange: Bool = false) -> Topology {
        var topology = Seed.sdwanER(routeExchange: routeExchange)
        topology.name = "all-three"
        topology.hub = hubTwoSpokes
        topology.vpnGateway = VPNGateway(name: "vpn-gateway", connections: [VPNConnection(site: "on-prem-3")])
        topology.sites.append(site("on-prem-3", asn: 65030, ["10.3.0.0/16"]))
        return topology
    }

    /// The SD-WAN seed plus a second NVA `fw` (AS 65002, 10.0.2.5) without a site.
    static func twoNVAs(routeExchange: Bool = false, fwASN: UInt32 = 65002, fwAdvertises: [String],
                        fwPrepend: Int = 0) -> Topology {
        var topology = Seed.sdwanER(routeExchange: routeExchange)
        topology.nvas.append(nva("fw", asn: fwASN, ip: "10.0.2.5", advertise: fwAdvertises, prepend: fwPrepend))
        return topology
    }
}

// MARK: - Reading results

extension RoutingResult {
    func named(_ name: String) -> Node { node(named: name)! }

    func sessions(_ node: String) -> [Session] { sessions(of: named(node)) }

    func rejected(_ node: String, _ prefix: String) -> [RejectedRoute] {
        rejected(at: named(node)).filter { $0.prefix == Prefix(prefix) }
    }

    /// What `node` sends `peer` for `prefix` (all instances on both sides).
    func advertised(_ node: String, to peer: String, _ prefix: String) -> [AdvertisedRoute] {
        advertised(by: named(node)).filter { $0.peer == peer && $0.prefix == Prefix(prefix) }
    }

    func effective(_ vnet: String) -> [EffectiveRoute] {
        effectiveRouteTables.first { $0.vnet.name == vnet }!.routes
    }

    func effective(_ vnet: String, _ prefix: String) -> [EffectiveRoute] {
        effective(vnet).filter { $0.prefix == Prefix(prefix) }
    }

    /// The BGP entry (source VirtualNetworkGateway) a VNet has for a prefix, if any.
    func gatewayRoute(_ vnet: String, _ prefix: String) -> EffectiveRoute? {
        effective(vnet, prefix).first { $0.source == .virtualNetworkGateway }
    }

    func blockers(_ node: String, _ prefix: String) -> [Blocker] {
        explain(prefix: Prefix(prefix), at: node)!.blockers
    }

    /// Everything a user can see, for comparing two results table by table.
    var tables: Tables {
        Tables(nodes: nodes.map { node in
            NodeTables(name: node.name, routes: routes(of: node), advertised: advertised(by: node),
                       rejected: rejected(at: node),
                       sessions: sessions(of: node).map {
                           SessionRow(a: network.name(of: $0.a), b: network.name(of: $0.b), state: $0.state,
                                      warning: $0.warning, downRule: $0.downRule)
                       })
        }, effective: effectiveRouteTables.map { VNetTable(vnet: $0.vnet.name, routes: $0.routes) })
    }

    /// Every node's candidate paths (adj-RIB-in and local paths), prefix by prefix.
    var learnedTables: [String: [Route]] {
        Dictionary(uniqueKeysWithValues: nodes.map { ($0.name, routes(of: $0)) })
    }
}

struct SessionRow: Equatable {
    let a: String, b: String
    let state: SessionState
    let warning: String?
    let downRule: Rule?
}

struct NodeTables: Equatable {
    let name: String
    let routes: [Route]
    let advertised: [AdvertisedRoute]
    let rejected: [RejectedRoute]
    let sessions: [SessionRow]
}

struct VNetTable: Equatable {
    let vnet: String
    let routes: [EffectiveRoute]
}

struct Tables: Equatable {
    let nodes: [NodeTables]
    let effective: [VNetTable]
}

// MARK: - Driving the engine

func compute(_ topology: Topology, settings: Settings) -> RoutingResult {
    try! Engine.compute(topology, settings: settings)
}

/// One simulator taken through several settings in turn, each to its stable state, the way a user
/// toggles a switch (R20: toggling back must restore the exact tables).
func converge(_ topology: Topology, through sequence: [Settings]) -> RoutingResult {
    let networks = sequence.map { try! Network(topology: topology, settings: $0) }
    let keys = RouteKeys(eachOf: networks.flatMap { $0.originations.joined().map(\.prefix) })
    var simulator = Simulator(network: networks[0], keys: keys)
    simulator.originate()
    var convergence = simulator.run(budget: simulator.defaultBudget)
    for next in networks.dropFirst() {
        simulator.switchNetwork(to: next)
        convergence = simulator.run(budget: simulator.defaultBudget)
    }
    return RoutingResult(simulator, convergence: convergence)
}

extension Topology {
    /// The same topology with settings changed from the file's.
    func settings(_ change: (inout Settings) -> Void) -> Settings {
        var settings = Settings(of: self)
        change(&settings)
        return settings
    }
}

/// Parameterised tests name a topology by its name, not by a dump of every field.
extension Topology: CustomTestStringConvertible {
    public var testDescription: String { name }
}

extension RoutingResult {
    /// These tables are a stable state of BGP: every speaker, deciding each prefix again from the
    /// paths it holds, keeps its choice and would send each peer exactly what that peer holds from it.
    /// Two different stable states of one network are a BGP wedgie (RFC 4264): which one a run ends
    /// in depends on the order things happened, in Azure as here.
    var isStableState: Bool {
        let policy = ExportPolicy(network: network)
        let spaces = network.virtualNetworkSpaces
        for speaker in ribs.indices {
            let process = BestPath.process(for: network.kind(of: speaker))
            let context = SelectionContext(network: network, speaker: speaker, preference: network.settings.hubRoutingPreference)
            for key in 0..<keys.count {
                var candidates = ribs[speaker].candidates[key]
                let (selected, _) = process.select(&candidates, context)
                guard selected == ribs[speaker].selected[key], candidates == ribs[speaker].candidates[key] else { return false }
                let prefixClass = PrefixClass(keys.representative(of: key), spaces: spaces)
                for (slot, id) in network.adjacency[speaker].enumerated() {
                    let session = network.sessions[id]
                    var wanted: PathAttributes?
                    if session.state.isUp, selected > 0,
                       case .advertise(let attributes) = policy.verdict(for: candidates[0], prefixClass, from: speaker, over: session) {
                        wanted = attributes
                    }
                    guard wanted == ribs[speaker].advertised[slot][key] else { return false }
                    guard session.state.isUp else { continue }
                    let peer = session.peer(of: speaker)
                    let held = ribs[peer].candidates[key].first { $0.source == .session(id) }?.attributes
                        ?? ribs[peer].rejected[key].first { $0.session == id }?.attributes
                    guard held == wanted else { return false }
                }
            }
        }
        return true
    }

    /// What a run's end cannot change, whichever stable state it is: the sessions' states and the
    /// paths each node originates itself.
    var sessionsAndLocalPaths: [String] {
        network.sessions.map { "\(network.name(of: $0.a))--\(network.name(of: $0.b)) \($0.state)" }
            + nodes.flatMap { node in routes(of: node).filter { $0.from == nil }.map { "\(node.name)#\($0.instance) \($0.prefix) \($0.attributes)" } }
    }
}
