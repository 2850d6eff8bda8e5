import RoutingEngine

/// The JSON output of contract §2, streamed: each node's tables are computed, written and dropped
/// before the next. Arrays are sorted and keys are sorted, so the same topology and settings always
/// give the same bytes (those Foundation's JSONEncoder gave; a test compares them).
/// A new field is one line in one of the schemas below.
public enum JSONReport {
    public static func write(_ result: RoutingResult, node: String? = nil, prefix: PrefixQuery? = nil, to sink: OutputSink) {
        JSONWriter(sink).document(Scope(result: result, node: node, prefix: prefix), document)
    }

    public static func render(_ result: RoutingResult, node: String? = nil, prefix: PrefixQuery? = nil) -> String {
        OutputSink.collecting { write(result, node: node, prefix: prefix, to: $0) }
    }

    struct Scope {
        let result: RoutingResult
        let node: String?
        let prefix: PrefixQuery?
    }

    /// One node, its tables computed when the node is written.
    struct NodeScope {
        let node: Node
        let result: RoutingResult
        let view: NodeView
    }

    static let document = JSONSchema<Scope>([
        .string("topology") { $0.result.topology.name },
        .object("settings", settings) { $0.result.settings },
        .object("convergence", convergence) { $0.result },
        .objects("nodes", node) { scope in
            scope.result.nodes.lazy.filter { scope.node == nil || $0.name == scope.node }.map {
                NodeScope(node: $0, result: scope.result, view: NodeView($0, scope.result, scope.prefix))
            }
        },
        // One entry per subnet when a VNet lists subnets (`subnet` then set), one per VNet otherwise.
        .objects("effectiveRoutes", vnet) { scope in
            scope.result.effectiveRouteTablesOneByOne.lazy.filter { scope.node == nil || $0.isNamed(scope.node) }
                .map { (table: $0, routes: scope.prefix.narrow($0.routes)) }
        },
        // Contract §2 rev. 2: present only when there are warnings, so other outputs keep their bytes.
        .objectsIfPresent("warnings", warning) { scope in
            let warnings = scope.result.warnings.filter { scope.node == nil || $0.node == nil || $0.node == scope.node }
            return warnings.isEmpty ? nil : warnings
        },
    ])

    /// `{ "message": "…", "node": NAME|null, "rule": "R14" }`, in the engine's order.
    static let warning = JSONSchema<Warning>([
        .string("node") { $0.node },
        .string("rule") { $0.rule.rawValue },
        .string("message") { $0.message },
    ])

    /// The switches, as in the topology file (also `from` / `to` of `diff --format json`).
    public static let settings = JSONSchema<Settings>([
        .bool("allowBranchToBranchTraffic") { $0.routeExchange },
        .string("hubRoutingPreference") { $0.hubRoutingPreference.rawValue },
        .bool("vpnActiveActive") { $0.vpnActiveActive },
        .strings("down") { $0.down.sorted() },
    ])

    /// `messages`: UPDATE/WITHDRAW messages, one per group of prefixes that travel with the same
    /// attributes (as BGP packs them); `steps`: what `routescope steps` prints for the same switches,
    /// one message per prefix plus the sessions that go down or up.
    static let convergence = JSONSchema<RoutingResult>([
        .bool("converged") { $0.convergence.isConverged },
        .number("messages") { result -> Int? in
            switch result.convergence {
            case .converged(let messages), .didNotConverge(let messages, _): messages
            }
        },
        .number("steps") { $0.steps },
        .strings("prefixes") { result in
            if case .didNotConverge(_, let stuck) = result.convergence { stuck.map(\.description) } else { [] }
        },
    ])

    static let node = JSONSchema<NodeScope>([
        .string("name") { $0.node.name },
        .string("kind") { $0.node.kind.rawValue },
        .number("asn") { $0.node.asn },
        .objects("sessions", session) { sessions(of: $0.node, $0.result) },
        .objects("routes", route) { $0.view.routes },
        .objects("advertised", advertised) { scope in scope.result.advertised(by: scope.node).filter { scope.view.keeps($0.prefix) } },
        .objects("rejected", rejected) { scope in scope.result.rejected(at: scope.node).filter { scope.view.keeps($0.prefix) } },
    ])

    struct SessionEnd {
        let peer: String, instance: Int, localInstance: Int, type: String, up: Bool, reason: String?, warning: String?
    }

    /// One entry per local instance of each session.
    static func sessions(of node: Node, _ result: RoutingResult) -> [SessionEnd] {
        let network = result.network
        return result.sessions(of: node).flatMap { session in
            [session.a, session.b].filter { node.speakers.contains($0) }.map { local in
                let peer = session.peer(of: local)
                return SessionEnd(peer: network.node(of: peer).name, instance: network.speakers[peer].instance,
                                  localInstance: network.speakers[local].instance, type: session.type.rawValue,
                                  up: session.state.isUp, reason: session.state.reason, warning: session.warning)
            }
        }
    }

    static let session = JSONSchema<SessionEnd>([
        .string("peer") { $0.peer },
        .number("instance") { $0.instance },
        .number("localInstance") { $0.localInstance },
        .string("type") { $0.type },
        .string("state") { $0.up ? "Established" : "Down" },
        .string("reason") { $0.reason },
        .stringIfPresent("warning") { $0.warning },
    ])

    static let route = JSONSchema<Route>([
        .prefix("prefix") { $0.prefix },
        .address("nextHop") { $0.attributes.nextHop },
        .numbers("asPath") { $0.attributes.asPath },
        .string("origin") { $0.attributes.origin.name },
        .string("from") { $0.from },
        .bool("best") { $0.isSelected },
        .bool("multipath") { $0.isMultipath },
        .string("reason") { $0.reason?.rawValue },
        .number("instance") { $0.instance },
        .number("fromInstance") { $0.fromInstance },
        .number("weight") { $0.weight },
        .number("localPreference") { $0.localPreference },
        .strings("communities") { $0.attributes.communities.map(\.description) },
        .string("azureOrigin") { $0.azureOrigin.rawValue },
        .string("lostAt") { $0.lostAt?.rawValue },
    ])

    static let advertised = JSONSchema<AdvertisedRoute>([
        .string("peer") { $0.peer },
        .prefix("prefix") { $0.prefix },
        .address("nextHop") { $0.attributes.nextHop },
        .numbers("asPath") { $0.attributes.asPath },
        .number("instance") { $0.instance },
        .number("peerInstance") { $0.peerInstance },
        .strings("communities") { $0.attributes.communities.map(\.description) },
    ])

    static let rejected = JSONSchema<RejectedRoute>([
        .prefix("prefix") { $0.prefix },
        .string("from") { $0.from },
        .number("fromInstance") { $0.fromInstance },
        .number("instance") { $0.instance },
        .numbers("asPath") { $0.attributes.asPath },
        .string("rule") { $0.rule.rawValue },
        .string("reason") { $0.reason },
    ])

    static let vnet = JSONSchema<(table: SubnetRouteTable, routes: [EffectiveRoute])>([
        .string("vnet") { $0.table.vnet.name },
        .stringIfPresent("subnet") { $0.table.subnet?.name },
        .objects("routes", effectiveRoute) { $0.routes },
    ])

    static let effectiveRoute = JSONSchema<EffectiveRoute>([
        .string("source") { $0.source.rawValue },
        .string("state") { $0.state.rawValue },
        .prefix("prefix") { $0.prefix },
        .string("nextHopType") { $0.nextHopType.rawValue },
        .addresses("nextHopIps") { $0.nextHopIPs },
        // On `User` routes only (R22).
        .stringIfPresent("routeName") { $0.routeName },
    ])
}
