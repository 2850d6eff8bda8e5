/// What changed at one node for one prefix between two results.
public struct RouteChange: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// The node had no route for the prefix and now has one.
        case added
        /// The node had a route and now has none.
        case removed
        /// The node still has a route, but its selected path(s) changed.
        case bestChanged = "changed"
    }
    public let node: String
    public let prefix: Prefix
    public let kind: Kind
    /// Selected paths before and after.
    public let before: [Route]
    public let after: [Route]
}

/// A session whose state changed.
public struct SessionChange: Equatable, Sendable {
    public let between: (String, String)
    public let before: SessionState
    public let after: SessionState
    public static func == (a: Self, b: Self) -> Bool {
        a.between == b.between && a.before == b.before && a.after == b.after
    }
}

/// A VNet effective route that appeared, vanished or changed next hops or state.
public struct EffectiveRouteChange: Equatable, Sendable {
    public let vnet: String
    public let prefix: Prefix
    public let before: EffectiveRoute?
    public let after: EffectiveRoute?
}

public struct ResultDiff: Equatable, Sendable {
    /// By node (file order), then prefix.
    public let routes: [RouteChange]
    public let sessions: [SessionChange]
    public let effectiveRoutes: [EffectiveRouteChange]
    public var isEmpty: Bool { routes.isEmpty && sessions.isEmpty && effectiveRoutes.isEmpty }
}

extension RoutingResult {
    /// Node by node: what `other` has that this result does not, and the reverse.
    /// Both results must come from the same topology (any settings).
    public func diff(to other: RoutingResult) -> ResultDiff {
        ResultDiff(routes: routeChanges(to: other), sessions: sessionChanges(to: other),
                   effectiveRoutes: effectiveRouteChanges(to: other))
    }

    private func routeChanges(to other: RoutingResult) -> [RouteChange] {
        let prefixes = Set(allPrefixes).union(other.allPrefixes).sorted()
        var changes: [RouteChange] = []
        for node in nodes {
            guard let otherNode = other.node(named: node.name) else { continue }
            // Prefixes in the same pair of keys propagate alike: compare each pair once.
            var samePair: [Pair: Bool] = [:]
            for prefix in prefixes {
                let pair = Pair(before: keys.keyOfPrefix[prefix] ?? -1, after: other.keys.keyOfPrefix[prefix] ?? -1)
                if samePair[pair] == true { continue }
                let before = bestRoutes(of: node, for: prefix)
                let after = other.bestRoutes(of: otherNode, for: prefix)
                let same = before.map(RouteIdentity.init) == after.map(RouteIdentity.init)
                samePair[pair] = same
                guard !same else { continue }
                let kind: RouteChange.Kind = before.isEmpty ? .added : (after.isEmpty ? .removed : .bestChanged)
                changes.append(RouteChange(node: node.name, prefix: prefix, kind: kind, before: before, after: after))
            }
        }
        return changes
    }

    private struct Pair: Hashable { let before: Int; let after: Int }

    private func sessionChanges(to other: RoutingResult) -> [SessionChange] {
        var changes: [SessionChange] = []
        for session in network.sessions {
            let ends = (network.name(of: session.a), network.name(of: session.b))
            let match = other.network.sessions.first {
                other.network.name(of: $0.a) == ends.0 && other.network.name(of: $0.b) == ends.1
            }
            let after = match?.state ?? .down(reason: "instance not provisioned")
            if after != session.state { changes.append(SessionChange(between: ends, before: session.state, after: after)) }
        }
        for session in other.network.sessions {
            let ends = (other.network.name(of: session.a), other.network.name(of: session.b))
            let existed = network.sessions.contains { network.name(of: $0.a) == ends.0 && network.name(of: $0.b) == ends.1 }
            if !existed {
                changes.append(SessionChange(between: ends, before: .down(reason: "instance not provisioned"), after: session.state))
            }
        }
        return changes
    }

    private func effectiveRouteChanges(to other: RoutingResult) -> [EffectiveRouteChange] {
        let mine = effectiveRouteTables, theirs = other.effectiveRouteTables
        var changes: [EffectiveRouteChange] = []
        for ((vnet, before), (_, after)) in zip(mine, theirs) {
            let oldByPrefix = Dictionary(grouping: before, by: \.prefix)
            let newByPrefix = Dictionary(grouping: after, by: \.prefix)
            for prefix in Set(oldByPrefix.keys).union(newByPrefix.keys).sorted() {
                let old = oldByPrefix[prefix]?.first { $0.source == .virtualNetworkGateway }
                let new = newByPrefix[prefix]?.first { $0.source == .virtualNetworkGateway }
                if old != new { changes.append(EffectiveRouteChange(vnet: vnet.name, prefix: prefix, before: old, after: new)) }
            }
        }
        return changes
    }
}

/// What makes two selected paths the same path for a diff.
private struct RouteIdentity: Equatable {
    let instance: Int
    let from: String?
    let fromInstance: Int?
    let attributes: PathAttributes
    init(_ route: Route) {
        instance = route.instance; from = route.from; fromInstance = route.fromInstance; attributes = route.attributes
    }
}
