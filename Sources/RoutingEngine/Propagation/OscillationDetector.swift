/// Notices when the simulator comes back to a state it was in before (R21): a deterministic FIFO
/// run that repeats a state loops forever, so it is reported at once instead of after the budget.
///
/// Brent's method: the state is remembered at checkpoints spaced 1, 2, 4, … steps apart and each
/// later state compared with it. A cheap fingerprint (a wrapping sum of hashes over every
/// adj-RIB-out entry and every message in flight, kept up to date as they change) filters; only a
/// matching fingerprint pays for the exact comparison, so a repeat is never reported falsely.
struct OscillationDetector: Sendable {
    private(set) var fingerprint: UInt64 = 0
    private var checkpoint: (fingerprint: UInt64, ribs: [SpeakerRIB], pending: [BGPMessage])?
    private var spacing = 1
    private var sinceCheckpoint = 0

    static func hash<each Part: Hashable>(_ parts: repeat each Part) -> UInt64 {
        var hasher = Hasher()
        for part in repeat each parts { hasher.combine(part) }
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    mutating func add(_ hash: UInt64) { fingerprint &+= hash }
    mutating func remove(_ hash: UInt64) { fingerprint &-= hash }

    /// Starts over from a new fingerprint (the network changed: earlier states cannot recur).
    mutating func restart(fingerprint: UInt64) {
        self = OscillationDetector()
        self.fingerprint = fingerprint
    }

    /// True when this state equals the remembered one; otherwise remembers it at the next checkpoint.
    mutating func repeats(ribs: [SpeakerRIB], pending: ArraySlice<BGPMessage>) -> Bool {
        if let checkpoint, checkpoint.fingerprint == fingerprint, checkpoint.pending.count == pending.count,
           checkpoint.pending.elementsEqual(pending), checkpoint.ribs == ribs {
            return true
        }
        sinceCheckpoint += 1
        if sinceCheckpoint >= spacing {
            checkpoint = (fingerprint, ribs, Array(pending))
            spacing *= 2
            sinceCheckpoint = 0
        }
        return false
    }
}
