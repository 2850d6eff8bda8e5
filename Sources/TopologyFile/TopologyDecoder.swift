import RoutingEngine
import Yams

/// Reads the YAML tree into a `Topology` (contract §1), refusing what the format does not allow.
///
/// Every element is read even when one of its fields is refused (that field then takes its default), so
/// one pass reports every problem and the cross-reference checks (`ReferenceChecks`) still see every name
/// and site link; `decode` returns nothing at all once anything was refused.
final class TopologyDecoder {
    let log: DiagnosticLog

    /// A name in the file's one namespace, where it is written and what owns it (`nvas[0]`).
    struct NameDefinition { let name: String; let position: SourcePosition; let owner: String }
    /// An element that connects a site: `nvas[].site`, `circuit.site`, `connections[].site`; `element`
    /// is the name a site's `asPathPrepend` uses for it (the NVA, the circuit, the VPN gateway), nil for a
    /// static connection (no BGP to prepend on). Also a subnet's `routeTable` (`site` is the table's name).
    struct SiteLink { let site: String; let position: SourcePosition; let by: String; var element: String? = nil }
    /// A key of a site's `asPathPrepend`: the attached element it names.
    struct PrependPeer { let site: String; let peer: String; let position: SourcePosition; let by: String }

    private(set) var names: [NameDefinition] = []
    private(set) var siteLinks: [SiteLink] = []
    var routeTableLinks: [SiteLink] = []
    var prependPeers: [PrependPeer] = []
    private(set) var downEntries: [(entry: String, position: SourcePosition)] = []
    /// BGP sessions the file implies between named elements, beyond Route Server's (which `ReferenceChecks`
    /// adds): NVA–site, gateway–circuit, circuit–site, VPN gateway–BGP site, VPN instance–instance.
    private(set) var peerings: [(String, String)] = []
    /// Where `nvas:` is written, when it lists at least one NVA.
    private(set) var nvasKey: SourcePosition?
    /// Whether the file has a `routeServer:` (even one refused for another reason).
    private(set) var hasRouteServer = false

    init(log: DiagnosticLog) { self.log = log }

    static let topLevelKeys = ["name", "title", "description", "hub", "routeTables", "routeServer", "nvas",
                               "expressRouteGateway", "vpnGateway", "sites", "down"]

    /// The topology, or nil when anything was refused (the refusals are in `log`).
    func decode(_ root: YAMLNode, defaultName: String) -> Topology? {
        let rootField = Field(key: nil, value: root, path: "")
        guard let top = MappingReader(rootField, expected: "a mapping of keys at the top of the file",
                                      keys: Self.topLevelKeys, log: log,
                                      typeHint: "a topology file starts with keys such as hub:, routeServer:, nvas: and sites:")
        else { return nil }

        let name = top["name"].flatMap { text($0, expected: "a name") } ?? defaultName
        if name.isEmpty, let field = top["name"] {
            log.refuse("the topology name is empty", at: field.position, hint: "leave name out to use the file name")
        }
        let title = top["title"].flatMap { text($0) } ?? ""
        let description = top["description"].flatMap { text($0) } ?? ""

        let hub = top.required("hub", hint: "every topology has a hub: {name: hub-vnet, addressSpace: [10.0.0.0/16]}")
            .flatMap(self.hub)
        hasRouteServer = top["routeServer"] != nil
        let routeServer = top["routeServer"].flatMap(self.routeServer)
        let nvas = top["nvas"].flatMap { field in elements(field, expected: "a list of NVAs", read: nva) }
        if let nvas, !nvas.isEmpty { nvasKey = top.keyPosition("nvas") }
        let expressRouteGateway = top["expressRouteGateway"].flatMap(self.expressRouteGateway)
        let vpnGateway = top["vpnGateway"].flatMap(self.vpnGateway)
        let sites = top["sites"].flatMap { field in elements(field, expected: "a list of sites", read: site) }
        let routeTables = top["routeTables"].flatMap { field in
            elements(field, expected: "a list of route tables", read: routeTable)
        }
        if let field = top["down"] { readDown(field) }

        guard log.isEmpty, let hub else { return nil }
        return Topology(name: name, title: title.trimmingTrailingWhitespace,
                        description: description.trimmingTrailingWhitespace, hub: hub, routeServer: routeServer,
                        nvas: nvas ?? [], expressRouteGateway: expressRouteGateway,
                        vpnGateway: vpnGateway, sites: sites ?? [], routeTables: routeTables ?? [],
                        down: downEntries.map(\.entry))
    }

