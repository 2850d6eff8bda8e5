import ArgumentParser
import Foundation
import TopologyFile

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the bundled topologies with their titles.")

    @Flag(name: .shortAndLong, help: "Also print each description.")
    var long = false

    func run() throws {
        let entries = try BundledTopologies.all.map { entry in (entry, try BundledTopologies.topology(named: entry.name)) }
        let width = entries.map(\.0.name.count).max() ?? 0
        for (entry, topology) in entries {
            let marker = entry.name == BundledTopologies.defaultName ? " (default)" : ""
            print(entry.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + topology.title + marker)
            if long {
                for line in topology.description.split(separator: "\n") { print("    \(line)") }
                print("")
            }
        }
    }
}
