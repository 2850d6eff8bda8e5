import ArgumentParser
import Foundation
import RoutingEngine
import TopologyFile

/// Where a topology comes from: a file, or a bundled topology by name.
enum TopologySource {
    static func load(_ argument: String?) throws -> Topology {
        guard let argument else { return try BundledTopologies.topology(named: BundledTopologies.defaultName) }
        if FileManager.default.fileExists(atPath: argument) {
            return try Diagnostics.reportingTopologyErrors { try TopologyLoader.load(contentsOf: argument) }
        }
        let name = URL(fileURLWithPath: argument).deletingPathExtension().lastPathComponent
        if BundledTopologies.named(name) != nil, !argument.hasSuffix(".yaml") || argument.hasPrefix("topologies/") {
            return try Diagnostics.reportingTopologyErrors { try BundledTopologies.topology(named: name) }
        }
        let bundled = BundledTopologies.all.map(\.name)
        // `routescope rotues` reads `rotues` as a topology for the explorer: a command was likely meant.
        let commands = RouteScope.configuration.subcommands.map { $0._commandName }
        let hint = Suggestions.closest(to: name, in: bundled).map { "did you mean '\($0)'?" }
            ?? Suggestions.closest(to: argument, in: commands).map { "did you mean the command '\($0)'? (routescope \($0) --help)" }
            ?? "bundled topologies: \(bundled.joined(separator: ", "))"
        Diagnostics.error("\(argument): no such file or bundled topology", hint: hint)
        throw ExitCode(1)
    }

    /// The topology with its text, for the explorer: a file (edited, saved, watched) or a bundled one
    /// (edited; `:saveas` keeps a copy). A file is read and parsed once.
    static func document(_ argument: String?) throws -> (topology: Topology, document: TopologyDocument?, isFile: Bool) {
        if let argument, FileManager.default.fileExists(atPath: argument) {
            let document = try Diagnostics.reportingTopologyErrors { try TopologyLoader.document(contentsOf: argument) }
            return (document.topology, document, true)
        }
        let topology = try load(argument)
        let name = URL(fileURLWithPath: argument ?? BundledTopologies.defaultName).deletingPathExtension().lastPathComponent
        return (topology, try? BundledTopologies.document(named: name), false)
    }

    /// Computes the tables, turning a bad `--down` into a usage error with a hint.
    static func compute(_ topology: Topology, _ toggles: ToggleOptions) throws -> RoutingResult {
        let settings = try toggles.settings(for: topology)
        do {
            return try Engine.compute(topology, settings: settings)
        } catch {
            let names = Network.allNames(of: topology)
            let hint = Suggestions.closest(to: error.entry, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("--down: \(error)\(hint). Nodes: \(names.joined(separator: ", "))")
        }
    }

    /// Checks a node option (`--node`, `--from`): a BGP node, a VNet or a subnet of one.
    static func validate(node: String?, in result: RoutingResult, option: String = "--node") throws {
        guard let node else { return }
        let names = result.nodes.map(\.name) + result.network.virtualNetworks.flatMap { [$0.name] + $0.subnets.map(\.name) }
        guard !names.contains(node) else { return }
        let hint = Suggestions.closest(to: node, in: names).map { " (did you mean '\($0)'?)" } ?? ""
        throw ValidationError("\(option): '\(node)' is not a node of '\(result.topology.name)'\(hint). Nodes: \(names.joined(separator: ", "))")
    }
}

extension Network {
    /// Every node name of a topology, for hints.
    static func allNames(of topology: Topology) -> [String] {
        [topology.routeServer?.name].compactMap { $0 } + topology.nvas.map(\.name)
            + [topology.expressRouteGateway?.name].compactMap { $0 } + (topology.expressRouteGateway?.circuits.map(\.name) ?? [])
            + [topology.vpnGateway?.name].compactMap { $0 }
            + topology.sites.map(\.name)
    }
}

extension TopologySource {
    /// `--prefix` and `--to`: a prefix or an address (the longest match); refused with the prefix the
    /// user probably meant when host bits are set.
    static func query(_ text: String, option: String = "--prefix") throws -> PrefixQuery {
        if let query = PrefixQuery(text) { return query }
        let hint = if case .failure(.hostBits(let suggestion)) = Prefix.parse(text) { "did you mean \(suggestion)?" } else {
            "write a.b.c.d or a.b.c.d/n, e.g. 10.2.1.1"
        }
        throw ValidationError("\(option): '\(text)' is not an IPv4 prefix or address (\(hint))")
    }
}
