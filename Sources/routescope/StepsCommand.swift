import ArgumentParser
import Reports
import RoutingEngine

struct StepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steps",
        abstract: "The BGP messages, one at a time, that take the network to its stable state.",
        discussion: """
            Without switches: from nothing learned to the stable state of the file's settings.
            With switches: from the file's stable state to the switched one (what a toggle sets in
            motion), e.g.  routescope steps sdwan-er --route-exchange on
            Shows message order, not timing.
            """)

    @Argument(help: "A topology file or a bundled topology name (default: sdwan-er).", completion: Completions.topologies)
    var topology: String?

    @OptionGroup(title: "Switches")
    var toggles: ToggleOptions

    func run() throws {
        let topology = try TopologySource.load(topology)
        let file = Settings(of: topology)
        let target = try toggles.settings(for: topology)
        let changed = target != file
        let trace: ConvergenceTrace
        do {
            trace = try ConvergenceTrace(topology: topology, settings: target, from: changed ? file : nil)
        } catch {
            _ = try TopologySource.compute(topology, toggles)   // reports the bad --down with a hint
            throw error
        }
        let heading = changed ? "from: \(SettingsLine.text(file))\nto:   \(SettingsLine.text(target))"
                              : "from nothing learned to: \(SettingsLine.text(target))"
        print(StepsReport.text(trace, heading: heading), terminator: "")
    }
}
