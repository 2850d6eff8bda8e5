import Foundation
import RoutingEngine

/// The JSON output of contract §2 as Foundation's JSONEncoder wrote it before output was streamed:
/// kept as the oracle the streaming writer (`JSONReport`) is compared with, byte for byte.
enum JSONOracle {
    static func render(_ result: RoutingResult, node: String? = nil) throws -> String {
        let document = Document(result, onlyNode: node)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    static func diff(_ diff: ResultDiff, from before: Settings, to after: Settings, topology: Topology) throws -> String {
        struct Document: Encodable {
            let topology: String
            let from: SettingsJSON
            let to: SettingsJSON
            let routes: [RouteChangeJSON]
            let sessions: [SessionJSON]
            let effectiveRoutes: [EffectiveJSON]
        }
        struct RouteChangeJSON: Encodable {
            let node: String, prefix: String, change: String
            let before: [PathJSON], after: [PathJSON]
        }
        struct PathJSON: Encodable { let from: String?, nextHop: String, asPath: [UInt32] }
        struct SessionJSON: Encodable { let between: [String], before: String, after: String, reason: String? }
        struct EffectiveJSON: Encodable { let vnet: String, prefix: String, before: [String]?, after: [String]? }
        let path = { (route: Route) in PathJSON(from: route.from, nextHop: route.attributes.nextHop.description, asPath: route.attributes.asPath) }
        let document = Document(
            topology: topology.name, from: .init(before), to: .init(after),
            routes: diff.routes.map { RouteChangeJSON(node: $0.node, prefix: $0.prefix.description, change: $0.kind.rawValue,
                                                      before: $0.before.map(path), after: $0.after.map(path)) },
            sessions: diff.sessions.map { SessionJSON(between: [$0.between.0, $0.between.1], before: $0.before.isUp ? "Established" : "Down",
                                                      after: $0.after.isUp ? "Established" : "Down", reason: $0.after.reason) },
            effectiveRoutes: diff.effectiveRoutes.map { EffectiveJSON(vnet: $0.vnet, prefix: $0.prefix.description,
                                                                      before: $0.before.map { $0.nextHopIPs.map(\.description) },
                                                                      after: $0.after.map { $0.nextHopIPs.map(\.description) }) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        let topology: String
        let settings: SettingsJSON
        let convergence: ConvergenceJSON
        let nodes: [NodeJSON]
        let effectiveRoutes: [VNetJSON]
        /// Present only when there are warnings.
        let warnings: [WarningJSON]?

        init(_ result: RoutingResult, onlyNode: String?) {
            topology = result.topology.name
            settings = SettingsJSON(result.settings)
            convergence = ConvergenceJSON(result.convergence, steps: result.steps)
            nodes = result.nodes.filter { onlyNode == nil || $0.name == onlyNode }.map { NodeJSON($0, result) }
            effectiveRoutes = result.subnetRouteTables
                .filter { onlyNode == nil || $0.vnet.name == onlyNode || (onlyNode != nil && $0.subnet?.name == onlyNode) }
                .map { VNetJSON(vnet: $0.vnet.name, subnet: $0.subnet?.name, routes: $0.routes.map(EffectiveRouteJSON.init)) }
            let warnings = result.warnings.filter { onlyNode == nil || $0.node == nil || $0.node == onlyNode }
            self.warnings = warnings.isEmpty ? nil : warnings.map(WarningJSON.init)
        }
    }

    struct WarningJSON: Encodable {
        let warning: Warning
        init(_ warning: Warning) { self.warning = warning }
        enum CodingKeys: String, CodingKey { case node, rule, message }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(warning.node, forKey: .node)
            try container.encode(warning.rule.rawValue, forKey: .rule)
            try container.encode(warning.message, forKey: .message)
        }
    }

    struct SettingsJSON: Encodable {
        let settings: Settings
        init(_ settings: Settings) { self.settings = settings }
        enum CodingKeys: String, CodingKey { case allowBranchToBranchTraffic, hubRoutingPreference, vpnActiveActive, down }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(settings.routeExchange, forKey: .allowBranchToBranchTraffic)
            try container.encode(settings.hubRoutingPreference.rawValue, forKey: .hubRoutingPreference)
            try container.encode(settings.vpnActiveActive, forKey: .vpnActiveActive)
            try container.encode(settings.down.sorted(), forKey: .down)
        }
    }

    struct ConvergenceJSON: Encodable {
        let converged: Bool
        let messages: Int
        let steps: Int
        let prefixes: [String]
        init(_ convergence: Convergence, steps: Int) {
            self.steps = steps
            switch convergence {
            case .converged(let messages): (converged, self.messages, prefixes) = (true, messages, [])
            case .didNotConverge(let messages, let stuck): (converged, self.messages, prefixes) = (false, messages, stuck.map(\.description))
            }
        }
    }

    struct NodeJSON: Encodable {
        let name: String
        let kind: String
        let asn: UInt32
        let sessions: [SessionJSON]
        let routes: [RouteJSON]
        let advertised: [AdvertisedJSON]
        let rejected: [RejectedJSON]

        init(_ node: Node, _ result: RoutingResult) {
            name = node.name
            kind = node.kind.rawValue
            asn = node.asn
            let network = result.network
            sessions = result.sessions(of: node).flatMap { session in
                [session.a, session.b].filter { node.speakers.contains($0) }.map { local in
                    let peer = session.peer(of: local)
                    return SessionJSON(peer: network.node(of: peer).name, instance: network.speakers[peer].instance,
                                       localInstance: network.speakers[local].instance, type: session.type.rawValue,
                                       state: session.state.isUp ? "Established" : "Down", reason: session.state.reason,
                                       warning: session.warning)
                }
            }
            routes = result.routes(of: node).map(RouteJSON.init)
            advertised = result.advertised(by: node).map(AdvertisedJSON.init)
            rejected = result.rejected(at: node).map(RejectedJSON.init)
        }
    }

    struct SessionJSON: Encodable {
        let peer: String
        let instance: Int
        let localInstance: Int
        let type: String
        let state: String
        let reason: String?
        let warning: String?
        enum CodingKeys: String, CodingKey { case peer, instance, localInstance, type, state, reason, warning }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(peer, forKey: .peer)
            try container.encode(instance, forKey: .instance)
            try container.encode(localInstance, forKey: .localInstance)
            try container.encode(type, forKey: .type)
            try container.encode(state, forKey: .state)
            try container.encode(reason, forKey: .reason)
            try container.encodeIfPresent(warning, forKey: .warning)
        }
    }

