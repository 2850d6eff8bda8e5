import RoutingEngine

/// A data path as a tree: one line per hop with the route that forwarded it, branches for ECMP,
/// and how each branch ends (delivered, Internet, black hole, loop).
public enum TraceReport {
    public static func lines(_ path: DataPath) -> [String] {
        var lines = ["trace from \(path.from) to \(path.destination)"]
        render(path.first, prefix: "", childPrefix: "", into: &lines)
        lines.append(path.isComplete ? "every branch arrives" : "WARNING: a branch does not arrive (see ✗ and ↻ above)")
        return lines
    }

    private static func render(_ hop: DataPath.Hop, prefix: String, childPrefix: String, into lines: inout [String]) {
        let route = hop.route.map { "  \($0)" } ?? ""
        switch hop.outcome {
        case .forward(let next):
            lines.append(prefix + hop.at + route)
            for (index, child) in next.enumerated() {
                let last = index == next.count - 1
                render(child, prefix: childPrefix + (last ? "└ " : "├ "), childPrefix: childPrefix + (last ? "  " : "│ "), into: &lines)
            }
        case .delivered(let text): lines.append(prefix + hop.at + route + "  ✓ delivered: \(text)")
        case .internet: lines.append(prefix + hop.at + route + "  → leaves to the Internet")
        case .blackHole(let text): lines.append(prefix + hop.at + route + "  ✗ black hole: \(text)")
        case .loop: lines.append(prefix + hop.at + "  ↻ loop: the path comes back here")
        case .tooLong: lines.append(prefix + hop.at + "  ✗ more than 24 hops")
        }
    }
}
