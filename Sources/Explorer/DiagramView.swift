import RoutingEngine

/// Draws the network: a box per node (instances on the bottom border, `*` when something changed
/// there, `!` when Azure refuses or warns about something there), links with their state (`─` up, `╌` partly down, `╳` down) and prefix counts each way.
enum DiagramView {
    static func draw(_ state: ExplorerState, _ layout: ScreenLayout, into grid: inout Grid) {
        let diagram = layout.diagram
        var canvas = Grid(width: diagram.width, height: diagram.height)
        let onPath = state.dataPath.map(nodes(on:)) ?? []
        // The nodes and VNets the last change touched, once per frame (a change can hold thousands of routes).
        let changed = state.changes.map { diff in Set(diff.groups.map(\.node)).union(diff.effectiveRoutes.map(\.vnet)) } ?? []
        for link in diagram.links { drawLink(link, state, &canvas) }
        for box in diagram.boxes {
            drawBox(box, state, diagram.boxHeight, onPath: onPath.contains(box.name), changed: changed.contains(box.name), &canvas)
        }
        let area = layout.diagramArea
        for row in 0..<area.height where row + layout.diagramOffset < canvas.height {
            for column in 0..<min(area.width, canvas.width) {
                grid[area.x + column, area.y + row] = canvas[column, row + layout.diagramOffset]
            }
        }
        if layout.diagramOffset > 0 { grid.put("↑ more", x: area.maxX - 7, y: area.y, role: .dim) }
        if layout.diagramOffset + area.height < canvas.height {
            grid.put("↓ more", x: area.maxX - 7, y: area.maxY - 1, role: .dim)
        }
    }

    private static func drawBox(_ box: DiagramLayout.Box, _ state: ExplorerState, _ boxHeight: Int, onPath: Bool, changed: Bool,
                                _ grid: inout Grid) {
        let result = state.result
        let node = result.node(named: box.name)
        let selected = state.diagramSelection == box.name
        let isDown = state.settings.down.contains(box.name)
        // What Azure refuses or warns about here (the engine decides it; the Sessions tab says why).
        let warned = !result.warnings(about: box.name).isEmpty
        // The marks on the top border, right-aligned: `!` a warning, `*` changed.
        let marks = (warned ? 1 : 0) + (changed ? 1 : 0)
        let border: Role = selected ? .nodeSelected : (isDown ? .nodeDown : (onPath ? .changed : (changed ? .nodeChanged : .node)))
        grid.fill(box.rect.inset(by: 1), Cell(" ", selected ? .nodeSelected : .normal))
        grid.box(box.rect, glyphs: state.glyphs, role: border)
        let inner = box.rect.width - 2
        grid.put(truncate(box.name, inner), x: box.rect.x + 1, y: box.rect.y + 1, role: selected ? .nodeSelected : .title)
        if boxHeight >= 4 && box.rect.height >= 4 {
            let detail: String
            if isDown { detail = "DOWN" } else if let node { detail = "AS \(node.asn)" } else {
                detail = result.network.virtualNetworks.first { $0.name == box.name }?.addressSpace.first?.description ?? ""
            }
            grid.put(truncate(detail, inner), x: box.rect.x + 1, y: box.rect.y + 2, role: isDown ? .nodeDown : .dim)
        } else if isDown {
            grid.put("DOWN", x: box.rect.maxX - 5 - max(1, marks), y: box.rect.y, role: .nodeDown)
        }
        if changed { grid.put("*", x: box.rect.maxX - 2, y: box.rect.y, role: .nodeChanged) }
        if warned { grid.put("!", x: box.rect.maxX - 1 - marks, y: box.rect.y, role: .warning) }
        // Instances on the bottom border: Route Server, gateways, the MSEE pair.
        if let node, result.network.isMultiInstance(node) {
            var x = box.rect.x + 1
            for speaker in result.network.speakers where speaker.node == node.id && speaker.provisioned {
                let name = "\(node.name)#\(speaker.instance)"
                let up = !isDown && !state.settings.down.contains(name)
                x = grid.put("#\(speaker.instance)", x: x, y: box.rect.maxY - 1, role: up ? .linkUp : .linkDown) + 1
            }
        }
    }

    private static func drawLink(_ link: DiagramLayout.Link, _ state: ExplorerState, _ grid: inout Grid) {
        let length = link.toX - link.fromX + 1
        guard length > 0 else { return }
        let result = state.result
        guard let left = result.node(named: link.left), let right = result.node(named: link.right) else { return }
        let role: Role = switch link.state(in: result) {
        case .up: .linkUp
        case .partial: .linkPartial
        case .down: .linkDown
        }
        // The link that carried the current step's message.
        let carrying = state.stepMode?.current.map { Set([$0.from, $0.to]) == Set([link.left, link.right]) } ?? false
        let glyph: Character = role == .linkPartial ? (state.glyphs == .ascii ? ":" : "╌") : state.glyphs.horizontal
        grid.horizontalLine(x: link.fromX, y: link.y, length: length, glyph, role: role)
        if role == .linkDown { grid[link.fromX + length / 2, link.y] = Cell(state.glyphs.down, .linkDown) }
        if carrying, let current = state.stepMode?.current {
            let arrow = current.from == link.left ? state.glyphs.arrowRight : state.glyphs.arrowLeft
            grid.horizontalLine(x: link.fromX, y: link.y, length: length, arrow, role: .changed)
        }
        // Prefix counts each way above the line; the state below it when not fully up.
        let rightward = result.acceptedPrefixCount(by: right, from: left)
        let leftward = result.acceptedPrefixCount(by: left, from: right)
        let labels = ["\(state.glyphs.arrowRight)\(rightward) \(state.glyphs.arrowLeft)\(leftward)", "\(rightward)/\(leftward)"]
        if let label = labels.first(where: { displayWidth($0) <= length }) {
            grid.put(label, x: link.fromX + (length - displayWidth(label)) / 2, y: link.y - 1, role: .linkLabel)
        }
        if role != .linkUp {
            let words = role == .linkDown ? ["down", "dn"] : ["part", "½"]
            if let word = words.first(where: { displayWidth($0) <= length }) {
                grid.put(word, x: link.fromX + (length - displayWidth(word)) / 2, y: link.y + 1, role: role)
            }
        }
    }

    /// The boxes a trace passes (instances count for their node).
    static func nodes(on path: DataPath) -> Set<String> {
        func walk(_ hop: DataPath.Hop) -> [String] {
            let name = hop.at.split(separator: "#").first.map(String.init) ?? hop.at
            if case .forward(let next) = hop.outcome { return [name] + next.flatMap(walk) }
            return [name]
        }
        return Set(walk(path.first))
    }

    static func truncate(_ text: String, _ width: Int) -> String {
        guard displayWidth(text) > width, width > 1 else { return text }
        var out = ""
        for character in text {
            if displayWidth(out) + displayWidth(character) > width - 1 { break }
            out.append(character)
        }
        return out + "…"
    }
}
