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

    /// The best path (`*>`) is another one; false when only multipath members came or went.
    public var bestPathChanged: Bool { RouteChange.bestPathChanged(before: before, after: after) }

    public static func bestPathChanged(before: [Route], after: [Route]) -> Bool {
        before.first.map(RouteIdentity.init) != after.first.map(RouteIdentity.init)
    }
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

/// The same change at one node for a group of prefixes that propagate alike.
public struct RouteChangeGroup: Equatable, Sendable {
    public let node: String
    public let kind: RouteChange.Kind
    /// Sorted.
    public let prefixes: [Prefix]
    /// Selected paths before and after, for the first prefix of the group (the others' differ only in prefix).
    public let before: [Route]
    public let after: [Route]

    /// The best path (`*>`) is another one; false when only multipath members came or went.
    public var bestPathChanged: Bool { RouteChange.bestPathChanged(before: before, after: after) }

    /// Selected paths of `before` that are not among `after` (same instance, peer and attributes).
    public var vanished: [Route] {
        let kept = Set(after.map(RouteIdentity.init))
        return before.filter { !kept.contains(RouteIdentity($0)) }
    }

    /// The change for each prefix of the group.
    public var changes: [RouteChange] {
        prefixes.map { prefix in
            RouteChange(node: node, prefix: prefix, kind: kind,
                        before: before.map { $0.with(prefix: prefix) }, after: after.map { $0.with(prefix: prefix) })
        }
    }
}

public struct ResultDiff: Equatable, Sendable {
    /// By node (file order); within a node, by first prefix.
    public let groups: [RouteChangeGroup]
    public let sessions: [SessionChange]
    public let effectiveRoutes: [EffectiveRouteChange]
    public var isEmpty: Bool { groups.isEmpty && sessions.isEmpty && effectiveRoutes.isEmpty }

    /// Every change, by node (file order), then prefix.
    public var routes: [RouteChange] {
        var byNode: [(node: String, changes: [RouteChange])] = []
        for group in groups {
            if byNode.last?.node != group.node { byNode.append((group.node, [])) }
            byNode[byNode.count - 1].changes += group.changes
        }
        return byNode.flatMap { $0.changes.sorted { $0.prefix < $1.prefix } }
    }

    /// How many node-prefix changes there are, without expanding them.
    public var routeChangeCount: Int { groups.reduce(0) { $0 + $1.prefixes.count } }

    /// What changed at one node, by prefix (for marking rows).
    public func changes(at node: String) -> [Prefix: RouteChange.Kind] {
        var out: [Prefix: RouteChange.Kind] = [:]
        for group in groups where group.node == node {
            for prefix in group.prefixes { out[prefix] = group.kind }
        }
        return out
    }

    /// The group each changed prefix of one node belongs to (for marking rows path by path).
    public func groups(at node: String) -> [Prefix: RouteChangeGroup] {
        var out: [Prefix: RouteChangeGroup] = [:]
        for group in groups where group.node == node {
            for prefix in group.prefixes { out[prefix] = group }
        }
        return out
    }
}

extension RoutingResult {
    /// Node by node: what `other` has that this result does not, and the reverse.
    /// Both results must come from the same topology (any settings).
    public func diff(to other: RoutingResult) -> ResultDiff {
        ResultDiff(groups: routeChanges(to: other), sessions: sessionChanges(to: other),
                   effectiveRoutes: effectiveRouteChanges(to: other))
    }

    /// Prefixes in the same pair of keys (before, after) propagate alike, so each node compares each
    /// pair once: a toggle at scale compares a few dozen pairs, not 13,000 prefixes.
    private func routeChanges(to other: RoutingResult) -> [RouteChangeGroup] {
        let groups = keyPairs(with: other)
        var changes: [RouteChangeGroup] = []
        for node in nodes {
            guard let otherNode = other.node(named: node.name) else { continue }
            for group in groups {
                let prefix = group.prefixes[0]
                let before = bestRoutes(of: node, for: prefix)
                let after = other.bestRoutes(of: otherNode, for: prefix)
                guard before.map(RouteIdentity.init) != after.map(RouteIdentity.init) else { continue }
                let kind: RouteChange.Kind = before.isEmpty ? .added : (after.isEmpty ? .removed : .bestChanged)
                changes.append(RouteChangeGroup(node: node.name, kind: kind, prefixes: group.prefixes, before: before, after: after))
            }
        }
        return changes
    }

