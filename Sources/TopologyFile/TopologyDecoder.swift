import RoutingEngine
import Yams

/// Turns the YAML tree into a `Topology` (contract §1), field by field, with positions kept for
/// the cross-reference checks that follow.
final class TopologyDecoder {
    let reader: YAMLReader
    /// Where each name was defined, and where each reference to a site was made.
    var names: [(name: String, node: YAMLNode)] = []
    var siteReferences: [(site: String, node: YAMLNode, by: String)] = []
    var downEntries: [(entry: String, node: YAMLNode)] = []
    var nvasKey: YAMLNode?

    init(reader: YAMLReader) { self.reader = reader }

    static let topKeys = ["name", "title", "description", "hub", "routeServer", "nvas", "expressRouteGateway",
                          "vpnGateway", "sites", "down"]

    func decode(_ root: YAMLNode, defaultName: String) -> Topology? {
        guard let fields = reader.fields(root, at: "the file", allowed: Self.topKeys) else { return nil }
        let name = fields["name"].flatMap { reader.string($0, "name") } ?? defaultName
        let title = fields["title"].flatMap { reader.text($0, "title") } ?? ""
        let description = fields["description"].flatMap { reader.text($0, "description") } ?? ""
        let hub = reader.required(fields, "hub").flatMap { self.hub($0) }
        let routeServer = fields["routeServer"].flatMap { reader.isNull($0) ? nil : self.routeServer($0) }
        nvasKey = fields.keyNode("nvas")
        let nvas = list(fields["nvas"], "nvas") { nva($0, path: $1) }
        let erGateway = fields["expressRouteGateway"].flatMap { reader.isNull($0) ? nil : expressRouteGateway($0) }
        let vpnGateway = fields["vpnGateway"].flatMap { reader.isNull($0) ? nil : self.vpnGateway($0) }
        let sites = list(fields["sites"], "sites") { site($0, path: $1) }
        let down = list(fields["down"], "down") { node, _ -> String? in
            guard let entry = reader.string(node, "a down entry") else { return nil }
            downEntries.append((entry, node))
            return entry
        }
        guard let hub else { return nil }
        return Topology(name: name, title: title, description: description, hub: hub, routeServer: routeServer,
                        nvas: nvas, expressRouteGateway: erGateway, vpnGateway: vpnGateway, sites: sites, down: down)
    }

    // MARK: elements

    private func hub(_ node: YAMLNode) -> VirtualNetwork? {
        guard let fields = reader.fields(node, at: "hub", allowed: ["name", "addressSpace", "spokes"]) else { return nil }
        let spokes = list(fields["spokes"], "hub.spokes") { node, path -> VirtualNetwork? in
            guard let spoke = reader.fields(node, at: path, allowed: ["name", "addressSpace"]) else { return nil }
            return virtualNetwork(spoke, path: path, spokes: [])
        }
        return virtualNetwork(fields, path: "hub", spokes: spokes)
    }

    private func virtualNetwork(_ fields: YAMLReader.Fields, path: String, spokes: [VirtualNetwork]) -> VirtualNetwork? {
        let name = declareName(fields, path: path)
        var space: [Prefix]?
        if let node = reader.required(fields, "addressSpace") {
            space = list(node, "\(path).addressSpace") { reader.prefix($0, $1) }
            if case .sequence(let items) = node, items.isEmpty {
                reader.fail(node, "\(path).addressSpace is empty", hint: "a VNet needs at least one prefix, e.g. [10.0.0.0/16]")
                space = nil
            }
        }
        guard let name, let space else { return nil }
        return VirtualNetwork(name: name, addressSpace: space, spokes: spokes)
    }

