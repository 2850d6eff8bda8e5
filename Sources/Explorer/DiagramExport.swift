import Foundation
import Reports
import RoutingEngine

/// The explorer's diagram for slides: SVG drawn from the same layout as the terminal (one cell =
/// 9×18 px), and Graphviz dot with the same nodes, links, states and counts.
public enum DiagramExport {
    public static func svg(_ result: RoutingResult, width: Int = 160) -> String {
        let layout = DiagramLayout.make(result.topology, width: width, tall: true)
        let cellWidth = 9, cellHeight = 18
        func x(_ column: Int) -> Int { column * cellWidth }
        func y(_ row: Int) -> Int { row * cellHeight + cellHeight }
        let title = escape(result.topology.title.isEmpty ? result.topology.name : result.topology.title)
        var out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(x(layout.width))\" height=\"\(y(layout.height + 2))\" "
                   + "font-family=\"monospace\" font-size=\"14\">",
                   "<title>\(title)</title>",
                   "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
                   "<text x=\"4\" y=\"14\" font-weight=\"bold\">\(title) — \(escape(SettingsLine.text(result.settings)))</text>"]
        for link in layout.links {
            let state = link.state(in: result)
            let color = state == .up ? "#2e7d32" : (state == .down ? "#c62828" : "#f9a825")
            let lineY = y(link.y) + cellHeight / 2
            out.append("<line x1=\"\(x(link.fromX))\" y1=\"\(lineY)\" x2=\"\(x(link.toX + 1))\" y2=\"\(lineY)\" stroke=\"\(color)\" "
                       + "stroke-width=\"2\"\(state == .up ? "" : " stroke-dasharray=\"6 4\"")/>")
            let counts = "→\(accepted(link.right, link.left, result)) ←\(accepted(link.left, link.right, result))"
            out.append("<text x=\"\(x(link.fromX) + 2)\" y=\"\(lineY - 4)\" font-size=\"11\" fill=\"#555\">\(counts)</text>")
            if state != .up {
                out.append("<text x=\"\(x(link.fromX) + 2)\" y=\"\(lineY + 14)\" font-size=\"11\" fill=\"\(color)\">\(state == .down ? "down" : "partly down")</text>")
            }
        }
        for box in layout.boxes {
            let down = result.settings.down.contains(box.name)
            let rect = box.rect
            out.append("<rect x=\"\(x(rect.x))\" y=\"\(y(rect.y))\" width=\"\(x(rect.width))\" height=\"\(rect.height * cellHeight)\" "
                       + "rx=\"6\" fill=\"\(box.kind == .vnet ? "#e3f2fd" : "#f5f5f5")\" stroke=\"\(down ? "#c62828" : "#37474f")\" stroke-width=\"1.5\"/>")
            out.append("<text x=\"\(x(rect.x) + 6)\" y=\"\(y(rect.y) + 20)\" font-weight=\"bold\">\(escape(box.name))</text>")
            out.append("<text x=\"\(x(rect.x) + 6)\" y=\"\(y(rect.y) + 38)\" font-size=\"12\">\(escape(detail(box, result, down: down)))</text>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    public static func dot(_ result: RoutingResult) -> String {
        let layout = DiagramLayout.make(result.topology, width: 160, tall: true)
        var out = ["graph \"\(result.topology.name)\" {", "  rankdir=LR;", "  node [shape=box, style=rounded, fontname=\"monospace\"];",
                   "  label=\"\(result.topology.title) — \(SettingsLine.text(result.settings))\";"]
        for box in layout.boxes {
            let down = result.settings.down.contains(box.name)
            out.append("  \"\(box.name)\" [label=\"\(box.name)\\n\(detail(box, result, down: down))\"\(down ? ", color=red" : "")\(box.kind == .vnet ? ", shape=note" : "")];")
        }
        for link in layout.links {
            let state = link.state(in: result)
            let counts = "→\(accepted(link.right, link.left, result)) ←\(accepted(link.left, link.right, result))"
            let style = state == .up ? "color=darkgreen" : (state == .down ? "color=red, style=dashed" : "color=orange, style=dashed")
            out.append("  \"\(link.left)\" -- \"\(link.right)\" [label=\"\(counts)\(state == .down ? " down" : "")\", \(style)];")
        }
        if let hub = result.topology.routeServer?.name ?? result.topology.expressRouteGateway?.name {
            for vnet in result.network.virtualNetworks { out.append("  \"\(vnet.name)\" -- \"\(hub)\" [style=dotted];") }
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    private static func accepted(_ receiver: String, _ sender: String, _ result: RoutingResult) -> Int {
        guard let receiver = result.node(named: receiver), let sender = result.node(named: sender) else { return 0 }
        return result.acceptedPrefixCount(by: receiver, from: sender)
    }

    private static func detail(_ box: DiagramLayout.Box, _ result: RoutingResult, down: Bool) -> String {
        if down { return "DOWN" }
        if let node = result.node(named: box.name) {
            return "AS \(node.asn)" + (result.network.isMultiInstance(node) ? " ×\(node.speakers.count)" : "")
        }
        return result.network.virtualNetworks.first { $0.name == box.name }?.addressSpace.map(\.description).joined(separator: " ") ?? ""
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
