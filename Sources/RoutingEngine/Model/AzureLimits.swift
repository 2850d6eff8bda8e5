/// The documented limits the rules enforce or warn about (R13, R18).
public enum AzureLimits {
    /// R18: "Route Server supports 8 BGP peers".
    public static let routeServerPeers = 8
    /// R18 rev. 2 (Route Server FAQ since 09/2025; it was 1,000): routes per peer, over that the
    /// session is torn down.
    public static let routeServerRoutesPerPeer = 4_000
    /// R18 rev. 2: the count includes "the routes coming in the BGP route update", so an NVA holding
    /// more than half the limit would be torn down by a full re-advertisement: a warning.
    public static let nvaReadvertisementWarning = routeServerRoutesPerPeer / 2
    /// R18 rev. 2: prefixes from all sources on Route Server.
    public static let routeServerPrefixes = 10_000
    /// R13: VNet plus Route Server routes Azure may advertise to a circuit.
    public static let azureToCircuitRoutes = 1_000
}
