import ArgumentParser
import RoutingEngine

/// The switches Azure has, identical on every command that computes tables.
struct ToggleOptions: ParsableArguments {
    @Option(name: .customLong("route-exchange"),
            help: "Route Server branch-to-branch (allowBranchToBranchTraffic): on|off. Default: the file's value.")
    var routeExchange: OnOff?

    @Option(name: .customLong("active-active"), help: "VPN gateway active/active mode: on|off. Default: the file's value.")
    var activeActive: OnOff?

    @Option(help: "Hub routing preference: ExpressRoute|VpnGateway|ASPath. Default: the file's value.")
    var preference: PreferenceArgument?

    @Option(name: .customLong("down"),
            help: ArgumentHelp("Take a node (NAME), an instance (NAME#N) or a session (A--B) down. Repeatable.",
                               valueName: "name"))
    var down: [String] = []

    /// The file's settings with these flags applied.
    func settings(for topology: Topology) throws -> Settings {
        var settings = Settings(of: topology)
        if let routeExchange { settings.routeExchange = routeExchange == .on }
        if let activeActive {
            guard topology.vpnGateway != nil else {
                throw ValidationError("--active-active: topology '\(topology.name)' has no VPN gateway")
            }
            settings.vpnActiveActive = activeActive == .on
        }
        if let preference { settings.hubRoutingPreference = preference.value }
        settings.down.formUnion(down)
        return settings
    }
}

enum OnOff: String, ExpressibleByArgument, CaseIterable {
    case on, off
}

/// `--preference`, case-insensitive, as Azure's three values.
struct PreferenceArgument: ExpressibleByArgument {
    let value: HubRoutingPreference

    init?(argument: String) {
        guard let match = HubRoutingPreference.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else {
            return nil
        }
        value = match
    }

    static var allValueStrings: [String] { HubRoutingPreference.allCases.map(\.rawValue) }
}
