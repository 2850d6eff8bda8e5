import Reports
import RoutingEngine

/// The rows of the table pane for the selected node and tab. Route rows keep their `Route` and are
/// formatted only when drawn, so a 26,000-path table costs nothing until it scrolls into view.
public struct TableModel: Sendable {
    public enum Mark: Character, Sendable {
        case added = "+", removed = "-", changed = "~"
    }

    public struct Row: Sendable {
        public enum Content: Sendable {
            case heading(String)
            case text(String)
            /// FRR prints the network on the first path of a prefix only.
            case route(Route, showNetwork: Bool)
            case advertised(AdvertisedRoute)
            /// A NIC's effective route, in the table's columns: made into text only when drawn.
            case effective(EffectiveRoute, EffectiveRouteColumns)
        }
        public let content: Content
        public let mark: Mark?
        /// Rows about one prefix can be opened (Enter) and filtered.
        public let prefix: Prefix?
        /// A row naming a subnet of the selected VNet: Enter selects it (R22).
        public var subnet: String? = nil
        public var isSelectable: Bool { prefix != nil || subnet != nil }

        /// The row's text as drawn (without the mark column).
        public var text: String {
            switch content {
            case .heading(let text), .text(let text): text
            case .route(let route, let showNetwork): BGPTableFormat.line(route, showNetwork: showNetwork)
            case .advertised(let route): BGPTableFormat.line(route)
            case .effective(let route, let columns): columns.line(route)
            }
        }

        var isHeading: Bool { if case .heading = content { true } else { false } }

        /// How the row is drawn: its mark's role (glyph and colour), else heading or plain text.
        var role: Role {
            switch mark {
            case .added?: .added
            case .removed?: .removed
            case .changed?: .changed
            case nil: isHeading ? .header : .normal
            }
        }
    }

    public var rows: [Row]

    static func build(for state: ExplorerState) -> TableModel {
        if let path = state.dataPath { return TableModel(rows: filtered(textRows(TraceReport.lines(path)), state)) }
        return TableModel(rows: selectedTable(state))
    }

    /// The selected node's (or VNet's) table on the current tab, filtered, with the marks of the last
    /// change: the table pane, and each side of before/after.
    static func selectedTable(_ state: ExplorerState) -> [Row] {
        let tab = state.tabs.contains(state.tab) ? state.tab : state.tabs[0]
        var rows: [Row]
        if let vnet = state.selectedVNet, !vnet.subnets.isEmpty {
            rows = SubnetRows.rows(vnet, subnet: state.selectedSubnet, state)
        } else if let vnet = state.selectedVNet {
            rows = effectiveRows(vnet, state)
        } else if let node = state.selectedNode {
            switch tab {
            case .learned: rows = learnedRows(node, state)
            case .advertised: rows = advertisedRows(node, state)
            case .azure: rows = textRows(AzureReport.render(state.result, node: node.name).split(separator: "\n").dropFirst(2).map(String.init))
            case .sessions:
                // The engine's warnings about this node (R13, R14, R18, R20) under its sessions.
                rows = textRows(TextReport.sessionTable(node, state.result)
                                + state.result.warnings(about: node.name).map { "Warning: \($0.message) (\($0.rule.citation))" })
            case .summary: rows = textRows(NeighborSummaryReport.lines(node, state.result))
            case .effective: rows = []
            }
        } else {
            rows = []
        }
        return filtered(rows, state)
    }

    private static func filtered(_ rows: [Row], _ state: ExplorerState) -> [Row] {
        let filter = state.filter.lowercased()
        return filter.isEmpty ? rows : rows.filter { $0.isHeading || $0.text.lowercased().contains(filter) }
    }

    private static func textRows(_ lines: [String]) -> [Row] {
        lines.map { Row(content: .text($0), mark: nil, prefix: nil) }
    }

