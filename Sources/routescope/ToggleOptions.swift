import ArgumentParser
import RoutingEngine
import TopologyFile

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
                               valueName: "name"), completion: Completions.downEntries)
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
        if let preference { settings.hubRoutingPreference = try preference.value() }
        // The one check the file's `down` and the explorer's `:down` use.
        let vocabulary = DownVocabulary(topology)
        for entry in down {
            if let problem = vocabulary.problem(with: entry, in: "--down") {
                throw ValidationError("\(problem.message)\n  hint: \(problem.hint)")
            }
        }
        settings.down.formUnion(down)
        return settings
    }
}

enum OnOff: String, CaseInsensitiveArgument {
    case on, off
}

/// Enumerated flag values read case-insensitively (`--route-exchange ON`, `--format JSON`), as
/// `--preference` and the explorer's `:set` are; help and completions list them in their own spelling.
protocol CaseInsensitiveArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension CaseInsensitiveArgument {
    init?(argument: String) {
        guard let match = EnumeratedValue.match(argument, as: Self.self) else { return nil }
        self = match
    }
}

/// `--preference`, case-insensitive, as Azure's three values; a bad one gets the file's refusal (below).
struct PreferenceArgument: ExpressibleByArgument {
    let text: String

    init?(argument: String) { text = argument }

    /// The value, or the words the file and `:set preference` refuse it with.
    func value() throws -> HubRoutingPreference {
        switch EnumeratedValue.parse(text, as: HubRoutingPreference.self, noun: "hubRoutingPreference") {
        case .success(let value): return value
        case .failure(let refusal): throw ValidationError("--preference: \(refusal.message)\n  hint: \(refusal.hint)")
        }
    }

    static var allValueStrings: [String] { HubRoutingPreference.allCases.map(\.rawValue) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
