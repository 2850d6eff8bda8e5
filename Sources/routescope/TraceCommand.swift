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
            other hop by its BGP best path (longest prefix match). ECMP branches, black holes and loops
            are called out. TO may be a prefix: the trace goes to its first address, and a prefix the
            first hop's table lacks is named with the covering route that carries it.
            Exit status 0 when every branch arrives, 3 when one does not.
            """)

    @Argument(help: "A topology file or a bundled topology name (default: sdwan-er).", completion: Completions.topologies)
    var topology: String?

    @Option(help: "Where the packet starts: a node or a VNet.", completion: Completions.nodes)
    var from: String

    @Option(help: "The destination: an address, e.g. 10.2.1.1, or a prefix (its first address).")
    var to: String

    @OptionGroup(title: "Switches")
    var toggles: ToggleOptions

    func run() throws {
        let result = try TopologySource.compute(try TopologySource.load(topology), toggles)
        let query = try TopologySource.query(to, option: "--to")
        try TopologySource.validate(node: from, in: result, option: "--from")
        let path = result.dataPath(from: from, to: query.address)!
        print(TextReport.header(result).joined(separator: "\n"))
        print("")
        // A prefix: say which route of the first hop carries it when the table lacks it.
        if case .prefix = query, let resolution = result.resolve(query, at: from),
           let line = ExplainReport.resolutionLine(resolution, at: from, verb: "traced") {
            print(line + "\n")
        }
        print(TraceReport.lines(path).joined(separator: "\n"))
        if !path.isComplete { throw ExitCode(3) }
    }
}
