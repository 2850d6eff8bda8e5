import RoutingEngine

/// The `text` format: per node its sessions and FRR-style BGP tables, then each VNet's effective
/// routes as Azure prints them.
public enum TextReport {
    public struct Options: Sendable {
        public var node: String?
        public var showAdvertised: Bool
        public var prefix: PrefixQuery?
        public init(node: String? = nil, showAdvertised: Bool = false, prefix: PrefixQuery? = nil) {
            self.node = node; self.showAdvertised = showAdvertised; self.prefix = prefix
        }
    }

    /// Streams the report: one node's tables at a time.
    public static func write(_ result: RoutingResult, options: Options = Options(), to sink: OutputSink) {
        sink.lines(header(result))
        for node in result.nodes where options.node == nil || options.node == node.name {
            sink.line("")
            writeNodeSection(node, result, showAdvertised: options.showAdvertised, prefix: options.prefix, to: sink)
        }
        for table in result.effectiveRouteTablesOneByOne where options.node == nil || table.isNamed(options.node) {
            sink.line("")
            sink.line("=== \(table.title) ===")
            let routes = options.prefix.narrow(table.routes)
            let columns = EffectiveRouteColumns(routes, routeNames: table.subnet != nil)
            for line in columns.header { sink.write(line); sink.write(0x0A) }
            for route in routes { columns.write(route, to: sink) }
        }
    }

    public static func render(_ result: RoutingResult, options: Options = Options()) -> String {
        OutputSink.collecting { write(result, options: options, to: $0) }
    }

    public static func header(_ result: RoutingResult) -> [String] {
        var lines = ["routescope — \(result.topology.title.isEmpty ? result.topology.name : result.topology.title)",
                     SettingsLine.text(result.settings)]
        if case .didNotConverge(let messages, let prefixes) = result.convergence {
            lines.append("WARNING: did not converge after \(messages) messages (R21); in flux: "
                         + prefixes.prefix(8).map(\.description).joined(separator: ", "))
        }
        // What Azure refuses or warns about is said before any table (R13, R14, R18, R20).
        lines += result.warnings.map { "WARNING: \($0)" }
        return lines
    }

    public static func writeNodeSection(_ node: Node, _ result: RoutingResult, showAdvertised: Bool, prefix: PrefixQuery? = nil,
                                        to sink: OutputSink) {
        sink.line("=== \(node.name) (\(node.kind.displayName), AS \(node.asn)) ===")
        sink.lines(sessionTable(node, result))
        let network = result.network
        let view = NodeView(node, result, prefix)
        let allRoutes = view.routes
        for speaker in node.speakers {
            let instance = network.speakers[speaker]
            sink.line("")
            sink.line("BGP table of \(network.name(of: speaker)), local router ID is \(instance.address), local AS \(node.asn)")
            sink.lines(BGPTableFormat.legend)
            sink.line("")
            // Sorted by prefix: a prefix's paths are adjacent, so selected prefixes are counted as they pass.
            var paths = 0, selected = 0
            var previous: Prefix?, previousSelected: Prefix?
            for route in allRoutes where route.instance == instance.instance {
                if paths == 0 { sink.line(BGPTableFormat.header) }
                BGPTableFormat.write(route, showNetwork: route.prefix != previous, to: sink)
                previous = route.prefix
                paths += 1
                if route.isSelected, route.prefix != previousSelected {
                    selected += 1
                    previousSelected = route.prefix
                }
            }
            if paths == 0 {
                sink.line("   (no routes)")
            } else {
                sink.line("")
                sink.line("Displayed \(selected) routes and \(paths) total paths")
            }
        }
        let rejected = result.rejected(at: node).filter { view.keeps($0.prefix) }
        if !rejected.isEmpty {
            sink.line("")
            sink.line("Refused by inbound policy:")
            for route in rejected {
                let instance = node.speakers.count > 1 ? "#\(route.instance) " : ""
                sink.line("   \(instance)\(route.prefix) from \(route.from) [\(route.attributes.asPathText)]: "
                          + "\(route.rule.citation) \(route.reason)")
            }
        }
        if showAdvertised {
            let advertised = result.advertised(by: node).filter { view.keeps($0.prefix) }
            let groups = Dictionary(grouping: advertised) { "\($0.instance)|\($0.peer)|\($0.peerInstance)" }
            var seen: Set<String> = []
            for route in advertised where seen.insert("\(route.instance)|\(route.peer)|\(route.peerInstance)").inserted {
                let key = "\(route.instance)|\(route.peer)|\(route.peerInstance)"
                let peerNode = result.node(named: route.peer)
                let peerName = peerNode.map { result.network.isMultiInstance($0) } == true ? "\(route.peer)#\(route.peerInstance)" : route.peer
                let local = node.speakers.count > 1 ? "\(node.name)#\(route.instance)" : node.name
                sink.line("")
                sink.line("Advertised by \(local) to \(peerName)")
                sink.line(BGPTableFormat.header)
                for route in groups[key]! { BGPTableFormat.write(route, to: sink) }
            }
        }
    }

