import RoutingEngine

/// What the keyboard is doing right now: one value, derived from the state (Helix-style modes).
/// Each binding lists the modes it works in; dispatch, `?` help, the hint line and presenter
/// filtering are all views of `Keymap.bindings`.
public enum Mode: String, CaseIterable, Sendable {
    /// The diagram and tables.
    case normal
    /// A guided lesson beside the tables.
    case lesson
    /// Replaying a change one BGP message at a time.
    case stepThrough
    /// The `?` overlay.
    case help
    /// A row's detail overlay (Enter).
    case detail
    /// The selected table before and after the last change (`v`).
    case beforeAfter
    /// Typing after `:`.
    case command
    /// Typing after `/`.
    case filter
    /// Answering a lesson question (typing, or picking a choice).
    case answer
    /// Presenter mode, or unsaved edits, asked "quit?".
    case confirmQuit
    /// The `E` form of the selected node's properties.
    case form

    /// The README's name for the mode.
    var readmeName: String {
        switch self {
        case .normal: "explorer"
        case .lesson: "lesson"
        case .stepThrough: "step-through"
        case .help: "help"
        case .detail: "detail"
        case .beforeAfter: "before/after"
        case .command: "`:` line"
        case .filter: "`/` line"
        case .answer: "answer prompt"
        case .confirmQuit: "quit?"
        case .form: "`E` form"
        }
    }

    /// The heading help uses for the mode's own keys.
    var title: String {
        switch self {
        case .normal: "Explorer"
        case .lesson: "Lesson"
        case .stepThrough: "Step-through"
        case .help: "Help"
        case .detail: "Detail"
        case .beforeAfter: "Before and after"
        case .command: ": command line"
        case .filter: "/ filter"
        case .answer: "Answering a question"
        case .confirmQuit: "Quit?"
        case .form: "Edit form"
        }
    }
}

/// Everything a key can do. `perform` in KeyDispatch.swift is the one place each is carried out.
public enum Action: Hashable, Sendable {
    case toggleRouteExchange, toggleActiveActive, cyclePreference, toggleDown, undo, redo
    case moveUp, moveDown, moveLeft, moveRight, nextPane, previousPane
    case chooseTab, nextTab, previousTab, scrollLeft, scrollRight
    case pageUp, pageDown, top, bottom
    case openDetail, beforeAfter, startTrace, stepThrough, openLesson, export, startFilter, openCommandLine, help, quit, back
    case stepNext, stepBack, stepToEnd, leaveStepThrough
    case lessonNext, lessonBack, beginAnswer, leaveLesson
    case submitAnswer, cancelAnswer, deleteAnswerCharacter, chooseAnswer(Int)
    case overlayScroll(Int), overlayPage(Int), overlayTop, overlayBottom, closeOverlay
    case confirmQuit, cancelQuit
    case submitLine, cancelLine, deleteCharacter, complete
    case openForm, formNext, formPrevious, formApply, formCancel, formDelete
    /// Documented only: the mouse is dispatched from `Msg.click` and `Msg.scroll`.
    case mouse
}

/// Which topologies a binding applies to.
public enum Requirement: Sendable {
    case always
    case routeServer
    case vpnGateway
    /// The answer prompt is for a question with choices (yes/no, a list), not a typed one.
    case choiceQuestion
    /// A topology with its text (a file or a bundled one): what edits change.
    case document

    func holds(in state: ExplorerState) -> Bool {
        switch self {
        case .always: true
        case .document: state.document != nil
        case .routeServer: state.topology.routeServer != nil
        case .vpnGateway: state.settings.vpnActiveActive != nil
        case .choiceQuestion: state.isChoosingAnswer
        }
    }
}

/// The groups help shows, in this order.
public enum KeySection: String, CaseIterable, Sendable {
    case switches = "Switches"
    case navigation = "Moving around"
    case teaching = "Teaching views"
    case editing = "Editing"
    case files = "Files"
    case mode = "In this mode"
    case general = "General"
}

