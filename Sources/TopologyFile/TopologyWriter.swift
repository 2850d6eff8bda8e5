import Foundation
import RoutingEngine

/// Topology files out: a topology with the given switches written into its fields, so a saved
/// scenario loads like any topology. Reading what this writes gives the same topology back.
public enum TopologyWriter {
    public static func yaml(_ topology: Topology, settings: Settings? = nil) -> String {
        var topology = topology
        if let settings {
            topology.routeServer?.allowBranchToBranchTraffic = settings.routeExchange
            topology.routeServer?.hubRoutingPreference = settings.hubRoutingPreference
            if let activeActive = settings.vpnActiveActive { topology.vpnGateway?.activeActive = activeActive }
            topology.down = settings.down.sorted()
        }
        var lines: [String] = ["name: \(quoted(topology.name))"]
        if !topology.title.isEmpty { lines.append("title: \(quoted(topology.title))") }
        if !topology.description.isEmpty {
            lines.append("description: |")
            lines += topology.description.split(separator: "\n", omittingEmptySubsequences: false).dropLast(topology.description.hasSuffix("\n") ? 1 : 0)
                .map { "  \($0)" }
        }
        lines += ["", "hub:", "  name: \(topology.hub.name)", "  addressSpace: \(list(topology.hub.addressSpace))"]
        if !topology.hub.spokes.isEmpty {
            lines.append("  spokes:")
            lines += topology.hub.spokes.map { "    - {name: \($0.name), addressSpace: \(list($0.addressSpace))}" }
        }
        if let routeServer = topology.routeServer {
            lines += ["", "routeServer:", "  name: \(routeServer.name)",
                      "  allowBranchToBranchTraffic: \(routeServer.allowBranchToBranchTraffic)",
                      "  hubRoutingPreference: \(routeServer.hubRoutingPreference.rawValue)"]
            if let ips = routeServer.ips { lines.append("  ips: \(list(ips))") }
        }
        if !topology.nvas.isEmpty {
            lines += ["", "nvas:"]
            for nva in topology.nvas {
                lines += ["  - name: \(nva.name)", "    asn: \(nva.asn)", "    ip: \(nva.ip)"]
                if let site = nva.site { lines.append("    site: \(site)") }
                if !nva.advertise.isEmpty { lines.append("    advertise: \(advertisements(nva.advertise))") }
                if nva.asPathPrepend > 0 { lines.append("    asPathPrepend: \(nva.asPathPrepend)") }
            }
        }
        if let gateway = topology.expressRouteGateway {
            let circuit = gateway.circuit
            lines += ["", "expressRouteGateway:", "  name: \(gateway.name)"]
            if let ips = gateway.ips { lines.append("  ips: \(list(ips))") }
            lines += ["  circuit:", "    name: \(circuit.name)", "    site: \(circuit.site)", "    sku: \(circuit.sku.rawValue)",
                      "    primaryPeerAddressPrefix: \(circuit.primaryPeerAddressPrefix)",
                      "    secondaryPeerAddressPrefix: \(circuit.secondaryPeerAddressPrefix)"]
        }
        if let vpn = topology.vpnGateway {
            lines += ["", "vpnGateway:", "  name: \(vpn.name)", "  activeActive: \(vpn.activeActive)", "  asn: \(vpn.asn)"]
            if let ips = vpn.ips { lines.append("  ips: \(list(ips))") }
            lines.append("  connections:" + (vpn.connections.isEmpty ? " []" : ""))
            lines += vpn.connections.map { "    - {site: \($0.site), bgp: \($0.bgp)}" }
        }
        if !topology.sites.isEmpty {
            lines += ["", "sites:"]
            for site in topology.sites {
                lines += ["  - name: \(site.name)", "    asn: \(site.asn)", "    prefixes: \(advertisements(site.prefixes))"]
                if let address = site.bgpPeeringAddress { lines.append("    bgpPeeringAddress: \(address)") }
            }
        }
        if !topology.down.isEmpty { lines += ["", "down: [\(topology.down.joined(separator: ", "))]"] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes to a temporary file beside `path`, then renames: a failure never leaves half a file,
    /// and never clobbers the old one.
    public static func writeAtomically(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            // rename(2) replaces the target in one step, whether or not it exists.
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    private static func list(_ items: [some CustomStringConvertible]) -> String {
        "[" + items.map(\.description).joined(separator: ", ") + "]"
    }

    private static func advertisements(_ items: [Advertisement]) -> String {
        "[" + items.map { item in
            item.communities.isEmpty ? item.prefix.description
                : "{prefix: \(item.prefix), communities: [\(item.communities.map { "\"\($0)\"" }.joined(separator: ", "))]}"
        }.joined(separator: ", ") + "]"
    }

    /// Quotes text that YAML would otherwise read as something else.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
