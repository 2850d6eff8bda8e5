import ArgumentParser
import Foundation
import TopologyFile

/// Errors for people: on stderr, one per line, with a hint; never a stack trace.
enum Diagnostics {
    static func error(_ message: String, hint: String? = nil) {
        var text = "error: \(message)\n"
        if let hint { text += "  hint: \(hint)\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func printToStandardError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Runs a load; topology errors are printed as `file:line:column: message` and end with exit 1.
    static func reportingTopologyErrors<T>(_ load: () throws -> T) throws -> T {
        do {
            return try load()
        } catch let error as TopologyError {
            printToStandardError(error.description)
            throw ExitCode(1)
        } catch let errors as TopologyErrors {
            printToStandardError(errors.description)
            throw ExitCode(1)
        }
    }
}

/// "Did you mean": the closest candidate by edit distance, when it is close enough.
enum Suggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
