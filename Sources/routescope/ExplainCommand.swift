import ArgumentParser
import Reports
import RoutingEngine

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Every path a node holds for a prefix, why the best won, and why others are absent.",
        discussion: """
            e.g.  routescope explain sdwan-er --node sdwan --prefix 10.2.0.0/16
            Names the deciding best-path step, and for copies that never arrived the rule that stopped
            them where (route exchange off, AS-path loop, session down, limit, no-advertise), with the
            rule's confidence mark, and the warnings that concern the node. With --node naming a VNet:
            its VMs' effective routes for the prefix, and why a gateway route is not programmed (R15).
            """)

    @Argument(help: "A topology file or a bundled topology name (default: sdwan-er).", completion: Completions.topologies)
    var topology: String?

    @Option(help: "The node (or virtual network) to explain.", completion: Completions.nodes)
    var node: String

    @Option(help: "The prefix, e.g. 10.2.0.0/16.")
    var prefix: String

    @OptionGroup(title: "Switches")
    var toggles: ToggleOptions

    func run() throws {
        let result = try TopologySource.compute(try TopologySource.load(topology), toggles)
        guard case .success(let prefix) = Prefix.parse(prefix) else {
            let hint = if case .failure(.hostBits(let suggestion)) = Prefix.parse(prefix) { " (did you mean \(suggestion)?)" } else { "" }
            throw ValidationError("--prefix: '\(self.prefix)' is not an IPv4 prefix\(hint)")
        }
        try TopologySource.validate(node: node, in: result)
        print(TextReport.header(result).joined(separator: "\n"))
        print("")
        guard let explanation = result.explain(prefix: prefix, at: node) else {
            // A VNet: its VMs' effective routes for the prefix, and why a gateway route is missing (R15).
            print(ExplainReport.lines(result.explain(prefix: prefix, inVNet: node)!).joined(separator: "\n"))
            return
        }
        print(ExplainReport.lines(explanation).joined(separator: "\n"))
    }
}
