import RoutingEngine

/// Where each box and link of the diagram goes, derived from the topology (never hard-coded for a
/// file). Six columns: sites behind NVAs or VPN | NVAs and the VPN gateway | Route Server (spanning
/// the left rows) | ER gateway | circuit | ER site; the hub and spokes on a row below.
struct DiagramLayout: Equatable {
    enum BoxKind: Equatable { case node(NodeKind), vnet }

    struct Box: Equatable {
        let name: String
        let kind: BoxKind
        let rect: Rect
    }

    /// A horizontal link between the facing edges of two boxes, on row `y`.
    struct Link: Equatable {
        let left: String
        let right: String
        let y: Int
        let fromX: Int
        let toX: Int

        enum State { case up, partial, down }

        /// All sessions between the two nodes up, some, or none (a link to nothing is down).
        func state(in result: RoutingResult) -> State {
            guard let leftNode = result.node(named: left), let rightNode = result.node(named: right) else { return .down }
            let sessions = result.network.sessions(between: leftNode.speakers, and: rightNode.speakers)
            let up = sessions.filter(\.state.isUp).count
            return up == sessions.count && up > 0 ? .up : (up == 0 ? .down : .partial)
        }
    }

    let boxes: [Box]
    let links: [Link]
    let width: Int
    let height: Int
    /// Boxes are three rows high (name only) below this screen height, four above.
    let boxHeight: Int

    func box(named name: String) -> Box? { boxes.first { $0.name == name } }

    static func make(_ topology: Topology, width: Int, tall: Bool) -> DiagramLayout {
        let boxHeight = tall ? 4 : 3
        let pitch = boxHeight + 1
        let plan = ColumnPlan(topology)
        let columnWidths = plan.widths(fitting: width, tall: tall)
        let gap = min(14, max(1, (width - 1 - columnWidths.reduce(0, +)) / 5))
        let left = max(0, (width - columnWidths.reduce(0, +) - 5 * gap) / 2)
        var columnX: [Int] = []
        var x = left
        for columnWidth in columnWidths {
            columnX.append(x)
            x += columnWidth + gap
        }

        var boxes: [Box] = []
        var links: [Link] = []
        func place(_ name: String, _ kind: BoxKind, column: Int, row: Int, rows: Int = 1) {
            boxes.append(Box(name: name, kind: kind, rect: Rect(x: columnX[column], y: row * pitch,
                                                                width: columnWidths[column], height: rows * pitch - 1)))
        }
        // A site with several attachments (R27) has a box beside each: link the one on this row.
        func link(_ leftName: String, _ rightName: String, row: Int) {
            let y = row * pitch + 1
            func box(_ name: String, rightOf x: Int) -> Box? {
                let candidates = boxes.filter { $0.name == name && $0.rect.x > x }
                return candidates.first { $0.rect.y <= y && y < $0.rect.maxY } ?? candidates.first
            }
            guard let a = box(leftName, rightOf: -1), let b = box(rightName, rightOf: a.rect.x) else { return }
            links.append(Link(left: leftName, right: rightName, y: row * pitch + 1, fromX: a.rect.maxX, toX: b.rect.x - 1))
        }

        // Left groups: an element (NVA or VPN gateway) and the sites behind it, one row per site.
        var groups: [(element: String, kind: NodeKind, sites: [String])] = topology.nvas.map { ($0.name, .nva, $0.site.map { [$0] } ?? []) }
        if let vpn = topology.vpnGateway {
            let sites = vpn.connections.map(\.site).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            groups.append((vpn.name, .vpnGateway, sites))
        }
        var row = 0
        var elementRows: [(String, Int)] = []
        for group in groups {
            let rows = max(1, group.sites.count)
            place(group.element, .node(group.kind), column: 1, row: row, rows: rows)
            for (offset, site) in group.sites.enumerated() {
                place(site, .node(.site), column: 0, row: row + offset)
                link(site, group.element, row: row + offset)
            }
            elementRows.append((group.element, row))
            row += rows
        }
        let leftRows = max(1, row)
        if let routeServer = topology.routeServer {
            place(routeServer.name, .node(.routeServer), column: 2, row: 0, rows: leftRows)
            for (element, elementRow) in elementRows { link(element, routeServer.name, row: elementRow) }
        }
        // The ExpressRoute gateway spans its circuits, one row per circuit (R29).
        let circuits = topology.expressRouteGateway?.circuits ?? []
        if let gateway = topology.expressRouteGateway {
            place(gateway.name, .node(.expressRouteGateway), column: 3, row: 0, rows: circuits.count)
            if let routeServer = topology.routeServer { link(routeServer.name, gateway.name, row: 0) }
            for (index, circuit) in circuits.enumerated() {
                place(circuit.name, .node(.expressRouteCircuit), column: 4, row: index)
                place(circuit.site, .node(.site), column: 5, row: index)
                link(gateway.name, circuit.name, row: index)
                link(circuit.name, circuit.site, row: index)
            }
        }
        // Sites nothing connects to still get a box, below the left groups.
        let placed = Set(boxes.map(\.name))
        for site in topology.sites where !placed.contains(site.name) {
            place(site.name, .node(.site), column: 0, row: row)
            row += 1
        }
        // The VNets: the hub under Route Server, spokes to its right (as many columns as there are).
        let vnetRow = max(leftRows, row, circuits.count)
        place(topology.hub.name, .vnet, column: 2, row: vnetRow)
        for (index, spoke) in topology.hub.spokes.enumerated() {
            place(spoke.name, .vnet, column: ColumnPlan.spokeColumn(index), row: vnetRow + index / 3)
        }
        let height = (boxes.map(\.rect.maxY).max() ?? 0)
        return DiagramLayout(boxes: boxes, links: links, width: width, height: height, boxHeight: boxHeight)
    }

