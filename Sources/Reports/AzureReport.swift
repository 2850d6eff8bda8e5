import RoutingEngine

/// The `azure` format: the tables Azure's PowerShell cmdlets print (R15a).
/// `Get-AzRouteServerPeerLearnedRoute` / `Get-AzRouteServerPeerAdvertisedRoute` per NVA peer,
/// `Get-AzVirtualNetworkGatewayLearnedRoute` per gateway, `Get-AzEffectiveRouteTable` per VNet.
public enum AzureReport {
    static let columns = ["LocalAddress", "Network", "NextHop", "SourcePeer", "Origin", "AsPath", "Weight"]

    public static func render(_ result: RoutingResult, node: String? = nil) -> String {
        var lines = TextReport.header(result)
        for item in result.nodes where node == nil || node == item.name {
            switch item.kind {
            case .routeServer: lines += routeServerTables(item, result)
            case .expressRouteGateway, .vpnGateway: lines += gatewayTable(item, result)
            default:
                if node != nil {
                    lines += ["", "\(item.name) is not an Azure resource: Azure has no route table cmdlet for it. Use --format text."]
                }
            }
        }
        for routes in result.subnetRouteTables where node == nil || routes.isNamed(node) {
            let place = routes.subnet.map { "\(routes.vnet.name), subnet \($0.name)" } ?? routes.vnet.name
            lines += ["", "PS> Get-AzEffectiveRouteTable  # a NIC in \(place)", ""]
            // Azure's Name column holds a user-defined route's name (R22); shown for subnets.
            let named = routes.subnet != nil
            var table = TextTable((named ? ["Name"] : []) + ["Source", "State", "AddressPrefix", "NextHopType", "NextHopIpAddress"])
            for route in routes.routes {
                table.add((named ? [route.routeName ?? ""] : [])
                          + [route.source.rawValue, route.state.rawValue, "{\(route.prefix)}", route.nextHopType.rawValue,
                             "{\(route.nextHopIPs.map(\.description).joined(separator: ", "))}"])
            }
            lines += table.render()
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func asPath(_ path: [UInt32]) -> String { path.map(String.init).joined(separator: "-") }

    private static func routeServerTables(_ node: Node, _ result: RoutingResult) -> [String] {
        var lines: [String] = []
        let routes = result.routes(of: node)
        let advertised = result.advertised(by: node)
        for peer in result.nodes where peer.kind == .nva {
            let learned = routes.filter { $0.from == peer.name }
            lines += ["", "PS> Get-AzRouteServerPeerLearnedRoute -RouteServerName \(node.name) -PeerName \(peer.name)", ""]
            var table = TextTable(columns)
            for route in learned {
                let address = route.attributes.nextHop.description
                table.add([route.localAddress.description, route.prefix.description, address,
                           route.neighborAddress?.description ?? address, AzureOrigin.ebgp.rawValue,
                           asPath(route.attributes.asPath), String(route.weight)])
            }
            lines += learned.isEmpty ? ["(no routes)"] : table.render()
            lines += ["", "PS> Get-AzRouteServerPeerAdvertisedRoute -RouteServerName \(node.name) -PeerName \(peer.name)", ""]
            table = TextTable(columns)
            let local = Dictionary(uniqueKeysWithValues: node.speakers.map {
                (result.network.speakers[$0].instance, result.network.speakers[$0].address)
            })
            for route in advertised where route.peer == peer.name {
                let address = local[route.instance]?.description ?? ""
                table.add([address, route.prefix.description, route.attributes.nextHop.description, address,
                           "Igp", asPath(route.attributes.asPath), "0"])
            }
            lines += table.rows.isEmpty ? ["(no routes)"] : table.render()
        }
        return lines
    }

    private static func gatewayTable(_ node: Node, _ result: RoutingResult) -> [String] {
        var lines = ["", "PS> Get-AzVirtualNetworkGatewayLearnedRoute -VirtualNetworkGatewayName \(node.name)", ""]
        var table = TextTable(columns)
        for route in result.routes(of: node) {
            let network = route.from == nil
            table.add([route.localAddress.description, route.prefix.description,
                       network ? "" : route.attributes.nextHop.description,
                       (route.neighborAddress ?? route.localAddress).description, route.azureOrigin.rawValue,
                       asPath(route.attributes.asPath), String(route.weight)])
        }
        lines += table.rows.isEmpty ? ["(no routes)"] : table.render()
        return lines
    }
}
