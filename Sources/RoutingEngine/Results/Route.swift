/// One candidate path a node holds for a prefix, as the tables show it.
public struct Route: Equatable, Sendable {
    public let prefix: Prefix
    /// The node instance holding it (0 for single-instance nodes).
    public let instance: Int
    public let attributes: PathAttributes
    /// The peer node it came from; nil when originated here.
    public let from: String?
    public let fromInstance: Int?
    /// The peer's address on the session it came over (nil when local).
    public let neighborAddress: IPv4Address?
    /// The receiving instance's own address on that session (Azure's `LocalAddress`).
    public let localAddress: IPv4Address
    public let weight: UInt32
    public let localPreference: UInt32
    public let ibgp: Bool
    /// The primary best path (`*>`).
    public let isBest: Bool
    /// Selected: the best path or one of its equal-cost siblings (`*>` or `*=`).
    public let isSelected: Bool
    /// Selected while several paths are (ECMP).
    public let isMultipath: Bool
    /// For selected paths, the step that made them win; nil otherwise.
    public let reason: DecisionStep?
    /// For the others, the step at which they lost against the best path.
    public let lostAt: DecisionStep?

    public var azureOrigin: AzureOrigin { from == nil ? .network : (ibgp ? .ibgp : .ebgp) }

    /// The same path for another prefix of its key.
    public func with(prefix: Prefix) -> Route {
        Route(prefix: prefix, instance: instance, attributes: attributes, from: from, fromInstance: fromInstance,
              neighborAddress: neighborAddress, localAddress: localAddress, weight: weight,
              localPreference: localPreference, ibgp: ibgp, isBest: isBest, isSelected: isSelected,
              isMultipath: isMultipath, reason: reason, lostAt: lostAt)
    }
}

/// What a node sends one of its peers for a prefix (adj-RIB-out).
public struct AdvertisedRoute: Equatable, Sendable {
    public let prefix: Prefix
    public let instance: Int
    public let peer: String
    public let peerInstance: Int
    public let attributes: PathAttributes
}

/// A path an import policy refused, with the rule that refused it.
public struct RejectedRoute: Equatable, Sendable {
    public let prefix: Prefix
    public let instance: Int
    public let from: String
    public let fromInstance: Int
    public let attributes: PathAttributes
    public let rule: Rule
    public let reason: String
}