    private struct Pair: Hashable { let before: Int; let after: Int }

    /// Groups of prefixes that share a key in both results, ordered by first prefix. With the same
    /// keys on both sides (most toggles) the keys are the groups.
    private func keyPairs(with other: RoutingResult) -> [(pair: Pair, prefixes: [Prefix])] {
        if keys.prefixes == other.keys.prefixes {
            return keys.prefixes.enumerated().map { (Pair(before: $0.offset, after: $0.offset), $0.element) }
        }
        var pairs: [Pair: [Prefix]] = [:]
        for prefix in Set(allPrefixes).union(other.allPrefixes) {
            pairs[Pair(before: keys.keyOfPrefix[prefix] ?? -1, after: other.keys.keyOfPrefix[prefix] ?? -1), default: []].append(prefix)
        }
        return pairs.map { (pair: $0.key, prefixes: $0.value.sorted()) }.sorted { $0.prefixes[0] < $1.prefixes[0] }
    }

    private func sessionChanges(to other: RoutingResult) -> [SessionChange] {
        var changes: [SessionChange] = []
        for session in network.sessions {
            let ends = (network.name(of: session.a), network.name(of: session.b))
            let match = other.network.sessions.first {
                other.network.name(of: $0.a) == ends.0 && other.network.name(of: $0.b) == ends.1
            }
            let after = match?.state ?? .down(reason: other.network.absentSessionReason(ends))
            if after != session.state { changes.append(SessionChange(between: ends, before: session.state, after: after)) }
        }
        for session in other.network.sessions {
            let ends = (other.network.name(of: session.a), other.network.name(of: session.b))
            let existed = network.sessions.contains { network.name(of: $0.a) == ends.0 && network.name(of: $0.b) == ends.1 }
            if !existed {
                changes.append(SessionChange(between: ends, before: .down(reason: network.absentSessionReason(ends)), after: session.state))
            }
        }
        return changes
    }

    /// Only BGP entries can change with the settings (system routes come from the topology), and
    /// they change per pair of keys: compare the programmed routes once per pair.
    private func effectiveRouteChanges(to other: RoutingResult) -> [EffectiveRouteChange] {
        let mine = programmedRoutes(), theirs = other.programmedRoutes()
        var changed: [Prefix] = []
        for (pair, prefixes) in keyPairs(with: other) {
            let before = pair.before >= 0 ? mine[pair.before] : nil, after = pair.after >= 0 ? theirs[pair.after] : nil
            if before != after { changed += prefixes }
        }
        changed.sort()
        var changes: [EffectiveRouteChange] = []
        for vnet in network.virtualNetworks {
            let spaces = systemSpaces(of: vnet)
            for prefix in changed where Self.programs(prefix, in: spaces) {
                let old = keys.keyOfPrefix[prefix].flatMap { mine[$0] }.map { Self.entry(for: prefix, $0) }
                let new = other.keys.keyOfPrefix[prefix].flatMap { theirs[$0] }.map { Self.entry(for: prefix, $0) }
                changes.append(EffectiveRouteChange(vnet: vnet.name, prefix: prefix, before: old, after: new))
            }
        }
        return changes
    }
}

/// What makes two selected paths the same path for a diff (the prefix aside: a group's paths are
/// stamped with each of its prefixes).
public struct RouteIdentity: Hashable, Sendable {
    let instance: Int
    let from: String?
    let fromInstance: Int?
    let attributes: PathAttributes
    public init(_ route: Route) {
        instance = route.instance; from = route.from; fromInstance = route.fromInstance; attributes = route.attributes
    }
}

extension Network {
    /// Why a session between these two speakers (by name) does not exist in this network: an instance
    /// that is not provisioned, or a peering these settings do not make (R14: no Route Server peering).
    func absentSessionReason(_ ends: (String, String)) -> String {
        let live = [ends.0, ends.1].allSatisfy { speakers(named: $0) != nil }
        guard live else { return "instance not provisioned" }
        let refused = refusesVPNGateway && [ends.0, ends.1].contains { end in
            speakers(named: end)?.allSatisfy { kind(of: $0) == .vpnGateway } == true
        }
        return refused ? "no peering: Azure refuses Route Server with this VPN gateway (R14)" : "no peering"
    }
}
