import ArgumentParser
import Foundation
import RoutingEngine

@main
struct RouteScope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routescope",
        abstract: "Explore Azure hybrid routing: Route Server, SD-WAN NVAs, ExpressRoute and VPN gateways.",
        discussion: """
            Computes every BGP speaker's tables for a topology, the way Azure documents its behaviour.
            Without a subcommand it opens the interactive explorer (or prints the tables when stdout is not a terminal).
            TOPOLOGY is a YAML file or the name of a bundled topology (see `routescope list`);
            without one, the seed's first diagram (sdwan-er) is used.

            Exit status:
              0    success
              1    invalid topology file or input; a `check --expect` fact that failed
              2    the engine did not converge (R21: the network oscillates)
              3    trace: a branch of the data path does not arrive
              64   bad command line (unknown option, bad value, a name that names nothing)
              128+n  the explorer ended by signal n (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP)
            """,
        version: "0.1.0",
        subcommands: [ExploreCommand.self, RoutesCommand.self, DiffCommand.self, ExplainCommand.self, TraceCommand.self, StepsCommand.self, ExportCommand.self, LessonCommand.self,
                      CheckCommand.self, ListCommand.self],
        defaultSubcommand: ExploreCommand.self)

    /// ArgumentParser's main, except that a usage error found while running (a `--node` that names no
    /// node) shows the subcommand's usage, as a parse error does, and an unknown option close to a
    /// built-in one (`--versoin`) gets a suggestion.
    static func main() {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if let message = suggestingBuiltIn(for: error) {
                Diagnostics.printToStandardError(message)
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
            exit(withError: error)
        }
        do {
            var running = command
            try running.run()
        } catch let error as ValidationError {
            let subcommand = type(of: command)
            let name = subcommand._commandName
            Diagnostics.printToStandardError("Error: \(error.message)\nUsage: " + usageString(for: subcommand)
                                             + "\n  See 'routescope \(name) --help' for more information.")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch {
            exit(withError: error)
        }
    }

    /// ArgumentParser suggests among a command's own options; `--version`, `--help` and
    /// `--generate-completion-script` are its own and get none.
    static func suggestingBuiltIn(for error: any Error) -> String? {
        let full = fullMessage(for: error)
        let marker = "Error: Unknown option '"
        guard full.hasPrefix(marker), let end = full.dropFirst(marker.count).firstIndex(of: "'") else { return nil }
        let option = String(full[full.index(full.startIndex, offsetBy: marker.count)..<end])
        let firstLine = full.prefix { $0 != "\n" }
        guard !firstLine.contains("Did you mean"),
              let match = Suggestions.closest(to: option, in: ["--version", "--help", "--generate-completion-script"]) else { return nil }
        return "Error: Unknown option '\(option)'. Did you mean '\(match)'?" + full.drop { $0 != "\n" }
    }
}
