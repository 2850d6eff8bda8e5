import RoutingEngine

/// A what-if change to a topology, made as the user would make it in the file: the values are the
/// user's words, written into the text at the places the loader recorded, and the result is loaded by
/// the same loader. A value the file would refuse is refused with the file's message and hint.
public enum TopologyEdit: Equatable, Sendable {
    /// A field of a named element: `asn`, `prepend`, `nexthop`, `sku`, `propagation`, … or any key
    /// the file format has for it (`bgpPeeringAddress`).
    case set(name: String, field: String, value: String)
    /// Several fields of one element at once (the `E` form).
    case setFields(name: String, [FieldValue])
    /// A site's extra copies of its ASN towards one attached element (R27).
    case setSitePrepend(site: String, peer: String, count: String)
    case addPrefix(node: String, prefix: String, communities: [String])
    case deletePrefix(node: String, prefix: String)
    /// A key left out (nil) is refused as the file refuses it ("missing key 'asn' in nvas[1]").
    case addNVA(name: String, asn: String?, ip: String?, site: String?)
    case addSite(name: String, asn: String?, prefixes: [String])
    case attach(site: String, to: String, bgp: String?)
    case detach(site: String, from: String)
    case addSpoke(name: String, prefix: String)
    case addRoute(table: String, prefix: String, nextHopType: String, address: String?)
    case delete(String)

    public struct FieldValue: Equatable, Sendable {
        public let field: String
        public let value: String
        public init(_ field: String, _ value: String) { self.field = field; self.value = value }
    }

    /// The one-line summary the change log and the status line use ("sdwan asn 65001 → 65515").
    public func summary(in document: TopologyDocument) -> String {
        let index = ElementIndex(document.outline)
        func old(_ name: String, _ field: String) -> String {
            guard let element = index.element(named: name) else { return "?" }
            return element.currentValue(of: field, index: index) ?? "none"
        }
        switch self {
        case .set(let name, let field, let value): return "\(name) \(field) \(old(name, field)) → \(value)"
        case .setFields(let name, let values):
            return "\(name) " + values.map { "\($0.field) \(old(name, $0.field)) → \($0.value)" }.joined(separator: ", ")
        case .setSitePrepend(let site, let peer, let count): return "\(site) prepend towards \(peer) → \(count)"
        case .addPrefix(let node, let prefix, let communities):
            return "\(node) +\(prefix)" + (communities.isEmpty ? "" : " [\(communities.joined(separator: " "))]")
        case .deletePrefix(let node, let prefix): return "\(node) −\(prefix)"
        case .addNVA(let name, let asn, _, _): return "add NVA \(name)" + (asn.map { " (AS \($0))" } ?? "")
        case .addSite(let name, let asn, _): return "add site \(name)" + (asn.map { " (AS \($0))" } ?? "")
        case .attach(let site, let to, _): return "attach \(site) to \(to)"
        case .detach(let site, let from): return "detach \(site) from \(from)"
        case .addSpoke(let name, let prefix): return "add spoke \(name) \(prefix)"
        case .addRoute(let table, let prefix, let type, let address):
            return "\(table) route \(prefix) → \(type)" + (address.map { " \($0)" } ?? "")
        case .delete(let name): return "delete \(name)"
        }
    }

    /// The edited document, or why not: the loader's refusal of the edited text, or a name that is not there.
    public func apply(to document: TopologyDocument) -> Result<TopologyDocument, EditRefusal> {
        let index = ElementIndex(document.outline)
        var editor = TextEditor(document.text)
        if let refusal = write(into: &editor, index: index) { return .failure(refusal) }
        let text = editor.result()
        do {
            return .success(try TopologyLoader.document(text, file: document.file))
        } catch {
            return .failure(EditRefusal(error))
        }
    }

    // MARK: writing

