import RoutingEngine

/// FRR's `show ip bgp` layout: status codes, Network, Next Hop, Metric, LocPrf, Weight, Path + origin.
public enum BGPTableFormat {
    public static let header = "   Network          Next Hop            Metric LocPrf Weight Path"
    public static let legend = [
        "Status codes: * valid, > best, = multipath, i internal",
        "Origin codes: i - IGP, e - EGP, ? - incomplete",
    ]

    /// One line per path. The network is printed on the first line of each prefix only, as FRR does.
    public static func lines(_ routes: [Route]) -> [String] {
        var previous: Prefix?
        return routes.map { route in
            defer { previous = route.prefix }
            return line(route, showNetwork: route.prefix != previous)
        }
    }

    public static func line(_ route: Route, showNetwork: Bool = true) -> String {
        String(OutputSink.collecting { write(route, showNetwork: showNetwork, to: $0) }.dropLast())
    }

    public static func line(_ route: AdvertisedRoute) -> String {
        String(OutputSink.collecting { write(route, to: $0) }.dropLast())
    }

    /// The lines of `lines(_:)`, written as bytes: the text report prints a million of them at scale.
    public static func write(_ routes: [Route], to sink: OutputSink) {
        var previous: Prefix?
        for route in routes {
            write(route, showNetwork: route.prefix != previous, to: sink)
            previous = route.prefix
        }
    }

    public static func write(_ route: Route, showNetwork: Bool, to sink: OutputSink, newline: Bool = true) {
        sink.write(0x2A)
        sink.write(route.isBest ? 0x3E : (route.isSelected ? 0x3D : 0x20))
        sink.write(route.ibgp ? 0x69 : 0x20)
        if showNetwork {
            sink.prefix(route.prefix)
            pad(from: DecimalWidth.of(route.prefix), to: 17, sink)
        } else {
            sink.repeating(0x20, count: 17)
        }
        sink.address(route.attributes.nextHop)
        pad(from: DecimalWidth.of(route.attributes.nextHop), to: 16, sink)
        // FRR prints a metric for local and iBGP paths and a local preference only for iBGP ones.
        if route.from == nil || route.ibgp {
            rightAligned(UInt64(route.attributes.med), 10, sink)
        } else {
            sink.repeating(0x20, count: 10)
        }
        if route.ibgp { rightAligned(UInt64(route.localPreference), 7, sink) } else { sink.repeating(0x20, count: 7) }
        rightAligned(UInt64(route.weight), 7, sink)
        path(route.attributes, sink, newline: newline)
    }

    /// Advertised routes: the attributes as the peer receives them.
    public static func write(_ route: AdvertisedRoute, to sink: OutputSink) {
        sink.write(advertisedStatus)
        sink.prefix(route.prefix)
        pad(from: DecimalWidth.of(route.prefix), to: 17, sink)
        sink.address(route.attributes.nextHop)
        pad(from: DecimalWidth.of(route.attributes.nextHop), to: 16, sink)
        sink.repeating(0x20, count: 10 + 7 + 6)
        sink.write(0x30)
        path(route.attributes, sink)
    }

    private static let advertisedStatus = Array("*> ".utf8)

    /// ` 65515 12076 65020 i` and the line's end.
    private static func path(_ attributes: PathAttributes, _ sink: OutputSink, newline: Bool = true) {
        for asn in attributes.asPath {
            sink.write(0x20)
            sink.decimal(asn)
        }
        sink.write(0x20)
        sink.write(attributes.origin.code)
        if newline { sink.write(0x0A) }
    }

    /// FRR pads to the column and starts a new line when the text is wider; a space keeps columns apart.
    private static func pad(from width: Int, to column: Int, _ sink: OutputSink) {
        sink.repeating(0x20, count: width < column ? column - width : 1)
    }

    private static func rightAligned(_ value: UInt64, _ width: Int, _ sink: OutputSink) {
        sink.repeating(0x20, count: width - DecimalWidth.of(value))
        sink.decimal(value)
    }
}
