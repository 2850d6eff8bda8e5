import RoutingEngine

/// The effective-route table as `Get-AzEffectiveRouteTable | Format-Table` prints it, a line at a
/// time: the column widths come from every route, a line is made only when it is written or drawn
/// (the explorer shows 60 of a VNet's 13,000 routes at scale, and redraws them on every toggle).
public struct EffectiveRouteColumns: Sendable {
    static let headers = ["Source", "State", "Address Prefixes", "Next Hop Type", "Next Hop IP Address"]
    static let routeNameHeader = "User Defined Route Name"

    let widths: [Int]
    let routeNames: Bool

    public init(_ routes: [EffectiveRoute], routeNames: Bool) {
        self.routeNames = routeNames
        var widths = (Self.headers + (routeNames ? [Self.routeNameHeader] : [])).map(\.count)
        for route in routes {
            // Every cell is ASCII: its width is its length, counted without making the text.
            widths[0] = max(widths[0], route.source.rawValue.utf8.count)
            widths[1] = max(widths[1], route.state.rawValue.utf8.count)
            widths[2] = max(widths[2], DecimalWidth.of(route.prefix))
            widths[3] = max(widths[3], route.nextHopType.rawValue.utf8.count)
            let hops = route.nextHopIPs.reduce(0) { $0 + DecimalWidth.of($1) } + max(0, route.nextHopIPs.count - 1) * 2
            widths[4] = max(widths[4], hops)
            if routeNames, let name = route.routeName { widths[5] = max(widths[5], TextTable.width(of: name)) }
        }
        self.widths = widths
    }

    /// The column names and the dashed rule under them.
    public var header: [String] {
        var buffer: [UInt8] = []
        let names = Self.headers + (routeNames ? [Self.routeNameHeader] : [])
        return [TextTable.line(names, widths: widths, buffer: &buffer),
                TextTable.line(widths.map { String(repeating: "-", count: $0) }, widths: widths, buffer: &buffer)]
    }

    /// The route's line, as `write` writes it (without the newline).
    public func line(_ route: EffectiveRoute) -> String {
        var bytes: [UInt8] = []
        let sink = OutputSink(capacity: 256) { bytes.append(contentsOf: $0) }
        write(route, to: sink)
        sink.flush()
        return String(decoding: bytes.dropLast(), as: UTF8.self)
    }

    /// The route's line and a newline, written straight into a sink (the CLI prints 800,000 of them at
    /// scale): the cells in their columns, two spaces apart, nothing after the last non-empty one.
    func write(_ route: EffectiveRoute, to sink: OutputSink) {
        let name = routeNames ? route.routeName ?? "" : ""
        let last = !name.isEmpty ? 5 : (route.nextHopIPs.isEmpty ? 3 : 4)
        func gap(after column: Int, used: Int) { sink.repeating(0x20, count: widths[column] - used + 2) }
        sink.write(route.source.rawValue)
        gap(after: 0, used: route.source.rawValue.utf8.count)
        sink.write(route.state.rawValue)
        gap(after: 1, used: route.state.rawValue.utf8.count)
        sink.prefix(route.prefix)
        gap(after: 2, used: DecimalWidth.of(route.prefix))
        sink.write(route.nextHopType.rawValue)
        if last >= 4 {
            gap(after: 3, used: route.nextHopType.rawValue.utf8.count)
            var used = 0
            for (index, address) in route.nextHopIPs.enumerated() {
                if index > 0 { sink.write(0x2C); sink.write(0x20); used += 2 }
                sink.address(address)
                used += DecimalWidth.of(address)
            }
            if last == 5 {
                gap(after: 4, used: used)
                sink.write(name)
            }
        }
        sink.write(0x0A)
    }
}