public struct Binding: Sendable {
    public let keys: [Key]
    /// How help and the README name the keys ("u", "PgUp PgDn").
    public let label: String
    public let action: Action
    public let modes: Set<Mode>
    public let requirement: Requirement
    /// False for what writes or opens files or edits the network: presenter mode refuses it.
    public let inPresenter: Bool
    /// An edit of the network: presenter mode allows it when started with `--allow-edits`.
    public let isEdit: Bool
    public let section: KeySection
    public let help: String
    /// A word or two for the hint line; nil keeps the binding out of it.
    public let hint: String?

    init(_ keys: [Key], _ label: String, _ action: Action, modes: Set<Mode>, needs requirement: Requirement = .always,
         presenter inPresenter: Bool = true, edit isEdit: Bool = false, _ section: KeySection, _ help: String, hint: String? = nil) {
        self.keys = keys; self.label = label; self.action = action; self.modes = modes
        self.requirement = requirement; self.inPresenter = inPresenter && !isEdit; self.isEdit = isEdit; self.section = section
        self.help = help; self.hint = hint
    }
}

/// A `:` command: its verb and spellings, what it takes, and where it works.
public struct CommandEntry: Sendable {
    public let verbs: [String]
    public let usage: String
    public let help: String
    public let requirement: Requirement
    public let inPresenter: Bool
    /// An edit of the network: presenter mode allows it when started with `--allow-edits`.
    public let isEdit: Bool

    init(_ verbs: [String], _ usage: String, needs requirement: Requirement = .always, presenter inPresenter: Bool = true,
         edit isEdit: Bool = false, _ help: String) {
        self.verbs = verbs; self.usage = usage; self.help = help
        self.requirement = requirement; self.inPresenter = inPresenter && !isEdit; self.isEdit = isEdit
    }
}

public enum Keymap {
    /// Where the ordinary keys work: the tables are live in a lesson and during step-through too.
    static let live: Set<Mode> = [.normal, .lesson, .stepThrough]
    static let browsing: Set<Mode> = [.normal, .lesson]
    static let overlays: Set<Mode> = [.help, .detail, .beforeAfter]
    static let lines: Set<Mode> = [.command, .filter]
    /// Whether presenter mode lets a binding or command work here.
    static func allowed(inPresenter: Bool, isEdit: Bool, _ state: ExplorerState) -> Bool {
        !state.presenter || inPresenter || (isEdit && state.allowEdits)
    }

