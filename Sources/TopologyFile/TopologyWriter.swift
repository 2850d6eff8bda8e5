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
        if !topology.description.isEmpty { lines += description(topology.description) }
        lines += ["", "hub:", "  name: \(scalar(topology.hub.name))", "  addressSpace: \(list(topology.hub.addressSpace))"]
        lines += subnets(topology.hub.subnets, indent: "  ")
        if !topology.hub.spokes.isEmpty {
            lines.append("  spokes:")
            lines += topology.hub.spokes.flatMap(spoke)
        }
        lines += routeTables(topology.routeTables)
        if let routeServer = topology.routeServer {
            lines += ["", "routeServer:", "  name: \(scalar(routeServer.name))",
                      "  allowBranchToBranchTraffic: \(routeServer.allowBranchToBranchTraffic)",
                      "  hubRoutingPreference: \(routeServer.hubRoutingPreference.rawValue)"]
            if let ips = routeServer.ips { lines.append("  ips: \(list(ips))") }
        }
        if !topology.nvas.isEmpty {
            lines += ["", "nvas:"]
            for nva in topology.nvas {
                lines += ["  - name: \(scalar(nva.name))", "    asn: \(nva.asn)", "    ip: \(nva.ip)"]
                if let nextHop = nva.nextHop { lines.append("    nextHop: \(nextHop)") }
                if let site = nva.site { lines.append("    site: \(scalar(site))") }
                if !nva.advertise.isEmpty { lines.append("    advertise: \(advertisements(nva.advertise))") }
                if nva.asPathPrepend > 0 { lines.append("    asPathPrepend: \(nva.asPathPrepend)") }
            }
        }
        if let gateway = topology.expressRouteGateway {
            lines += ["", "expressRouteGateway:", "  name: \(scalar(gateway.name))"]
            if let ips = gateway.ips { lines.append("  ips: \(list(ips))") }
            if gateway.circuits.count == 1 {
                lines += ["  circuit:"] + circuit(gateway.circuit, first: "    ", rest: "    ")
            } else {
                lines.append("  circuits:")
                lines += gateway.circuits.flatMap { circuit($0, first: "    - ", rest: "      ") }
            }
        }
        if let vpn = topology.vpnGateway {
            lines += ["", "vpnGateway:", "  name: \(scalar(vpn.name))", "  activeActive: \(vpn.activeActive)", "  asn: \(vpn.asn)"]
            if let ips = vpn.ips { lines.append("  ips: \(list(ips))") }
            lines.append("  connections:" + (vpn.connections.isEmpty ? " []" : ""))
            lines += vpn.connections.map { "    - {site: \(scalar($0.site)), bgp: \($0.bgp)}" }
        }
        if !topology.sites.isEmpty {
            lines += ["", "sites:"]
            for site in topology.sites {
                lines += ["  - name: \(scalar(site.name))", "    asn: \(site.asn)", "    prefixes: \(advertisements(site.prefixes))"]
                if let address = site.bgpPeeringAddress { lines.append("    bgpPeeringAddress: \(address)") }
                if !site.asPathPrepend.isEmpty {
                    let pairs = site.asPathPrepend.sorted { $0.key < $1.key }.map { "\(scalar($0.key)): \($0.value)" }
                    lines.append("    asPathPrepend: {\(pairs.joined(separator: ", "))}")
                }
            }
        }
        if !topology.down.isEmpty { lines += ["", "down: [\(topology.down.map(scalar).joined(separator: ", "))]"] }
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
            guard !item.communities.isEmpty || item.med != nil else { return item.prefix.description }
            var fields = ["prefix: \(item.prefix)"]
            if !item.communities.isEmpty {
                fields.append("communities: [\(item.communities.map { "\"\($0)\"" }.joined(separator: ", "))]")
            }
            if let med = item.med { fields.append("med: \(med)") }
            return "{" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ", ") + "]"
    }

    /// A spoke in flow style as revision 1 wrote it, or in block style with its revision-2 fields.
    private static func spoke(_ spoke: VirtualNetwork) -> [String] {
        guard !spoke.subnets.isEmpty || !spoke.useRemoteGateways else {
            return ["    - {name: \(scalar(spoke.name)), addressSpace: \(list(spoke.addressSpace))}"]
        }
        var lines = ["    - name: \(scalar(spoke.name))", "      addressSpace: \(list(spoke.addressSpace))"]
        if !spoke.useRemoteGateways { lines.append("      useRemoteGateways: false") }
        return lines + subnets(spoke.subnets, indent: "      ")
    }

    private static func subnets(_ subnets: [Subnet], indent: String) -> [String] {
        guard !subnets.isEmpty else { return [] }
        return ["\(indent)subnets:"] + subnets.map { subnet in
            "\(indent)  - {name: \(scalar(subnet.name)), addressPrefix: \(subnet.addressPrefix)"
                + (subnet.routeTable.map { ", routeTable: \(scalar($0))" } ?? "") + "}"
        }
    }

    private static func routeTables(_ tables: [RouteTable]) -> [String] {
        guard !tables.isEmpty else { return [] }
        var lines = ["", "routeTables:"]
        for table in tables {
            lines += ["  - name: \(scalar(table.name))", "    disableBgpRoutePropagation: \(table.disableBgpRoutePropagation)",
                      "    routes:" + (table.routes.isEmpty ? " []" : "")]
            lines += table.routes.map { route in
                "      - {name: \(scalar(route.name)), addressPrefix: \(route.addressPrefix), nextHopType: \(route.nextHopType.rawValue)"
                    + (route.nextHopIpAddress.map { ", nextHopIpAddress: \($0)" } ?? "") + "}"
            }
        }
        return lines
    }

    private static func circuit(_ circuit: ExpressRouteCircuit, first: String, rest: String) -> [String] {
        ["\(first)name: \(scalar(circuit.name))", "\(rest)site: \(scalar(circuit.site))", "\(rest)sku: \(circuit.sku.rawValue)",
         "\(rest)primaryPeerAddressPrefix: \(circuit.primaryPeerAddressPrefix)",
         "\(rest)secondaryPeerAddressPrefix: \(circuit.secondaryPeerAddressPrefix)"]
    }

    /// A name or a `down` entry: plain when YAML reads it back as the same text in a block or a flow
    /// (`hub-vnet`, `route-server#1`), else quoted (`"c]"`, `"null"`, `"a: b"`).
    static func scalar(_ text: String) -> String {
        let isPlain = text.first.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } == true
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-#".contains($0)) }
            && !["null", "Null", "NULL"].contains(text)
        return isPlain ? text : quoted(text)
    }

    /// The text in double quotes, with every character YAML would not read back as itself escaped:
    /// quotes, backslashes, line breaks (which would fold), tabs, and what YAML does not allow raw.
    private static func quoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case "\u{85}": quoted += "\\N"
            case "\u{2028}": quoted += "\\L"
            case "\u{2029}": quoted += "\\P"
            case _ where isPrintable(scalar) && scalar != "\u{FEFF}": quoted.unicodeScalars.append(scalar)
            default:
                let (escape, width) = scalar.value <= 0xFF ? ("x", 2) : scalar.value <= 0xFFFF ? ("u", 4) : ("U", 8)
                let hex = String(scalar.value, radix: 16, uppercase: true)
                quoted += "\\" + escape + String(repeating: "0", count: width - hex.count) + hex
            }
        }
        return quoted + "\""
    }

    /// What YAML (libyaml) allows unescaped in a file, less the line breaks and the tab.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `description: |` and the text's lines indented, when a literal block holds it as it is (line
    /// breaks are LF, tabs and printable characters otherwise; `|2` when it starts indented); else quoted.
    private static func description(_ text: String) -> [String] {
        guard text.unicodeScalars.allSatisfy({ ($0 == "\n" || $0 == "\t" || isPrintable($0)) && $0 != "\u{FEFF}" }) else {
            return ["description: \(quoted(text))"]
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
        // YAML takes the block's indentation from its first line that is not blank, and refuses a tab
        // there: a first line that starts with a space or a tab, or blank lines before it, need it stated.
        let first = lines.firstIndex { $0.contains { $0 != " " } }
        let stated = first.map { index in
            lines[index].first == " " || lines[index].first == "\t" || lines[..<index].contains { !$0.isEmpty }
        } ?? true
        return ["description: |\(stated ? "2" : "")"] + lines.map { "  \($0)" }
    }
}
