import RoutingEngine

/// The named elements of a document's text, with the path the loader's messages use (`nvas[1]`) and
/// the fields edits know by a short name.
public struct ElementIndex: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case hub, spoke, subnet, routeServer, nva, expressRouteGateway, circuit, vpnGateway, site, routeTable

        /// How refusals name the kind.
        public var noun: String {
            switch self {
            case .hub: "the hub VNet"
            case .spoke: "a spoke VNet"
            case .subnet: "a subnet"
            case .routeServer: "the Route Server"
            case .nva: "an NVA"
            case .expressRouteGateway: "the ExpressRoute gateway"
            case .circuit: "a circuit"
            case .vpnGateway: "the VPN gateway"
            case .site: "a site"
            case .routeTable: "a route table"
            }
        }

        /// The list of prefixes `:add prefix` extends.
        var prefixKey: String {
            switch self {
            case .nva: "advertise"
            case .site: "prefixes"
            default: "addressSpace"
            }
        }

        /// The short names of the fields, and the file's key each stands for.
        public var fields: [(name: String, key: String)] {
            switch self {
            case .nva: [("asn", "asn"), ("ip", "ip"), ("nexthop", "nextHop"), ("prepend", "asPathPrepend"), ("site", "site")]
            case .site: [("asn", "asn"), ("address", "bgpPeeringAddress")]
            case .vpnGateway: [("asn", "asn"), ("active-active", "activeActive")]
            case .routeServer: [("route-exchange", "allowBranchToBranchTraffic"), ("preference", "hubRoutingPreference")]
            case .circuit: [("sku", "sku"), ("site", "site")]
            case .subnet: [("prefix", "addressPrefix"), ("route-table", "routeTable"), ("propagation", "")]
            case .routeTable: [("propagation", "disableBgpRoutePropagation")]
            case .spoke: [("use-remote-gateways", "useRemoteGateways")]
            case .hub, .expressRouteGateway: []
            }
        }
    }

    public struct Element: Sendable {
        public let name: String
        public let kind: Kind
        /// The loader's path (`sites[0]`) and the list it is an item of, with its position there.
        public let path: String
        let node: YAMLOutline
        let list: (path: String, index: Int)?
    }

    let root: YAMLOutline
    public let elements: [Element]

    public init(_ outline: YAMLOutline) {
        root = outline
        var elements: [Element] = []
        func add(_ node: YAMLOutline?, _ kind: Kind, _ path: String, list: (String, Int)? = nil) {
            guard let node, let name = node["name"]?.text else { return }
            elements.append(Element(name: name, kind: kind, path: path, node: node, list: list))
        }
        func each(_ path: String, _ kind: Kind) {
            for (index, _) in (outline.node(at: path)?.items ?? []).enumerated() {
                add(outline.node(at: "\(path)[\(index)]"), kind, "\(path)[\(index)]", list: (path, index))
            }
        }
        add(outline["hub"], .hub, "hub")
        each("hub.subnets", .subnet)
        for (index, _) in (outline.node(at: "hub.spokes")?.items ?? []).enumerated() {
            add(outline.node(at: "hub.spokes[\(index)]"), .spoke, "hub.spokes[\(index)]", list: ("hub.spokes", index))
            each("hub.spokes[\(index)].subnets", .subnet)
        }
        each("routeTables", .routeTable)
        add(outline["routeServer"], .routeServer, "routeServer")
        each("nvas", .nva)
        add(outline["expressRouteGateway"], .expressRouteGateway, "expressRouteGateway")
        add(outline.node(at: "expressRouteGateway.circuit"), .circuit, "expressRouteGateway.circuit")
        each("expressRouteGateway.circuits", .circuit)
        add(outline["vpnGateway"], .vpnGateway, "vpnGateway")
        each("sites", .site)
        self.elements = elements
    }

    public var names: [String] { elements.map(\.name) }
    var hubName: String? { elements.first { $0.kind == .hub }?.name }

    public func element(named name: String) -> Element? { elements.first { $0.name == name } }

    /// The element, or a refusal naming the nearest name; with `kinds`, one of those kinds.
    func require(_ name: String, as kinds: [Kind]? = nil) throws(EditRefusal) -> Element {
        // `vpn` and `circuit` name the one VPN gateway or circuit when there is one.
        if let kinds, let alias = [("vpn", Kind.vpnGateway), ("circuit", .circuit)].first(where: { $0.0 == name && kinds.contains($0.1) }),
           let only = elements.filter({ $0.kind == alias.1 }).first, elements.filter({ $0.kind == alias.1 }).count == 1 {
            return only
        }
        guard let element = element(named: name) else {
            let candidates = elements.filter { kinds?.contains($0.kind) ?? true }.map(\.name)
            throw EditRefusal(message: "no element named '\(name)'",
                              hint: Suggestions.hint(for: name, in: candidates, listName: "names are"))
        }
        if let kinds, !kinds.contains(element.kind) {
            throw EditRefusal(message: "'\(name)' is \(element.kind.noun)",
                              hint: "this edit takes \(kinds.map(\.noun).joined(separator: ", "))")
        }
        return element
    }
}