    /// Every key of the explorer, declared once. Earlier entries win when two bind the same key in a mode.
    public static let bindings: [Binding] = [
        // Modes first: their keys shadow the ordinary ones.
        Binding([.char("y")], "y", .confirmQuit, modes: [.confirmQuit], .mode, "yes, quit", hint: "y quit"),
        Binding([.char("n"), .escape], "n Esc", .cancelQuit, modes: [.confirmQuit], .mode, "no, stay", hint: "n stay"),
        Binding([.tab, .down], "Tab ↓", .formNext, modes: [.form], .mode, "the next field", hint: "Tab next field"),
        Binding([.backTab, .up], "Shift-Tab ↑", .formPrevious, modes: [.form], .mode, "the field before"),
        Binding([.enter], "Enter", .formApply, modes: [.form], .mode, "apply the changed fields (one edit, one undo)", hint: "Enter apply"),
        Binding([.escape], "Esc", .formCancel, modes: [.form], .mode, "cancel: nothing changes", hint: "Esc cancel"),
        Binding([.backspace], "Backspace", .formDelete, modes: [.form], .mode, "delete the last character"),
        Binding([.tab], "Tab", .complete, modes: [.command], .mode, "complete the command, a name or a field", hint: "Tab complete"),
        Binding([.char("j"), .down], "j ↓", .overlayScroll(1), modes: overlays, .mode, "scroll down a line", hint: "j/k scroll"),
        Binding([.char("k"), .up], "k ↑", .overlayScroll(-1), modes: overlays, .mode, "scroll up a line"),
        Binding([.pageDown, .char(" ")], "PgDn Space", .overlayPage(1), modes: overlays, .mode, "a page down", hint: "PgUp/PgDn page"),
        Binding([.pageUp], "PgUp", .overlayPage(-1), modes: overlays, .mode, "a page up"),
        Binding([.char("g"), .home], "g Home", .overlayTop, modes: overlays, .mode, "to the top"),
        Binding([.char("G"), .end], "G End", .overlayBottom, modes: overlays, .mode, "to the bottom"),
        Binding([.char("v")], "v", .closeOverlay, modes: [.beforeAfter], .mode, "back to the tables"),
        Binding([.escape, .char("q"), .char("?"), .enter], "Esc q", .closeOverlay, modes: overlays, .mode, "close", hint: "Esc close"),
        Binding([.enter], "Enter", .submitLine, modes: lines, .mode, "run the command / keep the filter", hint: "Enter run"),
        Binding([.escape], "Esc", .cancelLine, modes: lines, .mode, "cancel (the filter is cleared)", hint: "Esc cancel"),
        Binding([.backspace], "Backspace", .deleteCharacter, modes: lines, .mode, "delete the last character"),
        Binding([.char("s"), .char("n"), .char(" "), .right], "s n → Space", .stepNext, modes: [.stepThrough], .mode,
                "the next BGP message", hint: "s/→ next"),
        Binding([.char("b"), .left], "b ←", .stepBack, modes: [.stepThrough], .mode, "one message back", hint: "b/← back"),
        Binding([.char("g")], "g", .stepToEnd, modes: [.stepThrough], .mode, "run to the stable tables", hint: "g to the end"),
        Binding([.escape], "Esc", .leaveStepThrough, modes: [.stepThrough], .mode, "leave step-through: the stable tables",
                hint: "Esc leave"),
        Binding([.enter], "Enter", .submitAnswer, modes: [.answer], .mode,
                "check the answer against the engine's (empty: show the answer)", hint: "Enter check"),
        Binding([.escape], "Esc", .cancelAnswer, modes: [.answer], .mode, "close the prompt without answering", hint: "Esc cancel"),
        Binding([.backspace], "Backspace", .deleteAnswerCharacter, modes: [.answer], .mode, "delete the last character"),
        Binding([.right, .down, .tab], "→ ↓ Tab", .chooseAnswer(1), modes: [.answer], needs: .choiceQuestion, .mode,
                "the next choice (a choice question; 1–9 or a choice's first letter picks at once)", hint: "←→ choose"),
        Binding([.left, .up, .backTab], "← ↑", .chooseAnswer(-1), modes: [.answer], needs: .choiceQuestion, .mode, "the choice before"),
        Binding([.char("n"), .char(" ")], "n Space", .lessonNext, modes: [.lesson], .mode,
                "the next step; on a step that waits for you, does its action for you", hint: "n next"),
        Binding([.char("N")], "N", .lessonBack, modes: [.lesson], .mode, "the step before", hint: "N back"),
        Binding([.char("A")], "A", .beginAnswer, modes: [.lesson], .mode,
                "answer the step's next question (typed, or a choice), checked against the engine", hint: "A answer"),
        Binding([.escape], "Esc", .leaveLesson, modes: [.lesson], .mode, "leave the lesson (L resumes it)", hint: "Esc leave"),

        // The switches.
        Binding([.char("r")], "r", .toggleRouteExchange, modes: live, needs: .routeServer, .switches,
                "route exchange (branch-to-branch) on / off"),
        Binding([.char("a")], "a", .toggleActiveActive, modes: live, needs: .vpnGateway, .switches,
                "VPN gateway active/active on / off"),
        Binding([.char("p")], "p", .cyclePreference, modes: live, needs: .routeServer, .switches,
                "hub routing preference: ExpressRoute → VpnGateway → ASPath"),
        Binding([.char("d")], "d", .toggleDown, modes: live, .switches, "take the selected node down / bring it up"),
        Binding([.char("u")], "u", .undo, modes: live, .switches, "undo a change", hint: "u undo"),
        Binding([.ctrl("r")], "Ctrl-R", .redo, modes: live, .switches, "redo a change"),

        // Moving around.
        Binding([.up, .char("k")], "↑ k", .moveUp, modes: live, .navigation, "up: the node above, or the row above"),
        Binding([.down, .char("j")], "↓ j", .moveDown, modes: live, .navigation, "down: the node below, or the row below",
                hint: "hjkl/arrows move"),
        Binding([.left, .char("h")], "← h", .moveLeft, modes: live, .navigation, "left: the node left, or the tab before"),
        Binding([.right, .char("l")], "→ l", .moveRight, modes: live, .navigation, "right: the node right, or the next tab"),
        Binding([.tab], "Tab", .nextPane, modes: live, .navigation, "next pane: diagram, table, change log", hint: "Tab pane"),
        Binding([.backTab], "Shift-Tab", .previousPane, modes: live, .navigation, "previous pane"),
        Binding((1...5).map { .char(Character(String($0))) }, "1–5", .chooseTab, modes: live, .navigation,
                "choose a tab: Learned, Advertised, Azure, Sessions, Summary (a VNet: Effective routes)"),
        Binding([.char("]")], "]", .nextTab, modes: live, .navigation, "the next tab"),
        Binding([.char("[")], "[", .previousTab, modes: live, .navigation, "the tab before"),
        Binding([.char("<"), .shiftLeft], "< Shift-←", .scrollLeft, modes: live, .navigation,
                "scroll the table left (the footer says how many columns are hidden)"),
        Binding([.char(">"), .shiftRight], "> Shift-→", .scrollRight, modes: live, .navigation,
                "scroll the table right: long AS paths, wide tables"),
        Binding([.pageDown], "PgDn", .pageDown, modes: live, .navigation, "a page down (table or change log)"),
        Binding([.pageUp], "PgUp", .pageUp, modes: live, .navigation, "a page up"),
        Binding([.home, .char("g")], "g Home", .top, modes: browsing, .navigation, "to the top of the table"),
        Binding([.end, .char("G")], "G End", .bottom, modes: live, .navigation, "to the bottom of the table"),
        Binding([], "mouse", .mouse, modes: live, .navigation,
                "click a node to select it, a tab to open it; the wheel scrolls (--no-mouse leaves it to the terminal)"),

        // Teaching views.
        Binding([.enter], "Enter", .openDetail, modes: live, .teaching,
                "the row's detail: every path, the step that decided, where other copies stopped and why; on an effective route, why VMs use it",
                hint: "Enter details"),
        Binding([.char("v")], "v", .beforeAfter, modes: live, .teaching,
                "the selected table before and after the last change, side by side (stacked when narrow), with the marks"),
        Binding([.char("t")], "t", .startTrace, modes: live, .teaching,
                "trace from the selection to an address (:trace ADDRESS): the hops light up on the diagram"),
        Binding([.char("s")], "s", .stepThrough, modes: browsing, .teaching,
                "step through the last change one BGP message at a time", hint: "s step"),
        Binding([.char("L")], "L", .openLesson, modes: [.normal], .teaching, "a guided lesson (:lesson NAME); resumes a lesson left with Esc",
                hint: "L lesson"),
        Binding([.char("/")], "/", .startFilter, modes: live, .teaching, "filter rows by prefix or text", hint: "/ filter"),
        Binding([.escape], "Esc", .back, modes: [.normal], .teaching, "clear the trace, then the filter"),

        // Editing.
        Binding([.char("E")], "E", .openForm, modes: browsing, needs: .document, edit: true, .editing,
                "edit the selected node's properties in a form (the : edit commands below do the same)", hint: "E edit"),

        // Files.
        Binding([.char("e")], "e", .export, modes: live, presenter: false, .files,
                "export the tables or the diagram (:export FILE.md, .txt, .json, .svg, .dot)"),

        // General.
        Binding([.char(":")], ":", .openCommandLine, modes: live, .general, "a command (the list below)", hint: ": command"),
        Binding([.char("?")], "?", .help, modes: live, .general, "this help", hint: "? help"),
        Binding([.char("q"), .ctrl("c")], "q", .quit, modes: live, .general, "quit (presenter mode asks first)"),
    ]

