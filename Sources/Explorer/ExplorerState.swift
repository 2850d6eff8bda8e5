import Reports
import RoutingEngine
import TopologyFile

/// Everything the explorer shows, as a value: `update` changes it, `view` draws it.
public struct ExplorerState: Sendable {
    public enum Pane: Int, CaseIterable, Sendable { case diagram, table, log }

    public enum Tab: Int, CaseIterable, Sendable {
        case learned, advertised, azure, sessions, effective, summary
        public var title: String { ["Learned", "Advertised", "Azure", "Sessions", "Effective routes", "Summary"][rawValue] }
    }

    public enum Overlay: Equatable, Sendable {
        case help
        /// Every path of a prefix at a node, with the decision steps.
        case detail(node: String, prefix: Prefix)
        /// The selected table before and after the last change.
        case beforeAfter
    }

    public struct Message: Equatable, Sendable {
        public let text: String
        public let isError: Bool
        /// What a change did ("route exchange on: 5 route changes, …"): presenter mode's banner.
        public var isChange = false
    }

    public private(set) var topology: Topology
    /// Where the topology came from (a path or a bundled name), for the title bar.
    public internal(set) var source: String
    public private(set) var settings: Settings
    public private(set) var result: RoutingResult
    /// The result before the last change and what changed: rows stay marked until the next change.
    public private(set) var previous: RoutingResult?
    public private(set) var changes: ResultDiff?
    /// The topology `previous` was computed from, when the last change was an edit (step-through replays from it).
    var previousTopology: Topology?
    /// What changed where, newest last.
    public internal(set) var log: [LogEntry] = []
    /// One history for switches and edits: each entry is the whole what-if state.
    var undoStack: [Snapshot] = []
    var redoStack: [Snapshot] = []

    /// What undo restores: the topology (and its text, when it has one) with the switches.
    struct Snapshot: Sendable {
        var topology: Topology
        var document: TopologyDocument?
        var settings: Settings
    }

    /// The topology's text, when it came from one (a file or a bundled topology): what edits change.
    public internal(set) var document: TopologyDocument?
    /// The text as it is on disk (last read or written); `[+]` while the document differs from it.
    public internal(set) var savedText: String?
    /// Whether the document is the file named by `source` (`:w` writes there); false for a bundled one.
    public internal(set) var isFile = false
    /// Presenter mode refuses edits unless started with `--allow-edits`.
    public let allowEdits: Bool
    /// The refusals of the file on disk, when it changed into something that does not load; the last
    /// good network stays until it is fixed.
    public internal(set) var fileErrors: [TopologyError] = []
    /// The `E` form, while it is open.
    public internal(set) var form: EditForm?

    /// The selected node or VNet, by name.
    public internal(set) var selection: String
    public internal(set) var focus: Pane = .diagram
    public internal(set) var tab: Tab = .learned
    public internal(set) var rowCursor = 0
    public internal(set) var rowScroll = 0
    public internal(set) var logScroll = 0
    public internal(set) var filter = ""
    public internal(set) var isEditingFilter = false
    /// The text after `:` while the command line is open.
    public internal(set) var commandLine: String?
    public internal(set) var overlay: Overlay?
    /// The first line of the help or detail overlay that shows.
    public internal(set) var overlayScroll = 0
    /// Presenter mode asked "quit?" and waits for y or n.
    public internal(set) var confirmingQuit = false
    public internal(set) var message: Message? { didSet { messageTime = clock } }
    /// The time of the last `.tick` (seconds, from the run loop's clock) and when the message
    /// appeared: presenter mode's banner goes after `bannerSeconds`. Time comes in as a Msg, so
    /// `update` stays pure.
    public internal(set) var clock: Double = 0
    var messageTime: Double = 0
    public static let bannerSeconds: Double = 6
    /// Columns the table is scrolled to the right (`<` `>`), for AS paths wider than the pane.
    public internal(set) var columnScroll = 0
    public internal(set) var width: Int
    public internal(set) var height: Int
    public let glyphs: Glyphs
    public let mouseEnabled: Bool
    /// Presenter mode: a large status, a banner on each change, only switches and navigation.
    public let presenter: Bool
    public internal(set) var shouldQuit = false
    /// A data-path trace shown in the table pane and on the diagram; recomputed when the tables change.
    public internal(set) var trace: (from: String, to: IPv4Address)?
    public var dataPath: DataPath? { trace.flatMap { result.dataPath(from: $0.from, to: $0.to) } }

    /// A guided lesson in progress, shown in its pane beside or below the table.
    public internal(set) var lesson: LessonProgress?
    /// The lesson left with Esc (or when `:open` replaced its topology): `L` resumes it at its step.
    public internal(set) var pausedLesson: LessonProgress?

