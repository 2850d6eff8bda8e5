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
        let status = "*" + (route.isBest ? ">" : (route.isSelected ? "=" : " ")) + (route.ibgp ? "i" : " ")
        let network = showNetwork ? route.prefix.description : ""
        let local = route.from == nil
        // FRR prints a metric for local and iBGP paths and a local preference only for iBGP ones.
        let metric = local || route.ibgp ? String(route.attributes.med) : ""
        let localPreference = route.ibgp ? String(route.localPreference) : ""
        let path = (route.attributes.asPath.map(String.init) + [route.attributes.origin.code]).joined(separator: " ")
        return status + padded(network, 17) + padded(route.attributes.nextHop.description, 16)
            + metric.leftPadding(to: 10) + localPreference.leftPadding(to: 7) + String(route.weight).leftPadding(to: 7)
            + " " + path
    }

    /// Advertised routes: the attributes as the peer receives them.
    public static func line(_ route: AdvertisedRoute) -> String {
        let path = (route.attributes.asPath.map(String.init) + [route.attributes.origin.code]).joined(separator: " ")
        return "*> " + padded(route.prefix.description, 17) + padded(route.attributes.nextHop.description, 16)
            + "".leftPadding(to: 10) + "".leftPadding(to: 7) + "0".leftPadding(to: 7) + " " + path
    }

    /// FRR pads to the column and starts a new line when the text is wider; a space keeps columns apart.
    private static func padded(_ text: String, _ width: Int) -> String {
        text.count < width ? text.padding(to: width) : text + " "
    }
}
