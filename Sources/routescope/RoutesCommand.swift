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
            az, az-table: what `az network routeserver peering list-learned-routes` / `list-advertised-routes`
                   (keyed by RouteServiceRole_IN_0 / _1), `az network vnet-gateway list-learned-routes` and
                   `az network nic show-effective-route-table` print with -o json and -o table.
            json: the stable schema of docs/format.md (sorted, byte-for-byte deterministic).
            With --node NVA, azure and az print Route Server's learned and advertised tables for that peer.
            Output is written as it is produced (pipe it to jq or less at any size).
            """)

    @Argument(help: "A topology file or a bundled topology name (default: sdwan-er).", completion: Completions.topologies)
    var topology: String?

    @Option(help: "Only this node (or VNet).", completion: Completions.nodes)
    var node: String?

    @Option(help: "Output format: text, json, azure (PowerShell), az or az-table (the Azure CLI's -o json / -o table).")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Only this prefix, or for an address the longest prefix that covers it, in every table.",
                               valueName: "prefix-or-address"))
    var prefix: String?

    @Flag(help: "One line per node: prefixes, paths, best paths, sessions up and down (any format).")
    var summary = false

    @Flag(help: "Also print what each node advertises to each neighbour (text format).")
    var advertised = false

    @OptionGroup(title: "Switches")
    var toggles: ToggleOptions

    func run() throws {
        let result = try TopologySource.compute(try TopologySource.load(topology), toggles)
        try TopologySource.validate(node: node, in: result)
        let query = try prefix.map { try TopologySource.query($0) }
        try Output.standardOutput { sink in
            if summary {
                let formats: [OutputFormat: SummaryReport.Format] = [.text: .text, .json: .json, .azure: .powerShell, .az: .az, .azTable: .azTable]
                return SummaryReport.write(result, node: node, prefix: query, format: formats[format]!, to: sink)
            }
            switch format {
            case .text: TextReport.write(result, options: .init(node: node, showAdvertised: advertised, prefix: query), to: sink)
            case .json: JSONReport.write(result, node: node, prefix: query, to: sink)
            case .azure: AzureReport.write(result, node: node, style: .powerShell, prefix: query, to: sink)
            case .az: AzureReport.write(result, node: node, style: .az, prefix: query, to: sink)
            case .azTable: AzureReport.write(result, node: node, style: .azTable, prefix: query, to: sink)
            }
        }
        if !result.convergence.isConverged { throw ExitCode(2) }
    }
}

enum OutputFormat: String, CaseInsensitiveArgument {
    case text, json, azure, az
    case azTable = "az-table"
}