    /// Step-through of the last change, when on.
    public internal(set) var stepMode: StepMode?
    /// The rows of the table pane, rebuilt when the selection, tab, filter or result changes.
    public internal(set) var table: TableModel = TableModel(rows: [])

    public init(topology: Topology, source: String, settings: Settings? = nil, width: Int, height: Int,
                glyphs: Glyphs = .unicode, mouseEnabled: Bool = true, presenter: Bool = false,
                document: TopologyDocument? = nil, isFile: Bool = false, allowEdits: Bool = false) throws(UnknownDownEntry) {
        self.topology = document?.topology ?? topology
        self.document = document
        savedText = document?.text
        self.isFile = isFile && document != nil
        self.allowEdits = allowEdits
        let topology = self.topology
        self.source = source
        let settings = settings ?? Settings(of: topology)
        self.settings = settings
        result = try Engine.compute(topology, settings: settings)
        selection = topology.nvas.first?.name ?? topology.vpnGateway?.name ?? topology.routeServer?.name ?? topology.hub.name
        self.width = width
        self.height = height
        self.glyphs = glyphs
        self.mouseEnabled = mouseEnabled
        self.presenter = presenter
        rebuildTable()
    }

    // MARK: changes

    var snapshot: Snapshot { Snapshot(topology: topology, document: document, settings: settings) }

    /// Recomputes every table under new settings and records what changed (marks and change log).
    mutating func apply(_ next: Settings, because reason: String, recordUndo: Bool = true) {
        guard next != settings else { return }
        apply(Snapshot(topology: topology, document: document, settings: next), because: reason, recordUndo: recordUndo)
    }

    /// Recomputes every table for a new topology and switches (a toggle, an edit, a reload, undo) and
    /// records what changed: the marks, the change log, one undo history.
    @discardableResult
    mutating func apply(_ next: Snapshot, because reason: String, recordUndo: Bool = true) -> Bool {
        if stepMode != nil { leaveStepMode() }
        guard let nextResult = try? Engine.compute(next.topology, settings: next.settings, reusing: result) else {
            message = Message(text: "cannot apply: a down entry names nothing in this topology", isError: true)
            return false
        }
        if recordUndo {
            undoStack.append(snapshot)
            redoStack.removeAll()
        }
        let wasWaiting = lesson?.isWaiting(settings) ?? false
        let diff = result.diff(to: nextResult)
        previous = result
        changes = diff
        settings = next.settings
        if next.topology != topology {
            previousTopology = topology
            topology = next.topology
        } else {
            previousTopology = nil
        }
        document = next.document
        result = nextResult
        if selectableNames.firstIndex(of: selection) == nil {
            selection = topology.nvas.first?.name ?? topology.vpnGateway?.name ?? topology.routeServer?.name ?? topology.hub.name
            if !tabs.contains(tab) { tab = tabs[0] }
        }
        log.append(contentsOf: LogEntry.entries(for: diff, because: reason))
        if log.count > 500 { log.removeFirst(log.count - 500) }
        logScroll = 0
        message = Message(text: "\(reason): \(LogEntry.summary(of: diff))", isError: false, isChange: true)
        rebuildTable()
        noteLessonAfterChange(wasWaiting: wasWaiting)
        return true
    }

    /// Replaces the topology (`:open`), keeping nothing of the old one but the window.
    mutating func replace(topology next: Topology, source: String, document: TopologyDocument? = nil, isFile: Bool = false) {
        guard let nextResult = try? Engine.compute(next) else {
            message = Message(text: "\(source): a down entry names nothing in this topology", isError: true)
            return
        }
        // Step-through and a lesson belong to the topology they started on.
        stepMode = nil
        if lesson != nil { pausedLesson = lesson }
        lesson = nil
        topology = next
        self.source = source
        self.document = document
        savedText = document?.text
        self.isFile = isFile && document != nil
        fileErrors = []
        form = nil
        settings = Settings(of: next)
        result = nextResult
        previous = nil
        changes = nil
        previousTopology = nil
        undoStack.removeAll()
        redoStack.removeAll()
        log.append(LogEntry(text: "opened \(source)", kind: .heading))
        selection = next.nvas.first?.name ?? next.vpnGateway?.name ?? next.routeServer?.name ?? next.hub.name
        rowCursor = 0
        rowScroll = 0
        message = Message(text: "opened \(source)", isError: false)
        rebuildTable()
    }

    /// Shows another result (a step of a replay) with its own marks.
    mutating func showResult(_ shown: RoutingResult, previous before: RoutingResult?, changes diff: ResultDiff?) {
        result = shown
        previous = before
        changes = diff
        rebuildTable()
    }

