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

    /// `warning: …` on stderr: the run goes on and the exit status stays as it was.
    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    static func printToStandardError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Runs a load; topology errors are printed as `file:line:column: message` and end with exit 1.
    static func reportingTopologyErrors<T>(_ load: () throws -> T) throws -> T {
        do {
            return try load()
        } catch let error as TopologyError {
            printToStandardError(text(of: error))
            throw ExitCode(1)
        } catch let errors as TopologyErrors {
            printToStandardError(errors.errors.map(text).joined(separator: "\n"))
            throw ExitCode(1)
        }
    }

    /// A refusal in a file as `file:line:column: message`; a name that names nothing as `error: message`.
    static func text(of error: TopologyError) -> String {
        error.hasPosition ? error.description : "error: \(error.description)"
    }
}
