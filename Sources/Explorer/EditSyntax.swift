import TopologyFile

/// The words of the edit commands (`:set NODE asn N`, `:add …`, `:del …`, `:attach …`, `:detach …`) and
/// back. Only the shape is checked here; the values are the loader's to accept or refuse.
enum EditSyntax {
    typealias Failure = ColonCommand.ParseError

    static let addKinds = ["prefix", "nva", "site", "spoke", "route"]

    static let usage = [
        "set": ":set NODE FIELD VALUE (e.g. :set sdwan asn 65515) · :set SITE prepend PEER N",
        "add prefix": ":add prefix NODE PREFIX [COMMUNITY…]",
        "add nva": ":add nva NAME asn N ip ADDRESS [site SITE]",
        "add site": ":add site NAME asn N prefix PREFIX…",
        "add spoke": ":add spoke NAME PREFIX",
        "add route": ":add route TABLE PREFIX NEXTHOPTYPE [ADDRESS]",
        "del": ":del prefix NODE PREFIX · :del NODE",
        "attach": ":attach SITE to NVA|CIRCUIT|vpn [bgp on|off]",
        "detach": ":detach SITE from NVA|CIRCUIT|vpn",
    ]

    static func parse(verb: String, _ words: [String]) -> Result<TopologyEdit, Failure> {
        func refuse(_ key: String) -> Result<TopologyEdit, Failure> { .failure(Failure(message: usage[key]!)) }
        switch verb {
        case "set":
            if words.count == 4, words[1].lowercased() == "prepend" {
                return .success(.setSitePrepend(site: words[0], peer: words[2], count: words[3]))
            }
            guard words.count >= 3 else { return refuse("set") }
            return .success(.set(name: words[0], field: words[1], value: words.dropFirst(2).joined(separator: " ")))
        case "add":
            guard let kind = words.first else {
                return .failure(Failure(message: ":add prefix · nva · site · spoke · route (\(addKinds.map { usage["add \($0)"]! }.joined(separator: " · ")))"))
            }
            let rest = Array(words.dropFirst())
            switch kind.lowercased() {
            case "prefix":
                guard rest.count >= 2 else { return refuse("add prefix") }
                return .success(.addPrefix(node: rest[0], prefix: rest[1], communities: Array(rest.dropFirst(2))))
            case "nva":
                guard let name = rest.first, let pairs = pairs(rest.dropFirst(), keys: ["asn", "ip", "site"]) else { return refuse("add nva") }
                return .success(.addNVA(name: name, asn: pairs["asn"], ip: pairs["ip"], site: pairs["site"]))
            case "site":
                guard rest.count >= 2 else { return refuse("add site") }
                var asn: String?, prefixes: [String] = [], inPrefixes = false
                var words = rest.dropFirst()
                while let word = words.popFirst() {
                    switch word.lowercased() {
                    case "asn" where !words.isEmpty: asn = words.popFirst(); inPrefixes = false
                    case "prefix", "prefixes": inPrefixes = true
                    default:
                        guard inPrefixes else { return refuse("add site") }
                        prefixes.append(word)
                    }
                }
                return .success(.addSite(name: rest[0], asn: asn, prefixes: prefixes))
            case "spoke":
                guard rest.count == 2 else { return refuse("add spoke") }
                return .success(.addSpoke(name: rest[0], prefix: rest[1]))
            case "route":
                guard rest.count == 3 || rest.count == 4 else { return refuse("add route") }
                return .success(.addRoute(table: rest[0], prefix: rest[1], nextHopType: rest[2], address: rest.count == 4 ? rest[3] : nil))
            default:
                return .failure(Failure(message: "cannot add '\(kind)'\(ColonCommand.suggestion(for: kind, in: addKinds)); :add \(addKinds.joined(separator: "|"))"))
            }
        case "del", "delete":
            if words.first?.lowercased() == "prefix" {
                guard words.count == 3 else { return refuse("del") }
                return .success(.deletePrefix(node: words[1], prefix: words[2]))
            }
            guard words.count == 1 else { return refuse("del") }
            return .success(.delete(words[0]))
        case "attach", "detach":
            let joiner = verb == "attach" ? "to" : "from"
            guard words.count >= 3, words[1].lowercased() == joiner else { return refuse(verb) }
            if verb == "detach" {
                guard words.count == 3 else { return refuse(verb) }
                return .success(.detach(site: words[0], from: words[2]))
            }
            guard words.count == 3 || (words.count == 5 && words[3].lowercased() == "bgp") else { return refuse(verb) }
            return .success(.attach(site: words[0], to: words[2], bgp: words.count == 5 ? words[4] : nil))
        default:
            return .failure(Failure(message: "unknown command '\(verb)'"))
        }
    }

    /// `asn 65001 ip 10.0.2.9`: each key once, from `keys`; nil when the words do not pair up.
    private static func pairs(_ words: ArraySlice<String>, keys: [String]) -> [String: String]? {
        guard words.count.isMultiple(of: 2) else { return nil }
        var pairs: [String: String] = [:]
        for index in stride(from: words.startIndex, to: words.endIndex, by: 2) {
            let key = words[index].lowercased()
            guard keys.contains(key), pairs[key] == nil else { return nil }
            pairs[key] = words[index + 1]
        }
        return pairs
    }

    static func verb(of edit: TopologyEdit) -> String {
        switch edit {
        case .set, .setFields, .setSitePrepend: "set"
        case .addPrefix, .addNVA, .addSite, .addSpoke, .addRoute: "add"
        case .deletePrefix, .delete: "del"
        case .attach: "attach"
        case .detach: "detach"
        }
    }

    /// The command line that parses back to the edit (the form's several fields as several `:set`s, joined).
    static func commandLine(of edit: TopologyEdit) -> String {
        switch edit {
        case .set(let name, let field, let value): "set \(name) \(field) \(value)"
        case .setFields(let name, let values): values.map { "set \(name) \($0.field) \($0.value)" }.joined(separator: " | ")
        case .setSitePrepend(let site, let peer, let count): "set \(site) prepend \(peer) \(count)"
        case .addPrefix(let node, let prefix, let communities): (["add prefix", node, prefix] + communities).joined(separator: " ")
        case .deletePrefix(let node, let prefix): "del prefix \(node) \(prefix)"
        case .addNVA(let name, let asn, let ip, let site):
            "add nva \(name)" + (asn.map { " asn \($0)" } ?? "") + (ip.map { " ip \($0)" } ?? "") + (site.map { " site \($0)" } ?? "")
        case .addSite(let name, let asn, let prefixes):
            "add site \(name)" + (asn.map { " asn \($0)" } ?? "") + " prefix" + prefixes.map { " \($0)" }.joined()
        case .attach(let site, let to, let bgp): "attach \(site) to \(to)" + (bgp.map { " bgp \($0)" } ?? "")
        case .detach(let site, let from): "detach \(site) from \(from)"
        case .addSpoke(let name, let prefix): "add spoke \(name) \(prefix)"
        case .addRoute(let table, let prefix, let type, let address): "add route \(table) \(prefix) \(type)" + (address.map { " \($0)" } ?? "")
        case .delete(let name): "del \(name)"
        }
    }
}
