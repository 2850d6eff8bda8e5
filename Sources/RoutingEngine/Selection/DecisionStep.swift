/// A step of the best-path comparison, by the name the CLI prints (`best (AS path)`).
public enum DecisionStep: String, Sendable, CaseIterable {
    case onlyPath = "only path"
    case hubRoutingPreference = "hub routing preference"
    /// R16: at equal AS-path length, ExpressRoute, then VPN, then an NVA.
    case sourceKind = "ExpressRoute over VPN over NVA"
    case weight
    case localPreference = "local preference"
    case locallyOriginated = "locally originated"
    case asPathLength = "AS path"
    case origin
    case med = "MED"
    case ebgpOverIbgp = "eBGP over iBGP"
    case routerID = "router ID"
    case neighborAddress = "neighbor address"
    /// The best path has equal-cost siblings (ECMP).
    case multipath
}
