import Foundation
import Synchronization
import Testing
@testable import RoutingEngine

/// The property tests' runner: the same random topologies on every run, so a CI failure is one anyone
/// can reproduce, and a bounded cost, so a failure cannot keep CI busy for long.
///
/// Case `i` of a check decodes the genes drawn from SplitMix64 started at `seed` and `i` (one byte of
/// each 64-bit draw: the cases depend on no library's choice of generator or of mapping to ranges). On a
/// failure the genes are shrunk greedily towards zeros (each gene to 0, else halved) within
/// `shrinkRuns` runs of the property and `shrinkSeconds` of wall time, then the smallest failing
/// topology is run once more so its expectations are reported, with its genes and the case that found it.
///
/// `ROUTESCOPE_PROPERTY_SEED=N swift test --filter …` runs the same checks on other topologies
/// (to explore locally); without it the seed is `RandomTopology.seed`.
func seededPropertyCheck(count: Int, seed: UInt64 = RandomTopology.runSeed, shrinkRuns: Int = 200,
                         shrinkSeconds: Int = 60, sourceLocation: SourceLocation = #_sourceLocation,
                         _ property: @escaping @Sendable (Topology) async -> Void) async {
    for index in 0..<count {
        let genes = RandomTopology.genes(seed: seed, case: index)
        guard await failures(of: property, genes) > 0 else { continue }
        // Passes over the genes, each set to 0 or else halved while the property still fails.
        let deadline = ContinuousClock.now + .seconds(shrinkSeconds)
        var smallest = genes, runs = 0, progress = true
        while progress && runs < shrinkRuns && ContinuousClock.now < deadline {
            progress = false
            for gene in smallest.indices where smallest[gene] != 0 {
                for value in [0, smallest[gene] / 2] where value < smallest[gene] && runs < shrinkRuns && ContinuousClock.now < deadline {
                    var candidate = smallest
                    candidate[gene] = value
                    runs += 1
                    if await failures(of: property, candidate) > 0 {
                        smallest = candidate
                        progress = true
                        break
                    }
                }
            }
        }
        await property(RandomTopology.decode(smallest))
        Issue.record("""
            property failed on case \(index) of seed \(seed) (ROUTESCOPE_PROPERTY_SEED=\(seed)); \
            smallest failing genes after \(runs) shrinking runs: \(smallest.trimmingTrailingZeros) \
            (RandomTopology.decode of them reproduces it)
            """, sourceLocation: sourceLocation)
        return
    }
}

/// How many issues the property records on the topology of these genes, without reporting them.
private func failures(of property: @escaping @Sendable (Topology) async -> Void, _ genes: [Int]) async -> Int {
    let count = Mutex(0)
    let counting = IssueHandlingTrait.compactMapIssues { _ in
        count.withLock { $0 += 1 }
        return nil
    }
    let topology = RandomTopology.decode(genes)
    try? await counting.provideScope(for: Test.current!, testCase: Test.Case.current) {
        await property(topology)
    }
    return count.withLock { $0 }
}

extension RandomTopology {
    /// The seed CI runs with (any fixed number would do; changing it changes which topologies run).
    static let seed: UInt64 = 0x5EED_0011
    /// `ROUTESCOPE_PROPERTY_SEED` when set, else `seed`.
    static var runSeed: UInt64 {
        ProcessInfo.processInfo.environment["ROUTESCOPE_PROPERTY_SEED"].flatMap { UInt64($0) } ?? seed
    }

    /// The genes of one case: `geneCount` bytes from SplitMix64 started at the seed and the case number.
    static func genes(seed: UInt64, case index: Int) -> [Int] {
        var state = seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03
        return (0..<geneCount).map { _ in Int(splitMix64(&state) >> 56) }
    }

    /// SplitMix64 (Steele, Lea, Flood 2014): well mixed from any start, even 0, 1, 2, ….
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array where Element == Int {
    /// Trailing zeros read as zeros anyway (`RandomTopology.Reader`): shorter to print.
    var trimmingTrailingZeros: [Int] {
        var trimmed = self
        while trimmed.last == 0 { trimmed.removeLast() }
        return trimmed
    }
}
