import ArgumentParser
import Reports
import RoutingEngine

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "The data path to an address, hop by hop, using each hop's best route.",
        discussion: """
            e.g.  routescope trace sdwan-er --from on-prem-1 --to 10.2.1.1 --route-exchange on
            FROM is a node or a VNet (a VM in it). VNets forward by their VMs' effective routes, every
            other hop by its BGP best path. ECMP branches, black holes and loops are called out.
            Exit status 0 when every branch arrives, 3 when one does not.
            """)

    @Argument(help: "A topology file or a bundled topology name (default: sdwan-er).", completion: Completions.topologies)
    var topology: String?

    @Option(help: "Where the packet starts: a node or a VNet.", completion: Completions.nodes)
    var from: String

    @Option(help: "The destination address, e.g. 10.2.1.1.")
    var to: String

    @OptionGroup(title: "Switches")
    var toggles: ToggleOptions

    func run() throws {
        let result = try TopologySource.compute(try TopologySource.load(topology), toggles)
        guard let destination = IPv4Address(to) else {
            throw ValidationError("--to: '\(to)' is not an IPv4 address (write a.b.c.d, e.g. 10.2.1.1)")
        }
        try TopologySource.validate(node: from, in: result, option: "--from")
        let path = result.dataPath(from: from, to: destination)!
        print(TextReport.header(result).joined(separator: "\n"))
        print("")
        print(TraceReport.lines(path).joined(separator: "\n"))
        if !path.isComplete { throw ExitCode(3) }
    }
}
