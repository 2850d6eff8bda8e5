import ArgumentParser
import Reports
import RoutingEngine

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Every path a node holds for a prefix, why the best won, and why others are absent.",
        discussion: """
            e.g.  routescope explain sdwan-er --node sdwan --prefix 10.2.0.0/16
                  routescope explain sdwan-er --node sdwan --prefix 10.2.1.1      (an address: the longest match)
                  routescope explain routing-preference --node hub-vnet --prefix 10.2.0.0/16
            Names the deciding best-path step, and for copies that never arrived the rule that stopped
            them where (route exchange off, AS-path loop, session down, limit, no-advertise), with the
            rule's confidence mark, and the warnings that concern the node. With a VNet as --node: why
            its VMs use the effective route they use (system route, UDR, which gateway, the hub routing
            preference step, ECMP, what lost), and why a gateway route is not programmed (R15).
            A prefix the table lacks is explained by its covering route, and says so.
            """)

    @Argument(help: "A topology file or a bundled topology name (default: sdwan-er).", completion: Completions.topologies)
    var topology: String?

    @Option(help: "The node to explain, or a VNet (its VMs' effective routes).", completion: Completions.nodes)
    var node: String

    @Option(help: "The prefix, e.g. 10.2.0.0/16, or an address, e.g. 10.2.1.1 (the longest matching prefix).")
    var prefix: String

    @OptionGroup(title: "Switches")
    var toggles: ToggleOptions

    func run() throws {
        let result = try TopologySource.compute(try TopologySource.load(topology), toggles)
        let query = try TopologySource.query(prefix)
        try TopologySource.validate(node: node, in: result)
        let resolution = result.resolve(query, at: node)!
        print(TextReport.header(result).joined(separator: "\n"))
        print("")
        // A VNet asked about a prefix it does not program: first why (R15: inside a VNet's space), then
        // the route its VMs use instead.
        if result.node(named: node) == nil, case .prefix(let asked) = query, resolution != .exact(asked),
           let absent = result.explain(prefix: asked, inVNet: node) {
            print(ExplainReport.lines(absent).joined(separator: "\n") + "\n")
        }
        if let line = ExplainReport.resolutionLine(resolution, at: node) { print(line + "\n") }
        guard let prefix = resolution.prefix else { return }
        if result.node(named: node) != nil {
            print(ExplainReport.lines(result.explain(prefix: prefix, at: node)!).joined(separator: "\n"))
        } else if let explanation = result.explainEffectiveRoute(prefix: prefix, vnet: node) {
            print(ExplainReport.lines(explanation).joined(separator: "\n"))
        } else {
            print("\(node) has no effective route for \(prefix): its VMs send such traffic by a less specific route, if any.")
        }
    }
}