    /// Every `:` command, declared once: help, the README, the unknown-command hint and presenter filtering use it.
    public static let commands: [CommandEntry] = [
        CommandEntry(["node", "n"], "node NAME", "select a node or VNet by name"),
        CommandEntry(["set"], "set route-exchange on|off", needs: .routeServer, "route exchange, as r"),
        CommandEntry(["set"], "set active-active on|off", needs: .vpnGateway, "VPN gateway active/active, as a"),
        CommandEntry(["set"], "set preference ExpressRoute|VpnGateway|ASPath", needs: .routeServer, "hub routing preference, as p"),
        CommandEntry(["down", "up"], "down NAME · up NAME", "a node, an instance (name#1) or a session (a--b) down or up"),
        CommandEntry(["trace", "t"], "trace ADDRESS", "trace from the selection to an address (a prefix: its first address)"),
        CommandEntry(["lesson"], "lesson NAME", "start a guided lesson (routescope lesson list)"),
        CommandEntry(["set"], "set NODE asn N", needs: .document, edit: true, "an NVA's, a site's or the VPN gateway's ASN"),
        CommandEntry(["set"], "set NVA prepend N", needs: .document, edit: true, "extra copies of the NVA's ASN towards Route Server (asPathPrepend)"),
        CommandEntry(["set"], "set SITE prepend PEER N", needs: .document, edit: true, "extra copies of the site's ASN towards one attached element"),
        CommandEntry(["set"], "set NVA nexthop ADDRESS", needs: .document, edit: true, "the next hop the NVA gives Route Server (a firewall, a load balancer)"),
        CommandEntry(["set"], "set CIRCUIT sku Standard|Premium", needs: .document, edit: true, "the circuit's SKU (its prefix limit)"),
        CommandEntry(["set"], "set SUBNET propagation on|off", needs: .document, edit: true,
                     "Propagate gateway routes on the subnet's route table (one is made for a subnet without)"),
        CommandEntry(["set"], "set NODE FIELD VALUE", needs: .document, edit: true, "any other field by its name in the file (e.g. bgpPeeringAddress, ip)"),
        CommandEntry(["add"], "add prefix NODE PREFIX [COMMUNITY…]", needs: .document, edit: true, "a prefix an NVA or a site announces, or a VNet's address space"),
        CommandEntry(["del", "delete"], "del prefix NODE PREFIX", needs: .document, edit: true, "stop announcing a prefix"),
        CommandEntry(["add"], "add nva NAME asn N ip ADDRESS [site SITE]", needs: .document, edit: true, "a new NVA peering with Route Server"),
        CommandEntry(["add"], "add site NAME asn N prefix PREFIX…", needs: .document, edit: true, "a new on-premises site (attach it next)"),
        CommandEntry(["attach"], "attach SITE to NVA|CIRCUIT|vpn [bgp on|off]", needs: .document, edit: true,
                     "connect a site behind an NVA, a circuit or the VPN gateway"),
        CommandEntry(["detach"], "detach SITE from NVA|CIRCUIT|vpn", needs: .document, edit: true, "disconnect it"),
        CommandEntry(["add"], "add spoke NAME PREFIX", needs: .document, edit: true, "a spoke VNet peered with the hub"),
        CommandEntry(["add"], "add route TABLE PREFIX NEXTHOPTYPE [ADDRESS]", needs: .document, edit: true, "a user-defined route (VirtualAppliance takes the address)"),
        CommandEntry(["del", "delete"], "del NODE", needs: .document, edit: true, "remove an NVA, a site, a spoke, a subnet, a route table or a gateway"),
        CommandEntry(["open", "e", "edit"], "open FILE", presenter: false, "open another topology"),
        CommandEntry(["w", "write", "save"], "w", presenter: false, "save the edits into the opened file: only the changed text, comments kept"),
        CommandEntry(["w", "write", "save"], "w FILE", presenter: false,
                     "save a scenario: the file with the edits and the current switches written in"),
        CommandEntry(["saveas"], "saveas FILE", presenter: false, "save the edits to FILE, which becomes the opened (watched) file"),
        CommandEntry(["export"], "export FILE", presenter: false, "export to FILE.md, .txt, .json, .svg or .dot"),
        CommandEntry(["q", "quit"], "q", "quit (asks first when edits are unsaved)"),
        CommandEntry(["q!"], "q!", "quit without saving"),
    ]

