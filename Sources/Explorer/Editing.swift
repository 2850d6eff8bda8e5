import RoutingEngine
import TopologyFile

extension ExplorerState {
    /// Whether edits are allowed here: not in presenter mode unless started with `--allow-edits`.
    var editsAllowed: Bool { !presenter || allowEdits }

    static let presenterEditRefusal = "presenter mode does not edit the network; start with --present --allow-edits"

    /// An edit, made like a toggle: the text changes at the recorded places, the same loader reads it
    /// (a refusal is the file's, word for word, and changes nothing), the tables recompute, rows are
    /// marked, the change log and the one undo history get it.
    @discardableResult
    mutating func edit(_ edit: TopologyEdit) -> Bool {
        guard editsAllowed else {
            fail(Self.presenterEditRefusal)
            return false
        }
        guard let document else {
            fail("this topology has no file text to edit; :open a topology file")
            return false
        }
        let summary = edit.summary(in: document)
        switch edit.apply(to: document) {
        case .failure(let refusal):
            fail(refusal.description)
            return false
        case .success(let edited):
            let next = Snapshot(topology: edited.topology, document: edited,
                                settings: carried(settings, from: topology, to: edited.topology))
            return apply(next, because: "edit: \(summary)")
        }
    }

    /// The switches after the topology changed under them: a switch the file now sets differently takes
    /// the file's value, the others stay as flipped; down entries that name nothing any more are dropped.
    func carried(_ settings: Settings, from old: Topology, to new: Topology) -> Settings {
        let before = Settings(of: old), after = Settings(of: new)
        var next = settings
        if before.routeExchange != after.routeExchange || new.routeServer == nil { next.routeExchange = after.routeExchange }
        if before.hubRoutingPreference != after.hubRoutingPreference || new.routeServer == nil {
            next.hubRoutingPreference = after.hubRoutingPreference
        }
        if before.vpnActiveActive != after.vpnActiveActive || (old.vpnGateway == nil) != (new.vpnGateway == nil) {
            next.vpnActiveActive = after.vpnActiveActive
        }
        next.down = next.down.subtracting(before.down.subtracting(after.down)).union(after.down.subtracting(before.down))
        let nodes = Set(Self.nodeNames(of: new))
        next.down = next.down.filter { entry in
            entry.components(separatedBy: "--").allSatisfy { nodes.contains(String($0.split(separator: "#").first ?? "")) }
        }
        if !next.down.isEmpty, (try? Network(topology: new, settings: next)) == nil { next.down = after.down }
        return next
    }

    static func nodeNames(of topology: Topology) -> [String] {
        [topology.routeServer?.name, topology.expressRouteGateway?.name, topology.vpnGateway?.name].compactMap { $0 }
            + topology.nvas.map(\.name) + (topology.expressRouteGateway?.circuits.map(\.name) ?? []) + topology.sites.map(\.name)
    }

    // MARK: the file on disk

    /// The watched file changed on disk: load it like an edit ("reload: …"), keeping the switches,
    /// selection and undo that still apply; a text that does not load shows every refusal and keeps
    /// the last good network.
    mutating func reload(_ text: String) {
        guard isFile else { return }
        if text == document?.text {
            savedText = text
            if !fileErrors.isEmpty {
                fileErrors = []
                message = .init(text: "reload: \(source) loads again, as it was: nothing changed", isError: false)
            }
            return
        }
        do {
            let loaded = try TopologyLoader.document(text, file: source)
            let hadErrors = !fileErrors.isEmpty
            fileErrors = []
            savedText = text
            let next = Snapshot(topology: loaded.topology, document: loaded,
                                settings: carried(settings, from: topology, to: loaded.topology))
            if apply(next, because: "reload: \(source)"), hadErrors {
                message = .init(text: (message?.text ?? "") + " (the file loads again)", isError: false)
            }
        } catch {
            fileErrors = error.errors
            message = .init(text: "\(source) does not load (\(error.errors.count) error\(error.errors.count == 1 ? "" : "s"), "
                                  + "listed below): the last good network stays", isError: true)
        }
    }

    /// The lesson file changed on disk: the lesson in progress goes on from the same step (or its last),
    /// with the step's switches applied as on entering it.
    mutating func reloadLesson(_ next: Lesson, topology lessonTopology: Topology) {
        guard let current = lesson else { return }
        let step = min(current.step, max(0, next.steps.count - 1))
        startLesson(next, topology: lessonTopology, at: step)
        message = .init(text: "reload: lesson \(next.name), step \(step + 1) of \(next.steps.count)", isError: false)
    }

    /// The answer to a `.saveDocument` effect: `:w` marks the edits saved; `:saveas` makes the copy the opened file.
    mutating func saved(path: String, text: String, opens: Bool) {
        if opens && path != source {
            if let renamed = try? document?.renamed(path) { document = renamed }
            source = path
            isFile = true
        }
        if path == source { savedText = text }
        message = .init(text: "wrote \(path)", isError: false)
    }
}