    /// Records a name in the file's one namespace; duplicates are refused by `ReferenceChecks`.
    func define(_ name: String, at field: Field, owner: String) {
        names.append(NameDefinition(name: name, position: field.position, owner: owner))
    }

    func peer(_ a: String?, _ b: String?) {
        if let a, let b { peerings.append((a, b)) }
    }

    func link(site: String, at field: Field, by owner: String, element: String?) {
        siteLinks.append(SiteLink(site: site, position: field.position, by: owner, element: element))
    }

    /// Reads each item of a list with `read`, leaving out the items it refused.
    func elements<Element>(_ field: Field, expected: String, read: (Field) -> Element?) -> [Element]? {
        list(field, expected: expected)?.compactMap(read)
    }

    // MARK: hub and spokes

    private func hub(_ field: Field) -> VirtualNetwork? {
        guard let reader = MappingReader(field, expected: "a VNet (a mapping with name and addressSpace)",
                                         keys: ["name", "addressSpace", "subnets", "spokes"], log: log, unknownKeyHint: { key in
            key == "useRemoteGateways" ? "useRemoteGateways is a spoke's peering setting: write it under hub.spokes" : nil
        }) else { return nil }
        let name = namedElement(reader, owner: "hub")
        let addressSpace = reader.required("addressSpace", hint: "e.g. addressSpace: [10.0.0.0/16]").flatMap(self.addressSpace)
        let subnets = reader["subnets"].flatMap { self.subnets($0, of: name, addressSpace: addressSpace) }
        let spokes = reader["spokes"].flatMap { field in elements(field, expected: "a list of spoke VNets", read: spoke) }
        guard let name, let addressSpace else { return nil }
        return VirtualNetwork(name: name, addressSpace: addressSpace, spokes: spokes ?? [], subnets: subnets ?? [])
    }

    private func spoke(_ field: Field) -> VirtualNetwork? {
        let spokeKeys = ["name", "addressSpace", "useRemoteGateways", "subnets"]
        guard let reader = MappingReader(field, expected: "a spoke VNet (a mapping with name and addressSpace)",
                                         keys: spokeKeys, log: log, unknownKeyHint: { key in
            key == "spokes" ? "a spoke has no spokes of its own: peering is not transitive; list every spoke under hub.spokes"
                : nil
        }) else { return nil }
        let name = namedElement(reader, owner: field.path)
        let addressSpace = reader.required("addressSpace", hint: "e.g. addressSpace: [10.10.0.0/16]").flatMap(self.addressSpace)
        let useRemoteGateways = reader["useRemoteGateways"].flatMap(bool) ?? true
        let subnets = reader["subnets"].flatMap { self.subnets($0, of: name, addressSpace: addressSpace) }
        guard let name, let addressSpace else { return nil }
        return VirtualNetwork(name: name, addressSpace: addressSpace, subnets: subnets ?? [], useRemoteGateways: useRemoteGateways)
    }

    // MARK: Route Server

    private func routeServer(_ field: Field) -> RouteServer? {
        guard let reader = MappingReader(field, expected: "a Route Server (a mapping with at least a name)",
                                         keys: ["name", "allowBranchToBranchTraffic", "hubRoutingPreference", "ips"],
                                         log: log) else { return nil }
        let name = namedElement(reader, owner: "routeServer")
        let routeExchange = reader["allowBranchToBranchTraffic"].flatMap(bool) ?? false
        let preference = reader["hubRoutingPreference"]
            .flatMap { choice($0, of: HubRoutingPreference.self, noun: "hubRoutingPreference") } ?? .expressRoute
        let ips = reader["ips"].flatMap { instanceAddresses($0, example: "[10.0.1.4, 10.0.1.5]") }
        guard let name else { return nil }
        return RouteServer(name: name, allowBranchToBranchTraffic: routeExchange, hubRoutingPreference: preference, ips: ips)
    }

    /// The element's required `name`, entered in the namespace.
    func namedElement(_ reader: MappingReader, owner: String) -> String? {
        guard let field = reader.required("name"), let name = name(field) else { return nil }
        define(name, at: field, owner: owner)
        return name
    }

    // MARK: down

    private func readDown(_ field: Field) {
        guard let items = list(field, expected: "a list of node names or a--b sessions") else { return }
        for item in items {
            guard let entry = text(item, expected: "a node name or an a--b session") else { continue }
            downEntries.append((entry, item.position))
        }
    }
}

extension String {
    /// A `|` block ends with a newline the explorer should not print.
    var trimmingTrailingWhitespace: String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