    /// Every path, per instance, FRR style. Marks are per path: `+` a path that is new (a new prefix,
    /// or a new multipath member), `~` the best path where it is another one, `-` a path that vanished
    /// (a whole prefix, or one multipath member), kept as a row until the next change.
    /// One pass over the node's routes (already in prefix order), merging the vanished ones linearly:
    /// this runs on every toggle, for tables of 25,000 paths.
    private static func learnedRows(_ node: Node, _ state: ExplorerState) -> [Row] {
        let groups = state.changes?.groups(at: node.name) ?? [:]
        let vanished = groups.filter { $0.value.kind == .removed }.keys.sorted()
        var ghosts: [Route] = vanished.isEmpty ? [] : (state.previous.flatMap { previous in
            previous.node(named: node.name).map { old in vanished.flatMap { previous.routes(of: old, for: $0) } }
        } ?? [])
        // Multipath members that left, where the prefix stays: only those no longer held at all. Once
        // per group: its prefixes share their paths (a toggle at scale moves thousands of prefixes).
        for group in state.changes?.groups ?? [] where group.node == node.name && group.kind == .bestChanged {
            let gone = group.vanished
            guard !gone.isEmpty else { continue }
            let held = Set(state.result.routes(of: node, for: group.prefixes[0]).map(RouteIdentity.init))
            let ghostPaths = gone.filter { !held.contains(RouteIdentity($0)) }
            for prefix in group.prefixes { ghosts += ghostPaths.map { $0.with(prefix: prefix) } }
        }
        ghosts = ghosts.enumerated().sorted { ($0.element.prefix, $0.offset) < ($1.element.prefix, $1.offset) }.map(\.element)
        func mark(_ route: Route) -> Mark? {
            guard let group = groups[route.prefix] else { return nil }
            switch group.kind {
            case .added: return .added
            case .removed: return nil
            case .bestChanged:
                if route.isBest && group.bestPathChanged { return .changed }
                let identity = RouteIdentity(route)
                return route.isSelected && !group.before.contains { RouteIdentity($0) == identity } ? .added : nil
            }
        }
        let instances = node.speakers.map { state.result.network.speakers[$0] }
        var tables: [Int: [Row]] = [:]
        var lastPrefix: [Int: Prefix] = [:]
        var ghostIndex: [Int: Int] = [:]
        let ghostsByInstance = Dictionary(grouping: ghosts, by: \.instance)
        func append(_ route: Route, _ mark: Mark?) {
            let showNetwork = lastPrefix[route.instance] != route.prefix
            tables[route.instance, default: []].append(Row(content: .route(route, showNetwork: showNetwork), mark: mark, prefix: route.prefix))
            lastPrefix[route.instance] = route.prefix
        }
        func flushGhosts(before prefix: Prefix?, instance: Int) {
            let pending = ghostsByInstance[instance] ?? []
            var index = ghostIndex[instance] ?? 0
            while index < pending.count, prefix.map({ pending[index].prefix < $0 }) ?? true {
                append(pending[index], .removed)
                index += 1
            }
            ghostIndex[instance] = index
        }
        for route in state.result.routes(of: node) {
            if !ghosts.isEmpty { flushGhosts(before: route.prefix, instance: route.instance) }
            append(route, groups.isEmpty ? nil : mark(route))
        }
        var rows: [Row] = []
        for instance in instances {
            flushGhosts(before: nil, instance: instance.instance)
            let name = state.result.network.name(of: instance.id)
            rows.append(Row(content: .heading("BGP table of \(name), local router ID is \(instance.address), local AS \(node.asn)"),
                            mark: nil, prefix: nil))
            rows.append(Row(content: .heading(BGPTableFormat.header), mark: nil, prefix: nil))
            let table = tables[instance.instance] ?? []
            rows += table.isEmpty ? [Row(content: .text("   (no routes)"), mark: nil, prefix: nil)] : table
        }
        return rows
    }

