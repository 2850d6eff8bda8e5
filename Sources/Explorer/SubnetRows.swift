import Reports
import RoutingEngine

/// The table pane for a VNet that lists subnets (R22): its subnets, each with its route table (Enter
/// selects one), then for the selected subnet its route table and the effective routes of its NICs.
enum SubnetRows {
    typealias Row = TableModel.Row

    static func rows(_ vnet: VirtualNetwork, subnet: Subnet?, _ state: ExplorerState) -> [Row] {
        var rows = [heading("Subnets of \(vnet.name) — Enter shows a subnet's NIC routes")]
        for item in vnet.subnets {
            let marker = item.name == subnet?.name ? "▸ " : "  "
            let table = item.routeTable.map { "route table \($0)" } ?? "no route table"
            rows.append(Row(content: .text("\(marker)\(item.name.padding(16)) \(item.addressPrefix.description.padding(18)) \(table)"),
                            mark: nil, prefix: nil, subnet: item.name))
        }
        guard let subnet else {
            rows += [text(""), heading("Effective routes of a NIC in a subnet without a route table")]
            return rows + TableModel.effectiveRows(vnet, state)
        }
        rows.append(text(""))
        if let table = state.topology.routeTable(named: subnet.routeTable) {
            rows += routeTableRows(table)
            rows.append(text(""))
        }
        rows.append(heading("Effective routes of a NIC in \(subnet.name) (\(subnet.addressPrefix))"))
        return rows + TableModel.effectiveRows(vnet, subnet: subnet, state)
    }

    /// The route table as the portal shows it: propagation, then each route.
    static func routeTableRows(_ table: RouteTable) -> [Row] {
        var rows = [heading("Route table \(table.name) · propagate gateway routes: \(table.disableBgpRoutePropagation ? "No" : "Yes")")]
        guard !table.routes.isEmpty else { return rows + [text("   (no routes)")] }
        let rendered = TextReport.routeTableLines(table)
        rows += rendered.prefix(2).map(heading)
        return rows + rendered.dropFirst(2).map(text)
    }

    private static func heading(_ line: String) -> Row { Row(content: .heading(line), mark: nil, prefix: nil) }
    private static func text(_ line: String) -> Row { Row(content: .text(line), mark: nil, prefix: nil) }
}

private extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
