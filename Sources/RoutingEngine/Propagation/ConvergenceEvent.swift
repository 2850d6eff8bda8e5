/// One BGP UPDATE or WITHDRAW on a session, for one route key.
public struct BGPMessage: Equatable, Sendable {
    public let from: SpeakerID
    public let to: SpeakerID
    public let session: SessionID
    let key: Int
    /// nil: a WITHDRAW.
    public let attributes: PathAttributes?

    public var isWithdraw: Bool { attributes == nil }
}

/// What happens during convergence, one step at a time: messages as values in a queue, so a run can
/// be replayed, stepped forwards and back.
public enum ConvergenceEvent: Equatable, Sendable {
    case message(BGPMessage)
    /// A session that a limit brought down after the routes that broke it arrived (R13, R18).
    case sessionDown(SessionID, reason: String)
}

/// Whether propagation reached a fixed point (R21).
public enum Convergence: Equatable, Sendable {
    case converged(messages: Int)
    /// The message budget ran out; the prefixes still in flux.
    case didNotConverge(messages: Int, prefixes: [Prefix])

    public var isConverged: Bool { if case .converged = self { true } else { false } }
}
