import ArgumentParser
import Reports
import RoutingEngine

struct RoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Print every node's BGP tables and every VNet's effective routes.",
        discussion: """
            text: FRR `show ip bgp` tables per node and instance, sessions, refused paths, effective routes.
            azure: the columns of Get-AzRouteServerPeerLearnedRoute, Get-AzRouteServerPeerAdvertisedRoute,
                   Get-AzVirtualNetworkGatewayLearnedRoute and Get-AzEffectiveRouteTable.
            json: the stable schema of the contract (sorted, byte-for-byte deterministic).
            """)

    @Argument(help: "A topology file or a bundled topology name (default: sdwan-er).")
    var topology: String?

    @Option(help: "Only this node (or VNet).")
    var node: String?

    @Option(help: "Output format: text, json or azure.")
    var format: OutputFormat = .text

    @Flag(help: "Also print what each node advertises to each neighbour (text format).")
    var advertised = false

    @OptionGroup(title: "Switches")
    var toggles: ToggleOptions

    func run() throws {
        let result = try TopologySource.compute(try TopologySource.load(topology), toggles)
        try TopologySource.validate(node: node, in: result)
        switch format {
        case .text: print(TextReport.render(result, options: .init(node: node, showAdvertised: advertised)), terminator: "")
        case .json: print(try JSONReport.render(result, node: node), terminator: "")
        case .azure: print(AzureReport.render(result, node: node), terminator: "")
        }
        if !result.convergence.isConverged { throw ExitCode(2) }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, azure
}