    /// The same state showing another result without marks, its table not rebuilt (the "before" of `v`).
    func unmarked(showing shown: RoutingResult) -> ExplorerState {
        var copy = self
        copy.result = shown
        copy.previous = nil
        copy.changes = nil
        return copy
    }

    mutating func rebuildTable() {
        table = TableModel.build(for: self)
        rowCursor = min(rowCursor, max(0, table.rows.count - 1))
        if rowCursor < table.rows.count, !table.rows[rowCursor].isSelectable {
            rowCursor = table.rows.firstIndex(where: \.isSelectable) ?? 0
        }
        // Fewer rows than before (a toggle, a filter) must not leave the window scrolled past them.
        keepCursorVisible()
    }

    /// Names of everything that can be selected: BGP nodes, then the hub and its spokes, then their
    /// subnets (chosen from the VNet's table or with `:node`, R22).
    public var selectableNames: [String] {
        result.nodes.map(\.name) + result.network.virtualNetworks.map(\.name)
            + result.network.virtualNetworks.flatMap { $0.subnets.map(\.name) }
    }

    public var selectedNode: Node? { result.node(named: selection) }
    /// The selected VNet, or the VNet of the selected subnet.
    public var selectedVNet: VirtualNetwork? { result.virtualNetwork(named: selection)?.vnet }
    public var selectedSubnet: Subnet? { result.virtualNetwork(named: selection)?.subnet }
    /// The diagram's box for the selection: a subnet is drawn as part of its VNet.
    public var diagramSelection: String { selectedSubnet != nil ? selectedVNet?.name ?? selection : selection }

    /// The tabs that apply to the selection.
    public var tabs: [Tab] {
        if selectedVNet != nil { return [.effective] }
        switch selectedNode?.kind {
        case .routeServer?, .expressRouteGateway?, .vpnGateway?: return [.learned, .advertised, .azure, .sessions, .summary]
        default: return [.learned, .advertised, .sessions, .summary]
        }
    }

    /// Edits not yet written to the file (`[+]` in the title bar).
    public var isDirty: Bool { document.map { $0.text != savedText } ?? false }

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }
}

/// A line of the change log.
public struct LogEntry: Equatable, Sendable {
    public enum Kind: Sendable { case heading, added, removed, changed, session }
    public let text: String
    public let kind: Kind

    /// "0 route changes, 0 session changes, 2 effective route changes": the status line after a change.
    static func summary(of diff: ResultDiff) -> String {
        "\(counted(diff.routeChangeCount, "route change")), \(counted(diff.sessions.count, "session change")), "
            + counted(diff.effectiveRoutes.count, "effective route change")
    }

    /// "sdwan: +10.2.0.0/16 via route-server [65515 12076 65020]", one per node and prefix; then what
    /// VMs now use: "hub-vnet VMs: 10.2.0.0/16 now via VirtualNetworkGateway 10.0.2.4 (was …)".
    static func entries(for diff: ResultDiff, because reason: String) -> [LogEntry] {
        var entries = [LogEntry(text: "── \(reason) ──", kind: .heading)]
        for change in diff.sessions {
            let state = change.after.isUp ? "up" : "down (\(change.after.reason ?? ""))"
            entries.append(LogEntry(text: "\(change.between.0) — \(change.between.1): \(state)", kind: .session))
        }
        // Lines are built per group of prefixes that changed alike: no route is expanded for the log.
        var written = 0
        for group in diff.groups where written < 2000 {
            let sign = DiffReport.sign(of: group.kind, before: group.before, after: group.after)
            let tail = DiffReport.describe(group.kind, before: group.before, after: group.after, counting: false)
            let kind: Kind = switch sign {
            case "+": .added
            case "-": .removed
            default: .changed
            }
            for prefix in group.prefixes.prefix(2000 - written) {
                entries.append(LogEntry(text: "\(group.node): \(sign)\(prefix)\(tail)", kind: kind))
            }
            written += min(group.prefixes.count, 2000 - written)
        }
        if diff.routeChangeCount > 2000 {
            entries.append(LogEntry(text: "… and \(counted(diff.routeChangeCount - 2000, "more route change"))", kind: .heading))
        }
        for change in diff.effectiveRoutes.prefix(2000) {
            let kind: Kind = change.before == nil ? .added : (change.after == nil ? .removed : .changed)
            entries.append(LogEntry(text: DiffReport.effectiveLine(change), kind: kind))
        }
        if diff.effectiveRoutes.count > 2000 {
            entries.append(LogEntry(text: "… and \(counted(diff.effectiveRoutes.count - 2000, "more effective route change"))", kind: .heading))
        }
        if diff.isEmpty { entries.append(LogEntry(text: "no change", kind: .heading)) }
        return entries
    }
}