    public static func sessionTable(_ node: Node, _ result: RoutingResult) -> [String] {
        let network = result.network
        var table = TextTable(["Local", "Neighbor", "Address", "AS", "Type", "State", "Reason"])
        for session in result.sessions(of: node) {
            for local in [session.a, session.b] where node.speakers.contains(local) {
                let peer = session.peer(of: local)
                let note = session.state.reason ?? session.warning.map { "warning: \($0)" } ?? ""
                table.add([network.name(of: local), network.name(of: peer), session.address(of: peer).description,
                           String(network.speakers[peer].asn), session.type.rawValue,
                           session.state.isUp ? "Established" : "Down", note])
            }
        }
        return table.rows.isEmpty ? ["(no BGP sessions)"] : table.render()
    }

    /// A route table's routes in the portal's columns (R22).
    public static func routeTableLines(_ table: RouteTable) -> [String] {
        var lines = TextTable(["Name", "Address prefix", "Next hop type", "Next hop IP address"])
        for route in table.routes {
            lines.add([route.name, route.addressPrefix.description, route.nextHopType.rawValue,
                       route.nextHopIpAddress?.description ?? ""])
        }
        return lines.render()
    }

    /// Azure's columns; `routeNames` adds "User Defined Route Name" (tables of subnets, R22).
    public static func effectiveRouteTable(_ routes: [EffectiveRoute], routeNames: Bool = false) -> [String] {
        let columns = EffectiveRouteColumns(routes, routeNames: routeNames)
        return columns.header + routes.map(columns.line)
    }
}

extension SubnetRouteTable {
    /// `--node` takes the VNet's name (all its subnets) or a subnet's.
    public func isNamed(_ name: String?) -> Bool { name == vnet.name || (name != nil && name == subnet?.name) }

    /// `hub-vnet (virtual network) — effective routes of its VMs`, or for a subnet
    /// `hub-vnet / workload (subnet 10.0.10.0/24, route table rt-workload) — effective routes of its NICs`.
    public var title: String {
        guard let subnet else { return "\(vnet.name) (virtual network) — effective routes of its VMs" }
        var details = ["subnet \(subnet.addressPrefix)"]
        if let routeTable {
            details.append("route table \(routeTable.name)")
            if routeTable.disableBgpRoutePropagation { details.append("propagate gateway routes: No") }
        }
        return "\(vnet.name) / \(subnet.name) (\(details.joined(separator: ", "))) — effective routes of its NICs"
    }
}

/// The switches as words, for headers and status lines.
public enum SettingsLine {
    public static func text(_ settings: Settings) -> String {
        var parts = ["route exchange: \(settings.routeExchange ? "on" : "off")",
                     "hub routing preference: \(settings.hubRoutingPreference.rawValue)"]
        if let activeActive = settings.vpnActiveActive { parts.append("VPN active/active: \(activeActive ? "on" : "off")") }
        parts.append("down: \(settings.down.isEmpty ? "none" : settings.down.sorted().joined(separator: ", "))")
        return parts.joined(separator: " · ")
    }
}
