import RoutingEngine

/// The tables Azure prints (R15a), from one set of rows:
/// - `azure`: PowerShell's `Get-AzRouteServerPeerLearnedRoute` / `Get-AzRouteServerPeerAdvertisedRoute`
///   per NVA peer, `Get-AzVirtualNetworkGatewayLearnedRoute` per gateway, `Get-AzEffectiveRouteTable` per VNet;
/// - `az`: what `az network routeserver peering list-learned-routes` / `list-advertised-routes` and
///   `az network vnet-gateway list-learned-routes` print as JSON (the default `-o json`);
/// - `azTable`: the same with `-o table`.
/// `node` narrows to one Route Server, gateway or VNet, or to one NVA: Route Server's tables for that peer.
public enum AzureReport {
    public enum Style: Sendable { case powerShell, az, azTable }

    public static func write(_ result: RoutingResult, node: String? = nil, style: Style = .powerShell, prefix: PrefixQuery? = nil,
                             to sink: OutputSink) {
        sink.lines(TextReport.header(result))
        let routeServer = result.nodes.first { $0.kind == .routeServer }
        for item in result.nodes where node == nil || node == item.name {
            switch item.kind {
            case .routeServer:
                let tables = RouteServerTables(item, result, prefix)
                for peer in result.nodes where peer.kind == .nva { peerTables(tables, peer: peer, result, style, sink) }
            case .expressRouteGateway, .vpnGateway: gatewayTable(item, result, style, prefix, sink)
            case .nva where node != nil && routeServer != nil:
                peerTables(RouteServerTables(routeServer!, result, prefix), peer: item, result, style, sink)
            default:
                if node != nil {
                    sink.line("")
                    sink.line("\(item.name) is not an Azure resource: Azure has no route table command for it. Use --format text.")
                }
            }
        }
        for table in result.effectiveRouteTablesOneByOne where node == nil || table.isNamed(node) {
            effectiveRoutes(table, prefix.narrow(table.routes), style, sink)
        }
    }

    public static func render(_ result: RoutingResult, node: String? = nil, style: Style = .powerShell,
                              prefix: PrefixQuery? = nil) -> String {
        OutputSink.collecting { write(result, node: node, style: style, prefix: prefix, to: $0) }
    }

    static let columns = ["LocalAddress", "Network", "NextHop", "SourcePeer", "Origin", "AsPath", "Weight"]

    static func asPath(_ path: [UInt32]) -> String { path.map(String.init).joined(separator: "-") }

    /// One row of a learned or advertised table, as Azure names its fields.
    struct PeerRoute {
        let instance: Int
        let localAddress: IPv4Address
        let network: Prefix
        let nextHop: IPv4Address?
        /// Absent from `list-advertised-routes`.
        let sourcePeer: IPv4Address?
        let origin: String
        let asPath: [UInt32]
        let weight: UInt32

        var cells: [String] {
            [localAddress.description, network.description, nextHop?.description ?? "",
             // R15a: the cmdlet leaves SourcePeer empty for what Route Server advertises (real lab tables).
             sourcePeer?.description ?? "", origin, AzureReport.asPath(asPath), String(weight)]
        }
    }

    /// Route Server's paths and advertisements, computed once for all its peers.
    struct RouteServerTables {
        let node: Node
        let routes: [Route]
        let advertised: [AdvertisedRoute]

        init(_ node: Node, _ result: RoutingResult, _ prefix: PrefixQuery?) {
            self.node = node
            let view = NodeView(node, result, prefix)
            routes = view.routes
            advertised = result.advertised(by: node).filter { view.keeps($0.prefix) }
        }
    }

    static func learned(from peer: Node, _ tables: RouteServerTables) -> [PeerRoute] {
        tables.routes.filter { $0.from == peer.name }.map { route in
            PeerRoute(instance: route.instance, localAddress: route.localAddress, network: route.prefix,
                      nextHop: route.attributes.nextHop, sourcePeer: route.neighborAddress ?? route.attributes.nextHop,
                      origin: AzureOrigin.ebgp.rawValue, asPath: route.attributes.asPath, weight: route.weight)
        }
    }