    /// The binding a key triggers in a mode, or nil (text entry then takes the key as a character).
    static func lookup(_ key: Key, in mode: Mode) -> Binding? {
        bindings.first { $0.modes.contains(mode) && $0.keys.contains(key) }
    }

    /// The bindings that work here and now: this mode, this topology, and presenter mode's filter.
    static func available(in mode: Mode, _ state: ExplorerState) -> [Binding] {
        var seen: Set<String> = []
        return bindings.filter { binding in
            guard binding.modes.contains(mode), binding.requirement.holds(in: state),
                  allowed(inPresenter: binding.inPresenter, isEdit: binding.isEdit, state) else { return false }
            // A key shadowed by an earlier binding in this mode is not what the key does here.
            let live = binding.keys.isEmpty || binding.keys.contains { lookup($0, in: mode)?.action == binding.action }
            return live && seen.insert(binding.label + binding.help).inserted
        }
    }

    static func commands(for state: ExplorerState) -> [CommandEntry] {
        commands.filter { $0.requirement.holds(in: state) && allowed(inPresenter: $0.inPresenter, isEdit: $0.isEdit, state) }
    }

    /// The command entry a verb belongs to (the first one, for presenter filtering).
    static func command(verb: String) -> CommandEntry? { commands.first { $0.verbs.contains(verb) } }