    private func routeServer(_ node: YAMLNode) -> RouteServer? {
        let path = "routeServer"
        guard let fields = reader.fields(node, at: path, allowed: ["name", "allowBranchToBranchTraffic", "hubRoutingPreference", "ips"]) else { return nil }
        let name = declareName(fields, path: path)
        let exchange = fields["allowBranchToBranchTraffic"].flatMap { reader.bool($0, "allowBranchToBranchTraffic") } ?? false
        let preference = fields["hubRoutingPreference"].flatMap {
            reader.choice($0, "hubRoutingPreference", as: HubRoutingPreference.self)
        } ?? .expressRoute
        let ips = fields["ips"].flatMap { instanceAddresses($0, path: "\(path).ips") }
        guard let name else { return nil }
        return RouteServer(name: name, allowBranchToBranchTraffic: exchange, hubRoutingPreference: preference, ips: ips)
    }

    private func nva(_ node: YAMLNode, path: String) -> NVA? {
        guard let fields = reader.fields(node, at: path, allowed: ["name", "asn", "ip", "site", "advertise", "asPathPrepend"]) else { return nil }
        let name = declareName(fields, path: path)
        let asn = reader.required(fields, "asn").flatMap { reader.asn($0, "\(path).asn") }
        let ip = reader.required(fields, "ip").flatMap { reader.address($0, "\(path).ip") }
        let site = fields["site"].flatMap { siteReference($0, by: name ?? path) }
        let advertise = list(fields["advertise"], "\(path).advertise") { advertisement($0, path: $1) }
        let prepend = fields["asPathPrepend"].flatMap {
            reader.integer($0, "\(path).asPathPrepend", in: 0...10, rangeText: "prepend between 0 and 10 times")
        } ?? 0
        guard let name, let asn, let ip else { return nil }
        return NVA(name: name, asn: asn, ip: ip, site: site, advertise: advertise, asPathPrepend: Int(prepend))
    }

    private func expressRouteGateway(_ node: YAMLNode) -> ExpressRouteGateway? {
        let path = "expressRouteGateway"
        guard let fields = reader.fields(node, at: path, allowed: ["name", "circuit", "ips"]) else { return nil }
        let name = declareName(fields, path: path)
        let ips = fields["ips"].flatMap { instanceAddresses($0, path: "\(path).ips") }
        let circuit = reader.required(fields, "circuit").flatMap { self.circuit($0, path: "\(path).circuit", gateway: name ?? path) }
        guard let name, let circuit else { return nil }
        return ExpressRouteGateway(name: name, circuit: circuit, ips: ips)
    }

    private func circuit(_ node: YAMLNode, path: String, gateway: String) -> ExpressRouteCircuit? {
        guard let fields = reader.fields(node, at: path, allowed: ["name", "site", "sku", "primaryPeerAddressPrefix",
                                                                   "secondaryPeerAddressPrefix"]) else { return nil }
        let name = declareName(fields, path: path)
        let site = reader.required(fields, "site").flatMap { siteReference($0, by: name ?? path) }
        let sku = fields["sku"].flatMap { reader.choice($0, "circuit sku", as: CircuitSKU.self) } ?? .standard
        let primary = fields["primaryPeerAddressPrefix"].flatMap { linkPrefix($0, "\(path).primaryPeerAddressPrefix") }
        let secondary = fields["secondaryPeerAddressPrefix"].flatMap { linkPrefix($0, "\(path).secondaryPeerAddressPrefix") }
        guard let name, let site else { return nil }
        var circuit = ExpressRouteCircuit(name: name, site: site, sku: sku)
        if let primary { circuit.primaryPeerAddressPrefix = primary }
        if let secondary { circuit.secondaryPeerAddressPrefix = secondary }
        return circuit
    }

    private func linkPrefix(_ node: YAMLNode, _ what: String) -> Prefix? {
        guard let prefix = reader.prefix(node, what) else { return nil }
        guard prefix.length == 30 else {
            reader.fail(node, "\(what) must be a /30 (the customer edge takes the first address, the MSEE the second)")
            return nil
        }
        return prefix
    }