    private func write(into editor: inout TextEditor, index: ElementIndex) -> EditRefusal? {
        do throws(EditRefusal) {
            switch self {
            case .set(let name, let field, let value):
                try index.require(name).write(field, value, into: &editor, index: index)
            case .setFields(let name, let values):
                let element = try index.require(name)
                for value in values { try element.write(value.field, value.value, into: &editor, index: index) }
            case .setSitePrepend(let site, let peer, let count):
                let element = try index.require(site, as: [.site])
                if let prepends = element.node["asPathPrepend"], prepends.entries != nil {
                    editor.set(peer, to: count, in: prepends)
                } else {
                    editor.set("asPathPrepend", to: "{\(peer): \(count)}", in: element.node)
                }
            case .addPrefix(let node, let prefix, let communities):
                let element = try index.require(node, as: [.nva, .site, .hub, .spoke])
                let item: TextEditor.Item = communities.isEmpty ? .scalar(prefix)
                    : .mapping([("prefix", prefix), ("communities", "[\(communities.joined(separator: ", "))]")])
                editor.append(item, toListAt: element.kind.prefixKey, in: element.node)
            case .deletePrefix(let node, let prefix):
                let element = try index.require(node, as: [.nva, .site, .hub, .spoke])
                let key = element.kind.prefixKey
                let items = element.node[key]?.items ?? []
                let wanted = Prefix.parse(prefix).value
                guard let position = items.firstIndex(where: { item in
                    let text = item.text ?? item["prefix"]?.text
                    return text == prefix || (wanted != nil && text.flatMap { Prefix.parse($0).value } == wanted)
                }) else {
                    let listed = items.compactMap { $0.text ?? $0["prefix"]?.text }
                    throw EditRefusal(message: "\(node) has no prefix \(prefix) in \(key)",
                                      hint: listed.isEmpty ? "\(key) is empty" : Suggestions.hint(for: prefix, in: listed, listName: "\(key) are"))
                }
                editor.remove(item: position, of: element.node[key]!)
            case .addNVA(let name, let asn, let ip, let site):
                var pairs = [("name", name)]
                if let asn { pairs.append(("asn", asn)) }
                if let ip { pairs.append(("ip", ip)) }
                if let site { pairs.append(("site", site)) }
                editor.append(.mapping(pairs), toListAt: "nvas", in: index.root)
            case .addSite(let name, let asn, let prefixes):
                var pairs = [("name", name)]
                if let asn { pairs.append(("asn", asn)) }
                pairs.append(("prefixes", "[\(prefixes.joined(separator: ", "))]"))
                editor.append(.mapping(pairs), toListAt: "sites", in: index.root)
            case .attach(let site, let to, let bgp):
                let element = try index.require(to, as: [.nva, .circuit, .vpnGateway])
                if element.kind == .vpnGateway {
                    let connection = [("site", site), ("bgp", bgp.map(Self.trueFalse) ?? "true")]
                    editor.append(.mapping(connection), toListAt: "connections", in: element.node)
                } else {
                    if bgp != nil {
                        throw EditRefusal(message: "bgp on|off is a setting of a VPN connection",
                                          hint: "\(to) always peers with its site over BGP")
                    }
                    editor.set("site", to: site, in: element.node)
                }
            case .detach(let site, let from):
                let element = try index.require(from, as: [.nva, .circuit, .vpnGateway])
                if element.kind == .vpnGateway {
                    let connections = element.node["connections"]?.items ?? []
                    guard let position = connections.firstIndex(where: { $0["site"]?.text == site }) else {
                        throw EditRefusal(message: "\(from) has no connection to \(site)",
                                          hint: Suggestions.hint(for: site, in: connections.compactMap { $0["site"]?.text },
                                                                 listName: "its connections go to"))
                    }
                    editor.remove(item: position, of: element.node["connections"]!)
                } else {
                    guard element.node["site"]?.text == site else {
                        throw EditRefusal(message: "\(site) is not attached to \(from)",
                                          hint: element.node["site"]?.text.map { "\(from)'s site is \($0)" } ?? "\(from) has no site")
                    }
                    editor.remove("site", from: element.node)
                }
            case .addSpoke(let name, let prefix):
                let hub = try index.require(index.hubName ?? "hub", as: [.hub])
                editor.append(.mapping([("name", name), ("addressSpace", "[\(prefix)]")]), toListAt: "spokes", in: hub.node)
            case .addRoute(let table, let prefix, let type, let address):
                let element = try index.require(table, as: [.routeTable])
                let names = Set((element.node["routes"]?.items ?? []).compactMap { $0["name"]?.text })
                let name = (1...).lazy.map { "route-\($0)" }.first { !names.contains($0) }!
                var pairs = [("name", name), ("addressPrefix", prefix), ("nextHopType", type)]
                if let address { pairs.append(("nextHopIpAddress", address)) }
                editor.append(.mapping(pairs), toListAt: "routes", in: element.node)
            case .delete(let name):
                try index.require(name).delete(from: &editor, index: index)
            }
            return nil
        } catch {
            return error
        }
    }

    static func trueFalse(_ word: String) -> String {
        switch word.lowercased() {
        case "on": "true"
        case "off": "false"
        default: word
        }
    }
}

/// Why an edit was not made: the file's refusal of the edited text (its message and hint), or a name
/// that names nothing.
public struct EditRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public let hint: String?
    /// Every refusal of the edited text, as the file would get them.
    public let all: [TopologyError]

    public init(message: String, hint: String? = nil) {
        self.message = message; self.hint = hint; all = []
    }

    init(_ errors: TopologyErrors) {
        message = errors.first.message; hint = errors.first.hint; all = errors.errors
    }

    /// "message — hint", as the explorer's status line shows it.
    public var description: String { message + (hint.map { " — \($0)" } ?? "") }
}

private extension Result where Success == Prefix {
    var value: Prefix? { try? get() }
}
