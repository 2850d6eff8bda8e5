import ArgumentParser
import Reports
import RoutingEngine

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What a change of switches does, node by node.",
        discussion: """
            Compares the file's settings with the switches given, e.g.
              routescope diff sdwan-er --route-exchange on
            Lists routes added (+), removed (-) and with a new best path (~) per node, sessions that
            changed state and VM effective routes that changed.
            """)

    @Argument(help: "A topology file or a bundled topology name (default: sdwan-er).", completion: Completions.topologies)
    var topology: String?

    @Option(help: "Output format: text or json.")
    var format: DiffFormat = .text

    @OptionGroup(title: "Switches (the change to examine)")
    var toggles: ToggleOptions

    func run() throws {
        let topology = try TopologySource.load(topology)
        let before = try Engine.compute(topology)
        let after = try TopologySource.compute(topology, toggles)
        let diff = before.diff(to: after)
        try Output.standardOutput { sink in
            switch format {
            case .text: DiffReport.writeText(diff, from: before.settings, to: after.settings, topology: topology, to: sink)
            case .json: DiffReport.writeJSON(diff, from: before.settings, to: after.settings, topology: topology, to: sink)
            }
        }
    }
}

enum DiffFormat: String, CaseInsensitiveArgument { case text, json }