    private func vpnGateway(_ node: YAMLNode) -> VPNGateway? {
        let path = "vpnGateway"
        guard let fields = reader.fields(node, at: path, allowed: ["name", "activeActive", "asn", "ips", "connections"]) else { return nil }
        let name = declareName(fields, path: path)
        let activeActive = fields["activeActive"].flatMap { reader.bool($0, "activeActive") } ?? true
        let asn = fields["asn"].flatMap { reader.asn($0, "\(path).asn") } ?? ASN.azure
        let ips = fields["ips"].flatMap { instanceAddresses($0, path: "\(path).ips") }
        let connections = list(fields["connections"], "\(path).connections") { node, path -> VPNConnection? in
            guard let connection = reader.fields(node, at: path, allowed: ["site", "bgp"]) else { return nil }
            let site = reader.required(connection, "site").flatMap { siteReference($0, by: "\(name ?? "vpnGateway") (\(path))") }
            let bgp = connection["bgp"].flatMap { reader.bool($0, "\(path).bgp") } ?? true
            return site.map { VPNConnection(site: $0, bgp: bgp) }
        }
        guard let name else { return nil }
        return VPNGateway(name: name, activeActive: activeActive, asn: asn, ips: ips, connections: connections)
    }

    private func site(_ node: YAMLNode, path: String) -> Site? {
        guard let fields = reader.fields(node, at: path, allowed: ["name", "asn", "prefixes", "bgpPeeringAddress"]) else { return nil }
        let name = declareName(fields, path: path)
        let asn = reader.required(fields, "asn").flatMap { reader.asn($0, "\(path).asn") }
        let prefixes = list(fields["prefixes"], "\(path).prefixes") { advertisement($0, path: $1) }
        let address = fields["bgpPeeringAddress"].flatMap { reader.address($0, "\(path).bgpPeeringAddress") }
        guard let name, let asn else { return nil }
        return Site(name: name, asn: asn, prefixes: prefixes, bgpPeeringAddress: address)
    }

    /// A prefix string, or `{prefix: P, communities: [...]}`.
    private func advertisement(_ node: YAMLNode, path: String) -> Advertisement? {
        if case .scalar = node { return reader.prefix(node, path).map { Advertisement($0) } }
        guard let fields = reader.fields(node, at: path, allowed: ["prefix", "communities"]) else { return nil }
        let prefix = reader.required(fields, "prefix").flatMap { reader.prefix($0, "\(path).prefix") }
        let communities = list(fields["communities"], "\(path).communities") { node, what -> Community? in
            guard case .scalar(let scalar) = node, let community = Community(scalar.string) else {
                reader.fail(node, "\(reader.describe(node)) is not a BGP community (\(what))",
                            hint: "use no-advertise, no-export or AS:value with both numbers 0–65535, e.g. \"65001:100\"")
                return nil
            }
            return community
        }
        return prefix.map { Advertisement($0, communities: communities) }
    }

    private func instanceAddresses(_ node: YAMLNode, path: String) -> [IPv4Address]? {
        guard let items = reader.sequence(node, path) else { return nil }
        let addresses = items.enumerated().compactMap { reader.address($1, "\(path)[\($0)]") }
        guard addresses.count == items.count else { return nil }
        guard addresses.count == 2 else {
            reader.fail(node, "\(path) needs exactly 2 addresses (one per instance), found \(addresses.count)")
            return nil
        }
        return addresses
    }

    // MARK: helpers

    private func declareName(_ fields: YAMLReader.Fields, path: String) -> String? {
        guard let node = reader.required(fields, "name"), let name = reader.string(node, "\(path).name") else { return nil }
        names.append((name, node))
        return name
    }

    private func siteReference(_ node: YAMLNode, by element: String) -> String? {
        guard let site = reader.string(node, "site") else { return nil }
        siteReferences.append((site, node, element))
        return site
    }

    /// Reads a list item by item; items that fail are dropped after their error is recorded.
    private func list<T>(_ node: YAMLNode?, _ path: String, _ item: (YAMLNode, String) -> T?) -> [T] {
        guard let node, let items = reader.sequence(node, path) else { return [] }
        return items.enumerated().compactMap { item($1, "\(path)[\($0)]") }
    }
}
