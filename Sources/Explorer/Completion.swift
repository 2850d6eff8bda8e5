import RoutingEngine
import TopologyFile

/// Tab in the `:` line: the verb, then the names and fields each command takes.
extension ExplorerState {
    mutating func complete(_ text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let partial = words.last ?? ""
        let before = Array(words.dropLast())
        let candidates = completions(after: before)
        let matches = candidates.filter { $0.lowercased().hasPrefix(partial.lowercased()) }
        guard !matches.isEmpty else {
            message = .init(text: candidates.isEmpty ? "nothing to complete here"
                                : "no match for '\(partial)'\(ColonCommand.suggestion(for: partial, in: candidates))", isError: true)
            return
        }
        let common = matches.dropFirst().reduce(matches[0]) { prefix, next in
            String(zip(prefix, next).prefix { $0.lowercased() == $1.lowercased() }.map(\.0))
        }
        let completed = matches.count == 1 ? matches[0] + " " : (common.count > partial.count ? common : partial)
        commandLine = (before + [completed]).joined(separator: " ")
        message = matches.count > 1 ? .init(text: matches.joined(separator: "  "), isError: false) : nil
    }

    /// What may come after `words` in a command line.
    func completions(after words: [String]) -> [String] {
        let index = document.map { ElementIndex($0.outline) }
        let names = index?.names ?? selectableNames
        func kinds(_ kinds: [ElementIndex.Kind]) -> [String] {
            index?.elements.filter { kinds.contains($0.kind) }.map(\.name) ?? []
        }
        guard let verb = words.first else {
            return Keymap.commands(for: self).flatMap(\.verbs).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        }
        let position = words.count
        switch (verb, position) {
        case ("node", 1), ("n", 1), ("down", 1), ("up", 1), ("del", 1), ("delete", 1):
            return (verb.hasPrefix("del") ? ["prefix"] : []) + (verb.hasPrefix("del") ? names : selectableNames)
        case ("set", 1): return ["route-exchange", "active-active", "preference"] + names
        case ("set", 2):
            if ["route-exchange", "active-active"].contains(words[1]) { return ["on", "off"] }
            if words[1] == "preference" { return HubRoutingPreference.allCases.map(\.rawValue) }
            return (index?.element(named: words[1])?.kind.fields.map(\.name) ?? []) + (kinds([.site]).contains(words[1]) ? ["prepend"] : [])
        case ("set", 3):
            if words[2] == "prepend", kinds([.site]).contains(words[1]) { return kinds([.nva, .circuit, .vpnGateway]) }
            if words[2] == "sku" { return ["Standard", "Premium"] }
            if words[2] == "propagation" || words[2] == "active-active" || words[2] == "route-exchange" { return ["on", "off"] }
            return []
        case ("add", 1): return EditSyntax.addKinds
        case ("add", 2) where words[1] == "prefix": return kinds([.nva, .site, .hub, .spoke])
        case ("add", 2) where words[1] == "route": return kinds([.routeTable])
        case ("add", 4) where words[1] == "route": return ["VirtualAppliance", "VirtualNetworkGateway", "VnetLocal", "Internet", "None"]
        case ("del", 2) where words[1] == "prefix", ("delete", 2) where words[1] == "prefix": return kinds([.nva, .site, .hub, .spoke])
        case ("attach", 1), ("detach", 1): return kinds([.site])
        case ("attach", 2): return ["to"]
        case ("detach", 2): return ["from"]
        case ("attach", 3), ("detach", 3): return kinds([.nva, .circuit, .vpnGateway]) + ["vpn"]
        case ("attach", 4): return ["bgp"]
        case ("attach", 5): return ["on", "off"]
        default: return []
        }
    }
}
