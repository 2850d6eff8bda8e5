/// "Did you mean …": the closest known word, when it is close enough to be a likely typo.
public enum Suggestions {
    /// A case-insensitive match first, then the nearest by edit distance within a typo's reach
    /// (ties go to the earlier candidate, so hints are deterministic).
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if let caseOnly = candidates.first(where: { $0.lowercased() == lowered }) { return caseOnly }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        if let best, best.distance <= max(1, word.count / 3) { return best.candidate }
        // A truncated or over-long word (`allowBranchToBranch`) is a likely typo too.
        if lowered.count >= 4, let stem = candidates.first(where: {
            let other = $0.lowercased()
            return other.hasPrefix(lowered) || lowered.hasPrefix(other)
        }) { return stem }
        return nil
    }

    /// Edit distance over characters, a swap of two neighbours counting as one edit (`nmae` → `name`).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = [Int](), row = Array(0...b.count)
        for i in 1...a.count {
            var next = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                next[j] = min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { next[j] = min(next[j], previous[j - 2] + 1) }
            }
            previous = row
            row = next
        }
        return row[b.count]
    }

    /// "did you mean 'x'?", or the list of valid words when none is close.
    public static func hint(for word: String, in candidates: [String], listName: String = "expected one of") -> String {
        if let match = closest(to: word, in: candidates) { return "did you mean '\(match)'?" }
        return "\(listName): \(candidates.joined(separator: ", "))"
    }
}