    /// The box nearest to `from` in a direction, for arrow-key navigation.
    func neighbor(of name: String, dx: Int, dy: Int) -> String? {
        guard let origin = box(named: name) else { return boxes.first?.name }
        let ox = origin.rect.x + origin.rect.width / 2, oy = origin.rect.y
        var best: (name: String, score: Int)?
        for box in boxes where box.name != name {
            let x = box.rect.x + box.rect.width / 2, y = box.rect.y
            let along = dx != 0 ? (x - ox) * dx : (y - oy) * dy
            guard along > 0 else { continue }
            let across = dx != 0 ? abs(y - oy) : abs(x - ox)
            let score = along + across * 3
            if best == nil || score < best!.score { best = (box.name, score) }
        }
        return best?.name
    }
}

/// Which names go in which of the six columns, so each column is as wide as its longest name.
struct ColumnPlan {
    var names: [[String]] = Array(repeating: [], count: 6)

    static func spokeColumn(_ index: Int) -> Int { 3 + index % 3 }

    init(_ topology: Topology) {
        for nva in topology.nvas {
            names[1].append(nva.name)
            if let site = nva.site { names[0].append(site) }
        }
        if let vpn = topology.vpnGateway {
            names[1].append(vpn.name)
            names[0] += vpn.connections.map(\.site)
        }
        let circuits = topology.expressRouteGateway?.circuits ?? []
        names[0] += topology.sites.map(\.name).filter { site in !names.joined().contains(site) && !circuits.contains { $0.site == site } }
        if let routeServer = topology.routeServer { names[2].append(routeServer.name) }
        names[2].append(topology.hub.name)
        if let gateway = topology.expressRouteGateway {
            names[3].append(gateway.name)
            names[4] += gateway.circuits.map(\.name)
            names[5] += gateway.circuits.map(\.site)
        }
        for (index, spoke) in topology.hub.spokes.enumerated() { names[ColumnPlan.spokeColumn(index)].append(spoke.name) }
    }

    /// Name plus borders (and "AS 4200000001" in tall boxes), padded when there is room, shrunk
    /// (names then end in "…") when there is not.
    func widths(fitting width: Int, tall: Bool) -> [Int] {
        var widths = names.map { column in
            max(tall ? 15 : 7, (column.map { displayWidth($0) }.max() ?? 0) + 2)
        }
        let minimumGaps = 5 * 1 + 1
        while widths.reduce(0, +) + minimumGaps > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
              widths[widest] > 7 {
            widths[widest] -= 1
        }
        let spare = width - widths.reduce(0, +) - 5 * 8
        if spare > 0 { widths = widths.map { $0 + min(6, spare / 6) } }
        return widths
    }
}
