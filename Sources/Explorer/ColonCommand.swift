import RoutingEngine
import TopologyFile

/// The explorer's `:` commands, vim style.
public enum ColonCommand: Equatable, Sendable {
    case quit
    case node(String)
    case open(String)
    case set(SettingChange)
    case down(String, Bool)
    case trace(IPv4Address)
    case write(String)
    case export(String)
    case lesson(String)
    /// `:q!`: quit without asking about unsaved edits.
    case forceQuit
    /// `:w` with no file: the edits into the opened file.
    case save
    /// `:saveas FILE`: the edits to FILE, which becomes the opened file.
    case saveAs(String)
    /// A what-if change to the network (`:set NODE asn N`, `:add …`, `:del …`, `:attach …`, `:detach …`).
    case edit(TopologyEdit)

    public enum SettingChange: Equatable, Sendable, CustomStringConvertible {
        case routeExchange(Bool), activeActive(Bool), preference(HubRoutingPreference)
        public var description: String {
            switch self {
            case .routeExchange(let on): "route-exchange \(on ? "on" : "off")"
            case .activeActive(let on): "active-active \(on ? "on" : "off")"
            case .preference(let preference): "preference \(preference.rawValue)"
            }
        }
    }

    public struct ParseError: Error, Equatable, Sendable {
        public let message: String
    }

    /// Every command's usage, from the keymap's command table.
    public static var usage: String { "commands: " + Keymap.commands.map(\.usage).joined(separator: " · ") }

    public static func parse(_ text: String) -> Result<ColonCommand, ParseError> {
        // Split on whitespace scalars, not Characters: a space followed by a combining mark is one
        // Character that is not whitespace, so "node ֤x" would be one word, unlike "node\t֤x".
        let words = text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).map { String(String.UnicodeScalarView($0)) }
        guard let verb = words.first else { return .failure(ParseError(message: usage)) }
        let rest = Array(words.dropFirst())
        switch verb {
        case "q", "quit": return rest.isEmpty ? .success(.quit) : .failure(ParseError(message: ":\(verb) takes no argument"))
        case "q!": return rest.isEmpty ? .success(.forceQuit) : .failure(ParseError(message: ":q! takes no argument"))
        case "node", "n":
            guard rest.count == 1 else { return .failure(ParseError(message: ":node NAME selects a node or VNet")) }
            return .success(.node(rest[0]))
        case "open", "e", "edit":
            guard !rest.isEmpty else { return .failure(ParseError(message: ":open FILE reads another topology")) }
            return .success(.open(rest.joined(separator: " ")))
        case "down", "up":
            guard rest.count == 1 else { return .failure(ParseError(message: ":\(verb) NAME (a node, name#1, or a--b)")) }
            return .success(.down(rest[0], verb == "down"))
        case "set":
            return parseSet(rest)
        case "w", "write", "save":
            if rest.isEmpty { return .success(.save) }
            guard rest.count == 1 else {
                return .failure(ParseError(message: ":w saves the edits into the file · :w FILE saves a scenario (the edits and the current switches)"))
            }
            return .success(.write(rest[0]))
        case "saveas":
            guard rest.count == 1 else { return .failure(ParseError(message: ":saveas FILE saves the edits to FILE and goes on editing it")) }
            return .success(.saveAs(rest[0]))
        case "add", "del", "delete", "attach", "detach":
            return EditSyntax.parse(verb: verb, rest).map(ColonCommand.edit)
        case "lesson":
            guard rest.count == 1 else {
                return .failure(ParseError(message: ":lesson NAME — route-exchange, vpn-active-active, routing-preference, loop-prevention (routescope lesson list)"))
            }
            return .success(.lesson(rest[0]))
        case "export":
            guard rest.count == 1 else { return .failure(ParseError(message: ":export FILE.md|.txt|.json|.svg|.dot")) }
            return .success(.export(rest[0]))
        case "trace", "t":
            // A prefix traces to its first address, as `routescope trace --to` does.
            guard rest.count == 1, let query = PrefixQuery(rest[0]) else {
                return .failure(ParseError(message: ":trace ADDRESS traces from the selection, e.g. :trace 10.2.1.1"))
            }
            return .success(.trace(query.address))
        default:
            return .failure(ParseError(message: "unknown command '\(verb)'\(suggestion(for: verb, in: Keymap.verbs)); \(usage)"))
        }
    }

    private static func parseSet(_ words: [String]) -> Result<ColonCommand, ParseError> {
        let settings = ["route-exchange", "active-active", "preference"]
        // `:set NODE FIELD VALUE`: an edit; the three switches take one value.
        if words.count >= 3 || (words.count == 2 && !settings.contains(words[0])) && !settings.contains(where: { Suggestions.editDistance($0, words[0]) <= 2 }) {
            return EditSyntax.parse(verb: "set", words).map(ColonCommand.edit)
        }
        guard words.count == 2 else {
            return .failure(ParseError(message: ":set route-exchange on|off · :set active-active on|off · :set preference ExpressRoute|VpnGateway|ASPath"))
        }
        let (name, value) = (words[0], words[1])
        switch name {
        case "route-exchange", "active-active":
            guard let on = ["on": true, "off": false, "true": true, "false": false][value.lowercased()] else {
                return .failure(ParseError(message: ":set \(name) takes on or off, not '\(value)'"))
            }
            return .success(.set(name == "route-exchange" ? .routeExchange(on) : .activeActive(on)))
        case "preference":
            // The file's words for a bad value (one validation path).
            return EnumeratedValue.parse(value, as: HubRoutingPreference.self, noun: "hubRoutingPreference")
                .map { .set(.preference($0)) }.mapError { ParseError(message: "\($0.message) — \($0.hint)") }
        default:
            return .failure(ParseError(message: "unknown setting '\(name)'\(suggestion(for: name, in: settings))"))
        }
    }

    /// " (did you mean 'x'?)" when a name is one typo away.
    static func suggestion(for word: String, in names: [String]) -> String {
        let close = names.filter { Suggestions.editDistance($0.lowercased(), word.lowercased()) <= max(1, word.count / 4) }
        return close.first.map { " (did you mean '\($0)'?)" } ?? ""
    }
}

extension ColonCommand {
    /// The verb as the keymap's command table lists it.
    var verb: String {
        switch self {
        case .quit: "q"
        case .node: "node"
        case .open: "open"
        case .set: "set"
        case .down(_, let down): down ? "down" : "up"
        case .trace: "trace"
        case .write: "w"
        case .export: "export"
        case .lesson: "lesson"
        case .forceQuit: "q!"
        case .save: "w"
        case .saveAs: "saveas"
        case .edit(let edit): EditSyntax.verb(of: edit)
        }
    }

    /// The command line that parses back to this command (without the `:`), in the long spelling.
    public var commandLine: String {
        switch self {
        case .quit: "q"
        case .node(let name): "node \(name)"
        case .open(let file): "open \(file)"
        case .set(let change): "set \(change)"
        case .down(let name, let down): "\(down ? "down" : "up") \(name)"
        case .trace(let address): "trace \(address)"
        case .write(let file): "w \(file)"
        case .export(let file): "export \(file)"
        case .lesson(let name): "lesson \(name)"
        case .forceQuit: "q!"
        case .save: "w"
        case .saveAs(let file): "saveas \(file)"
        case .edit(let edit): EditSyntax.commandLine(of: edit)
        }
    }
}