    private static func advertisedRows(_ node: Node, _ state: ExplorerState) -> [Row] {
        var rows: [Row] = []
        var last = ""
        for route in state.result.advertised(by: node) {
            let local = node.speakers.count > 1 ? "\(node.name)#\(route.instance)" : node.name
            let peerIsMulti = state.result.node(named: route.peer).map { state.result.network.isMultiInstance($0) } ?? false
            let peer = peerIsMulti ? "\(route.peer)#\(route.peerInstance)" : route.peer
            let heading = "Advertised by \(local) to \(peer)"
            if heading != last {
                rows.append(Row(content: .heading(heading), mark: nil, prefix: nil))
                rows.append(Row(content: .heading(BGPTableFormat.header), mark: nil, prefix: nil))
                last = heading
            }
            rows.append(Row(content: .advertised(route), mark: nil, prefix: route.prefix))
        }
        if rows.isEmpty { rows.append(Row(content: .text("(advertises nothing)"), mark: nil, prefix: nil)) }
        return rows
    }

    static func effectiveRows(_ vnet: VirtualNetwork, subnet: Subnet? = nil, _ state: ExplorerState) -> [Row] {
        let routes = state.result.effectiveRoutes(of: vnet, subnet: subnet)
        let columns = EffectiveRouteColumns(routes, routeNames: subnet != nil)
        var rows = columns.header.map { Row(content: .heading($0), mark: nil, prefix: nil) }
        func row(_ route: EffectiveRoute, _ mark: Mark?) -> Row { Row(content: .effective(route, columns), mark: mark, prefix: route.prefix) }
        // The same NIC's table before the last change (a toggle, an edit, a reload), when there was one:
        // a subnet's own table, since its route table decides which gateway routes it ever had. Its
        // routes cannot have changed when the VNet's did not and no edit changed the topology.
        let touched = state.previousTopology != nil || state.changes?.effectiveRoutes.contains { $0.vnet == vnet.name } == true
        let before = state.changes == nil || !touched ? nil : state.previous.map { previous -> [EffectiveRoute] in
            guard let (oldVNet, oldSubnet) = previous.virtualNetwork(named: subnet?.name ?? vnet.name) else { return [] }
            return previous.effectiveRoutes(of: oldVNet, subnet: oldSubnet)
        }
        guard let before else { return rows + routes.map { row($0, nil) } }
        var earlier = Dictionary(before.map { (EffectiveRouteKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        for route in routes {
            guard let was = earlier.removeValue(forKey: EffectiveRouteKey(route)) else {
                rows.append(row(route, .added))
                continue
            }
            guard was != route else {
                rows.append(row(route, nil))
                continue
            }
            // As in the BGP tables: next hops that joined the same route are +, next hops that left
            // are a - row of their own, ~ when VMs now use another route.
            let old = Set(was.nextHopIPs), now = Set(route.nextHopIPs)
            let sameRoute = was.learnedFrom == route.learnedFrom && was.asPath == route.asPath && was.state == route.state
                && was.nextHopType == route.nextHopType
            let mark: Mark? = sameRoute && now.isSubset(of: old) ? nil : (sameRoute && old.isSubset(of: now) ? .added : .changed)
            rows.append(row(route, mark))
            if sameRoute && now.isStrictSubset(of: old) {
                let gone = old.subtracting(now).sorted().map(\.description).joined(separator: ", ")
                rows.append(Row(content: .text("\(route.source.rawValue)  (next hop gone)  \(route.prefix)  \(gone)"), mark: .removed,
                                prefix: route.prefix))
            }
        }
        for was in earlier.values.sorted(by: { ($0.prefix, $0.source.rawValue) < ($1.prefix, $1.source.rawValue) }) {
            rows.append(Row(content: .text("\(was.source.rawValue)  (withdrawn)  \(was.prefix)"), mark: .removed, prefix: was.prefix))
        }
        return rows
    }
}

/// What makes two effective routes the same row of a NIC's table across a change: Azure lists a
/// prefix once per source (a UDR and the system route it overrides are two rows), a UDR by its name.
private struct EffectiveRouteKey: Hashable {
    let source: EffectiveRoute.Source
    let prefix: Prefix
    let routeName: String?

    init(_ route: EffectiveRoute) {
        source = route.source; prefix = route.prefix; routeName = route.routeName
    }
}
