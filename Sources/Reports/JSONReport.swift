import Foundation
import RoutingEngine

/// The JSON output of contract §2. Arrays are sorted and keys are sorted, so the same topology
/// and settings always give the same bytes.
public enum JSONReport {
    public static func render(_ result: RoutingResult, node: String? = nil) throws -> String {
        let document = Document(result, onlyNode: node)
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

        init(_ result: RoutingResult, onlyNode: String?) {
            topology = result.topology.name
            settings = SettingsJSON(result.settings)
            convergence = ConvergenceJSON(result.convergence, steps: result.steps)
            nodes = result.nodes.filter { onlyNode == nil || $0.name == onlyNode }.map { NodeJSON($0, result) }
            effectiveRoutes = result.effectiveRouteTables
                .filter { onlyNode == nil || $0.vnet.name == onlyNode }
                .map { VNetJSON(vnet: $0.vnet.name, routes: $0.routes.map(EffectiveRouteJSON.init)) }
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

    /// `messages`: UPDATE/WITHDRAW messages, one per group of prefixes that travel with the same
    /// attributes (as BGP packs them); `steps`: what `routescope steps` prints for the same switches,
    /// one message per prefix plus the sessions that go down or up.
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
        let routes: [EffectiveRouteJSON]
    }

    struct EffectiveRouteJSON: Encodable {
        let source: String
        let state: String
        let prefix: String
        let nextHopType: String
        let nextHopIps: [String]
        init(_ route: EffectiveRoute) {
            source = route.source.rawValue; state = route.state.rawValue; prefix = route.prefix.description
            nextHopType = route.nextHopType.rawValue; nextHopIps = route.nextHopIPs.map(\.description)
        }
    }
}