    static func advertised(to peer: Node, _ tables: RouteServerTables, _ result: RoutingResult) -> [PeerRoute] {
        let local = Dictionary(uniqueKeysWithValues: tables.node.speakers.map {
            (result.network.speakers[$0].instance, result.network.speakers[$0].address)
        })
        return tables.advertised.filter { $0.peer == peer.name }.compactMap { route in
            guard let address = local[route.instance] else { return nil }
            return PeerRoute(instance: route.instance, localAddress: address, network: route.prefix,
                             nextHop: route.attributes.nextHop, sourcePeer: nil, origin: "Igp",
                             asPath: route.attributes.asPath, weight: 0)
        }
    }

    static func learned(by gateway: Node, _ view: NodeView) -> [PeerRoute] {
        view.routes.map { route in
            PeerRoute(instance: route.instance, localAddress: route.localAddress, network: route.prefix,
                      nextHop: route.from == nil ? nil : route.attributes.nextHop,
                      sourcePeer: route.neighborAddress ?? route.localAddress, origin: route.azureOrigin.rawValue,
                      asPath: route.attributes.asPath, weight: route.weight)
        }
    }

    private static func peerTables(_ tables: RouteServerTables, peer: Node, _ result: RoutingResult, _ style: Style,
                                   _ sink: OutputSink) {
        let routeServer = tables.node
        let learned = learned(from: peer, tables)
        let advertised = advertised(to: peer, tables, result)
        let instances = routeServer.speakers.map { result.network.speakers[$0].instance }
        switch style {
        case .powerShell:
            command("PS> Get-AzRouteServerPeerLearnedRoute -RouteServerName \(routeServer.name) -PeerName \(peer.name)", sink)
            powerShellTable(learned, sink)
            command("PS> Get-AzRouteServerPeerAdvertisedRoute -RouteServerName \(routeServer.name) -PeerName \(peer.name)", sink)
            powerShellTable(advertised, sink)
        case .az:
            for (verb, rows) in [("list-learned-routes", learned), ("list-advertised-routes", advertised)] {
                command("$ az network routeserver peering \(verb) --routeserver \(routeServer.name) -n \(peer.name)", sink)
                byRole(rows, instances: instances, sink)
            }
        case .azTable:
            for (verb, rows) in [("list-learned-routes", learned), ("list-advertised-routes", advertised)] {
                for instance in instances {
                    command("$ az network routeserver peering \(verb) --routeserver \(routeServer.name) -n \(peer.name) "
                            + "--query \(role(instance)) -o table", sink)
                    // list-advertised-routes has no sourcePeer.
                    let learned = verb == "list-learned-routes"
                    azTable(learned ? columns : columns.filter { $0 != "SourcePeer" }, rows.filter { $0.instance == instance }.map { row in
                        learned ? row.cells : row.cells.enumerated().filter { $0.offset != 3 }.map(\.element)
                    }, sink)
                }
            }
        }
    }

    private static func gatewayTable(_ node: Node, _ result: RoutingResult, _ style: Style, _ prefix: PrefixQuery?,
                                     _ sink: OutputSink) {
        let rows = learned(by: node, NodeView(node, result, prefix))
        switch style {
        case .powerShell:
            command("PS> Get-AzVirtualNetworkGatewayLearnedRoute -VirtualNetworkGatewayName \(node.name)", sink)
            powerShellTable(rows, sink)
        case .az:
            command("$ az network vnet-gateway list-learned-routes -n \(node.name)", sink)
            JSONWriter(sink, layout: .python).document(rows, JSONSchema([.objects("value", azRoute) { $0 }]))
        case .azTable:
            command("$ az network vnet-gateway list-learned-routes -n \(node.name) -o table", sink)
            // az's table for this command: these six columns (azure-cli's transform_vnet_gateway_routes_table).
            azTable(["Network", "NextHop", "Origin", "SourcePeer", "AsPath", "Weight"],
                    rows.map { row in [1, 2, 4, 3, 5, 6].map { row.cells[$0] } }, sink)
        }
    }

