import ArgumentParser
import Reports
import RoutingEngine
import TopologyFile

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate topology files.",
        discussion: """
            Prints `file:line:column: message` on stderr for each refusal and exits 1 if any file is
            invalid. Valid files that Azure would not run as written (a reserved NVA ASN, a VPN gateway
            that is not active/active, too many routes) are valid: check lists the sessions that stay down,
            and prints a `warning:` line on stderr for each thing Azure refuses or documents as risky
            (the exit status does not change).

            With --expect FILE: also checks facts about the tables (a node has or lacks a prefix, its AS
            path and next hop, a session's state, a VNet's effective route) under the switches each case
            sets; exit 0 when all hold, 1 with the list of what failed.
            """)

    @Argument(help: "Topology files (or bundled names).", completion: Completions.topologies)
    var topologies: [String]

    @Option(help: "An expectations file (YAML) to check each topology against.", completion: .file(extensions: ["yaml"]))
    var expect: String?

    func validate() throws {
        if topologies.isEmpty { throw ValidationError("name at least one topology file") }
    }

    func run() throws {
        var failed = 0
        for path in topologies {
            do {
                let topology = try TopologySource.load(path)
                let result = try Engine.compute(topology)
                print("\(path): ok — \(counted(result.nodes.count, "node")), \(counted(result.network.sessions.count, "session")), \(counted(result.allPrefixes.count, "prefix", plural: "prefixes"))")
                // Warnings do not change the exit status: the file is valid, Azure would object (R13, R14, R18, R20).
                for warning in result.warnings { Diagnostics.warning("\(path): \(warning)") }
                for session in result.network.sessions {
                    guard let reason = session.state.reason ?? session.warning else { continue }
                    let rule = session.downRule.map { " (\($0.citation))" } ?? ""
                    print("  note: \(result.network.name(of: session.a)) — \(result.network.name(of: session.b)): \(reason)\(rule)")
                }
                if let expect, try !ExpectationCheck.run(expect, against: topology) { failed += 1 }
            } catch let exit as ExitCode where exit == ExitCode(1) {
                failed += 1
            } catch let error as UnknownDownEntry {
                Diagnostics.error("\(path): down: \(error)")
                failed += 1
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
