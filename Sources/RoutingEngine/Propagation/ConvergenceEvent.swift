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
    /// A session between two speakers that went down: a limit brought it down after the routes that
    /// broke it arrived (R13, R18), or a change of settings took it down (R20). Speakers, not a
    /// session ID: the speakers stay the same under any settings, the session list does not.
    case sessionDown(SpeakerID, SpeakerID, reason: String)
    /// A session that a change of settings brought up: each side then sends the other its routes.
    case sessionUp(SpeakerID, SpeakerID)

    /// Not a BGP message: a session going down or up.
    public var isSessionEvent: Bool { if case .message = self { false } else { true } }
}

/// Whether propagation reached a fixed point (R21).
public enum Convergence: Equatable, Sendable {
    case converged(messages: Int)
    /// The message budget ran out; the prefixes still in flux.
    case didNotConverge(messages: Int, prefixes: [Prefix])

    public var isConverged: Bool { if case .converged = self { true } else { false } }
}