    private static func effectiveRoutes(_ subnetTable: SubnetRouteTable, _ routes: [EffectiveRoute], _ style: Style,
                                        _ sink: OutputSink) {
        let place = subnetTable.subnet.map { "\(subnetTable.vnet.name), subnet \($0.name)" } ?? subnetTable.vnet.name
        switch style {
        case .powerShell:
            command("PS> Get-AzEffectiveRouteTable  # a NIC in \(place)", sink)
            // Azure's Name column holds a user-defined route's name (R22); shown for subnets.
            let named = subnetTable.subnet != nil
            var table = TextTable((named ? ["Name"] : []) + ["Source", "State", "AddressPrefix", "NextHopType", "NextHopIpAddress"])
            for route in routes {
                table.add((named ? [route.routeName ?? ""] : [])
                          + [route.source.rawValue, route.state.rawValue, "{\(route.prefix)}", route.nextHopType.rawValue,
                             "{\(route.nextHopIPs.map(\.description).joined(separator: ", "))}"])
            }
            table.write(to: sink)
        case .az, .azTable:
            command("$ az network nic show-effective-route-table -n NIC  # a NIC in \(place)\(style == .azTable ? " -o table" : "")", sink)
            if style == .az {
                JSONWriter(sink, layout: .python).document(routes, JSONSchema([.objects("value", azEffectiveRoute) { $0 }]))
            } else {
                azTable(["Source", "State", "Address Prefix", "Next Hop Type", "Next Hop IP"], routes.map { route in
                    [route.source.rawValue, route.state.rawValue, route.prefix.description, route.nextHopType.rawValue,
                     route.nextHopIPs.map(\.description).joined(separator: " ")]
                }, sink)
            }
        }
    }

    private static func command(_ text: String, _ sink: OutputSink) {
        sink.line("")
        sink.line(text)
        sink.line("")
    }

    private static func powerShellTable(_ rows: [PeerRoute], _ sink: OutputSink) {
        guard !rows.isEmpty else { return sink.line("(no routes)") }
        var table = TextTable(columns)
        for row in rows { table.add(row.cells) }
        table.write(to: sink)
    }

    /// Route Server's answer: one list per instance, `RouteServiceRole_IN_0` and `RouteServiceRole_IN_1`.
    private static func byRole(_ rows: [PeerRoute], instances: [Int], _ sink: OutputSink) {
        let fields = instances.map { instance in
            JSONSchema<[PeerRoute]>.Field.objects(role(instance), azRoute) { $0.lazy.filter { $0.instance == instance } }
        }
        JSONWriter(sink, layout: .python).document(rows, JSONSchema(fields))
    }

    static func role(_ instance: Int) -> String { "RouteServiceRole_IN_\(instance)" }

    /// The fields of az's JSON (`sourcePeer` only where Azure has one).
    static let azRoute = JSONSchema<PeerRoute>([
        .string("asPath") { asPath($0.asPath) },
        .address("localAddress") { $0.localAddress },
        .prefix("network") { $0.network },
        .string("nextHop") { $0.nextHop?.description },
        .string("origin") { $0.origin },
        .stringIfPresent("sourcePeer") { $0.sourcePeer?.description },
        .number("weight") { $0.weight },
    ])

    static let azEffectiveRoute = JSONSchema<EffectiveRoute>([
        // A user-defined route's name; null for system and gateway routes, as az prints them.
        .string("name") { $0.routeName },
        .string("source") { $0.source.rawValue },
        .string("state") { $0.state.rawValue },
        .strings("addressPrefix") { [$0.prefix.description] },
        .string("nextHopType") { $0.nextHopType.rawValue },
        .addresses("nextHopIpAddress") { $0.nextHopIPs },
    ])

    /// az's `-o table`: each column as wide as its header plus two, or its widest cell; two spaces between.
    static func azTable(_ headers: [String], _ rows: [[String]], _ sink: OutputSink) {
        var widths = headers.map { $0.count + 2 }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) {
            let text = cells.enumerated().map { index, cell in cell.padding(to: widths[index]) }.joined(separator: "  ")
            sink.line(text.trimmingTrailingSpaces())
        }
        line(headers)
        line(widths.map { String(repeating: "-", count: $0) })
        rows.forEach(line)
    }
}