    struct RouteJSON: Encodable {
        let route: Route
        init(_ route: Route) { self.route = route }
        enum CodingKeys: String, CodingKey {
            case prefix, nextHop, asPath, origin, from, best, multipath, reason
            case instance, fromInstance, weight, localPreference, communities, azureOrigin, lostAt
        }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(route.prefix.description, forKey: .prefix)
            try container.encode(route.attributes.nextHop.description, forKey: .nextHop)
            try container.encode(route.attributes.asPath, forKey: .asPath)
            try container.encode(route.attributes.origin.name, forKey: .origin)
            try container.encode(route.from, forKey: .from)
            try container.encode(route.isSelected, forKey: .best)
            try container.encode(route.isMultipath, forKey: .multipath)
            try container.encode(route.reason?.rawValue, forKey: .reason)
            try container.encode(route.instance, forKey: .instance)
            try container.encode(route.fromInstance, forKey: .fromInstance)
            try container.encode(route.weight, forKey: .weight)
            try container.encode(route.localPreference, forKey: .localPreference)
            try container.encode(route.attributes.communities.map(\.description), forKey: .communities)
            try container.encode(route.azureOrigin.rawValue, forKey: .azureOrigin)
            try container.encode(route.lostAt?.rawValue, forKey: .lostAt)
        }
    }

    struct AdvertisedJSON: Encodable {
        let peer: String
        let prefix: String
        let nextHop: String
        let asPath: [UInt32]
        let instance: Int
        let peerInstance: Int
        let communities: [String]
        init(_ route: AdvertisedRoute) {
            peer = route.peer; prefix = route.prefix.description; nextHop = route.attributes.nextHop.description
            asPath = route.attributes.asPath; instance = route.instance; peerInstance = route.peerInstance
            communities = route.attributes.communities.map(\.description)
        }
    }

    struct RejectedJSON: Encodable {
        let prefix: String
        let from: String
        let fromInstance: Int
        let instance: Int
        let asPath: [UInt32]
        let rule: String
        let reason: String
        init(_ route: RejectedRoute) {
            prefix = route.prefix.description; from = route.from; fromInstance = route.fromInstance
            instance = route.instance; asPath = route.attributes.asPath; rule = route.rule.rawValue; reason = route.reason
        }
    }

    struct VNetJSON: Encodable {
        let vnet: String
        let subnet: String?
        let routes: [EffectiveRouteJSON]
    }

    struct EffectiveRouteJSON: Encodable {
        let source: String
        let state: String
        let prefix: String
        let nextHopType: String
        let nextHopIps: [String]
        let routeName: String?
        init(_ route: EffectiveRoute) {
            source = route.source.rawValue; state = route.state.rawValue; prefix = route.prefix.description
            nextHopType = route.nextHopType.rawValue; nextHopIps = route.nextHopIPs.map(\.description)
            routeName = route.routeName
        }
    }
}