    static var verbs: [String] { commands.flatMap(\.verbs) }

    /// The hint line: the hints of what works now, as many whole ones as fit in `width` columns.
    static func hints(_ state: ExplorerState, width: Int = .max) -> String {
        var line = ""
        for hint in available(in: state.mode, state).compactMap(\.hint) {
            let next = line.isEmpty ? hint : line + " · " + hint
            guard displayWidth(next) <= width else { break }
            line = next
        }
        return line
    }

    /// The README's key table: the explorer's keys first (where else each works), then each mode's own.
    public static func markdownTable() -> String {
        var rows = ["| key | works in | does |", "|---|---|---|"]
        let ordered = bindings.filter { $0.modes.contains(.normal) } + bindings.filter { !$0.modes.contains(.normal) }
        for binding in ordered {
            // A mode where an earlier binding takes some of the keys says which (← is "back" in step-through).
            let scope = Mode.allCases.filter { binding.modes.contains($0) }.compactMap { mode -> String? in
                let shadowed = binding.keys.filter { lookup($0, in: mode)?.action != binding.action }
                if shadowed.isEmpty { return mode.readmeName }
                if shadowed.count == binding.keys.count { return nil }
                return "\(mode.readmeName) (not \(shadowed.map { "`\($0.label)`" }.joined(separator: " ")))"
            }.joined(separator: ", ")
            var does = binding.help
            switch binding.requirement {
            case .always: break
            case .routeServer: does += " (with a Route Server)"
            case .vpnGateway: does += " (with a VPN gateway)"
            case .choiceQuestion: does += " (a question with choices)"
            case .document: break
            }
            if binding.isEdit { does += " — in presenter mode only with --allow-edits" } else if !binding.inPresenter { does += " — not in presenter mode" }
            let keys = binding.label.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
            rows.append("| \(keys) | \(scope) | \(escaped(does)) |")
        }
        rows += ["", "| `:` command | does |", "|---|---|"]
        for command in commands {
            let usage = command.usage.components(separatedBy: " · ").map { "`:\(escaped($0))`" }.joined(separator: " ")
            let presenter = command.isEdit ? " — in presenter mode only with --allow-edits" : command.inPresenter ? "" : " — not in presenter mode"
            rows.append("| \(usage) | \(escaped(command.help))\(presenter) |")
        }
        return rows.joined(separator: "\n")
    }

    private static func escaped(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}

extension ExplorerState {
    /// The keyboard's mode, derived: overlays and line editors first, then step-through and lessons.
    public var mode: Mode {
        if confirmingQuit { return .confirmQuit }
        if form != nil { return .form }
        switch overlay {
        case .help?: return .help
        case .detail?: return .detail
        case .beforeAfter?: return .beforeAfter
        case nil: return baseMode
        }
    }

    /// The mode under any overlay: what help describes.
    public var baseMode: Mode {
        if commandLine != nil { return .command }
        if isEditingFilter { return .filter }
        if isAnswering { return .answer }
        if stepMode != nil { return .stepThrough }
        if lesson != nil { return .lesson }
        return .normal
    }
}

extension Key {
    /// The key as help and the README name it.
    var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let character): String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .shiftLeft: "Shift-←"
        case .shiftRight: "Shift-→"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .ctrl(let letter): "Ctrl-\(letter.uppercased())"
        }
    }
}