extension ElementIndex.Element {
    /// The file's key for a field's short name; any other word is taken as the key itself, so every key
    /// of the format can be set, and one it does not have is refused as the file would be.
    func key(for field: String) -> String {
        kind.fields.first { $0.name == field.lowercased() }?.key ?? field
    }

    /// The field's value as written, in the edit's words (`propagation` reads as on or off).
    public func currentValue(of field: String, index: ElementIndex) -> String? {
        if field.lowercased() == "propagation" {
            let table = kind == .routeTable ? node : node["routeTable"]?.text.flatMap { index.element(named: $0)?.node }
            return table?["disableBgpRoutePropagation"]?.text == "true" ? "off" : "on"
        }
        guard let value = node[key(for: field)] else { return nil }
        if let text = value.text { return text }
        return nil
    }

    func write(_ field: String, _ value: String, into editor: inout TextEditor, index: ElementIndex) throws(EditRefusal) {
        let key = key(for: field)
        switch (kind, key) {
        case (.subnet, ""), (.routeTable, "disableBgpRoutePropagation"):
            try writePropagation(value, into: &editor, index: index)
        case (_, "activeActive"), (_, "allowBranchToBranchTraffic"), (_, "useRemoteGateways"):
            editor.set(key, to: TopologyEdit.trueFalse(value), in: node)
        default:
            editor.set(key, to: value, in: node)
        }
    }

    /// "Propagate gateway routes": on the subnet's route table, one made for it when it has none (R22).
    private func writePropagation(_ value: String, into editor: inout TextEditor, index: ElementIndex) throws(EditRefusal) {
        guard let on = ["on": true, "off": false][value.lowercased()] else {
            throw EditRefusal(message: "propagation is on or off, not '\(value)'",
                              hint: "off is the route table's disableBgpRoutePropagation: true (Propagate gateway routes: No)")
        }
        let disable = on ? "false" : "true"
        if kind == .routeTable { return editor.set("disableBgpRoutePropagation", to: disable, in: node) }
        if let table = node["routeTable"]?.text, let element = index.element(named: table), element.kind == .routeTable {
            return editor.set("disableBgpRoutePropagation", to: disable, in: element.node)
        }
        // A subnet without a route table gets its own, named after it.
        let taken = Set(index.names)
        let base = name + "-routes"
        let table = ([base] + (2...99).map { "\(base)-\($0)" }).first { !taken.contains($0) } ?? base
        editor.set("routeTable", to: table, in: node)
        editor.append(.mapping([("name", table), ("disableBgpRoutePropagation", disable)]), toListAt: "routeTables", in: index.root)
    }

    func delete(from editor: inout TextEditor, index: ElementIndex) throws(EditRefusal) {
        switch kind {
        case .hub:
            throw EditRefusal(message: "the hub cannot be deleted", hint: "every topology has a hub VNet")
        case .routeServer, .vpnGateway, .expressRouteGateway:
            editor.remove(path, from: index.root)
        case .circuit where list == nil:
            if let gateway = index.root["expressRouteGateway"] { editor.remove("circuit", from: gateway) }
        default:
            guard let list, let listNode = index.root.node(at: list.path) else { return }
            editor.remove(item: list.index, of: listNode)
        }
    }
}
