import RoutingEngine
import TopologyFile

/// The one place the explorer's state changes. Returns the side effects to run (file reads).
@discardableResult
public func update(_ state: inout ExplorerState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .resize(let width, let height):
        state.width = max(1, width)
        state.height = max(1, height)
        state.keepCursorVisible()
    case .terminate:
        state.shouldQuit = true
    case .tick(let now):
        state.tick(now)
    case .opened(let topology, let source):
        state.replace(topology: topology, source: source)
    case .openedDocument(let document, let source, let isFile):
        state.replace(topology: document.topology, source: source, document: document, isFile: isFile)
    case .openFailed(let text), .writeFailed(let text):
        state.message = .init(text: text, isError: true)
    case .wrote(let text):
        state.message = .init(text: text, isError: false)
    case .saved(let path, let text, let opens):
        state.saved(path: path, text: text, opens: opens)
    case .fileChanged(let text):
        state.reload(text)
    case .lessonFileChanged(let lesson, let topology):
        state.reloadLesson(lesson, topology: topology)
    case .lessonOpened(let lesson, let topology):
        state.startLesson(lesson, topology: topology)
    case .click(let x, let y):
        state.click(x: x, y: y)
    case .scroll(let up):
        state.moveRow(by: up ? -3 : 3)
    case .key(let key):
        return state.handle(key)
    }
    return []
}

extension ExplorerState {
    // MARK: switches

    mutating func toggleRouteExchange() {
        guard topology.routeServer != nil else { return fail("this topology has no Route Server: nothing to exchange") }
        var next = settings
        next.routeExchange.toggle()
        apply(next, because: "route exchange \(next.routeExchange ? "on" : "off")")
    }

    mutating func toggleActiveActive() {
        guard let activeActive = settings.vpnActiveActive else { return fail("this topology has no VPN gateway") }
        var next = settings
        next.vpnActiveActive = !activeActive
        apply(next, because: "VPN active/active \(activeActive ? "off" : "on")")
    }

    mutating func cyclePreference() {
        guard topology.routeServer != nil else { return fail("hub routing preference is a Route Server setting; there is none") }
        let all = HubRoutingPreference.allCases
        var next = settings
        next.hubRoutingPreference = all[(all.firstIndex(of: settings.hubRoutingPreference)! + 1) % all.count]
        apply(next, because: "preference \(next.hubRoutingPreference.rawValue)")
    }

    mutating func toggleDown(_ name: String) {
        guard result.network.speakers(named: name) != nil || Network.sessionEnds(name) != nil else {
            return fail("\(name) is a virtual network: only BGP nodes, instances and sessions go down")
        }
        var next = settings
        let wasDown = next.down.contains(name)
        if wasDown { next.down.remove(name) } else { next.down.insert(name) }
        apply(next, because: "\(name) \(wasDown ? "up" : "down")")
    }

    mutating func undo() {
        guard let last = undoStack.popLast() else { return fail("nothing to undo") }
        redoStack.append(snapshot)
        apply(last, because: "undo", recordUndo: false)
    }

    mutating func redo() {
        guard let next = redoStack.popLast() else { return fail("nothing to redo") }
        undoStack.append(snapshot)
        apply(next, because: "redo", recordUndo: false)
    }

    mutating func fail(_ text: String) { message = .init(text: text, isError: true) }

    /// The clock moved: presenter mode's banner for a change goes after a few seconds.
    mutating func tick(_ now: Double) {
        clock = now
        if let message, message.isChange, presenter, now - messageTime >= Self.bannerSeconds { self.message = nil }
    }

    /// `<` `>`: sideways, never past the widest row on screen.
    mutating func scrollColumns(by step: Int) {
        let hidden = ScreenLayout.make(self).table.map { TablePaneView.hiddenColumns(self, in: $0) } ?? 0
        columnScroll = max(0, min(hidden, columnScroll + step))
        if step > 0 && hidden == 0 { message = .init(text: "every column fits: nothing to scroll", isError: false) }
    }

    // MARK: navigation

    mutating func move(dx: Int, dy: Int) {
        switch focus {
        case .diagram:
            let layout = DiagramLayout.make(topology, width: width, tall: height >= 40)
            if let next = layout.neighbor(of: diagramSelection, dx: dx, dy: dy) { select(node: next) }
        case .table:
            if dy != 0 { moveRow(by: dy) } else { cycleTab(by: dx) }
        case .log where lesson != nil:
            if dy != 0 { scrollLesson(by: dy) }
        case .log:
            if dy != 0 { logScroll = max(0, min(max(0, log.count - 1), logScroll + dy)) }
        }
    }

    mutating func select(node name: String) {
        guard selection != name else { return }
        selection = name
        rowCursor = 0
        rowScroll = 0
        columnScroll = 0
        if !tabs.contains(tab) { tab = tabs[0] }
        rebuildTable()
    }

    mutating func select(tab next: Tab) {
        guard tabs.contains(next), next != tab else { return }
        tab = next
        rowCursor = 0
        rowScroll = 0
        columnScroll = 0
        rebuildTable()
    }

    mutating func cycleTab(by step: Int) {
        let current = tabs.firstIndex(of: tab) ?? 0
        select(tab: tabs[(current + step + tabs.count) % tabs.count])
    }

    /// Moves the cursor over selectable rows (those about a prefix), keeping it on screen.
    mutating func moveRow(by step: Int) {
        let rows = table.rows
        guard !rows.isEmpty else { return }
        guard rows.contains(where: \.isSelectable) else {
            // Nothing to select (a trace, a lesson, the Sessions and Azure tabs): move the window.
            rowScroll = max(0, min(rows.count - 1, rowScroll.addingReportingOverflow(step).partialValue))
            rowCursor = rowScroll
            if focus == .diagram { focus = .table }
            return
        }
        var index = max(0, min(rows.count - 1, rowCursor.addingReportingOverflow(step).partialValue))
        let direction = step < 0 ? -1 : 1
        while index >= 0 && index < rows.count && !rows[index].isSelectable { index += direction }
        if index < 0 || index >= rows.count { index = rows.firstIndex(where: \.isSelectable).map { step < 0 ? $0 : (rows.lastIndex(where: \.isSelectable) ?? $0) } ?? 0 }
        rowCursor = index
        if focus == .diagram { focus = .table }
        keepCursorVisible()
    }

    mutating func scrollPage(_ direction: Int) {
        if focus == .log, lesson != nil {
            scrollLesson(by: direction * max(1, (ScreenLayout.make(self).lesson?.height ?? 3) - 2))
        } else if focus == .log {
            logScroll = max(0, min(max(0, log.count - 1), logScroll + direction * max(1, tableHeight)))
        } else {
            moveRow(by: direction * max(1, tableHeight - 1))
        }
    }

    var tableHeight: Int { ScreenLayout.make(self).table?.height ?? 0 }

    mutating func keepCursorVisible() {
        let visible = max(1, tableHeight)
        if rowCursor < rowScroll { rowScroll = rowCursor }
        if rowCursor >= rowScroll + visible { rowScroll = rowCursor - visible + 1 }
        // Show the headings above the first row when scrolled to the top of the table.
        if let first = table.rows.firstIndex(where: \.isSelectable), rowCursor == first { rowScroll = 0 }
        rowScroll = max(0, min(rowScroll, max(0, table.rows.count - visible)))
    }

    mutating func setFilter(_ text: String) {
        filter = text
        rowCursor = 0
        rowScroll = 0
        rebuildTable()
    }

    mutating func openDetail() {
        if focus == .diagram {
            focus = .table
            return
        }
        if focus == .table, rowCursor < table.rows.count, let subnet = table.rows[rowCursor].subnet { return select(node: subnet) }
        guard focus == .table, rowCursor < table.rows.count, let prefix = table.rows[rowCursor].prefix else { return }
        // A VNet's effective route opens "why do VMs use this route".
        overlay = .detail(node: selection, prefix: prefix)
        overlayScroll = 0
    }

    // MARK: mouse

    mutating func click(x: Int, y: Int) {
        guard mouseEnabled else { return }
        let layout = ScreenLayout.make(self)
        if layout.diagramArea.contains(x: x, y: y) {
            let diagramY = y - layout.diagramArea.y + layout.diagramOffset
            if let box = layout.diagram.boxes.first(where: { $0.rect.contains(x: x, y: diagramY) }) {
                focus = .diagram
                select(node: box.name)
            }
        } else if let hit = layout.tabs.first(where: { $0.rect.contains(x: x, y: y) }) {
            select(tab: hit.tab)
        } else if let table = layout.table, table.contains(x: x, y: y) {
            focus = .table
            let index = rowScroll + (y - table.y)
            if index < self.table.rows.count, self.table.rows[index].isSelectable { rowCursor = index }
        } else if let log = layout.log, log.contains(x: x, y: y) {
            focus = .log
        } else if let pane = layout.lesson, pane.contains(x: x, y: y) {
            focus = .log
        }
    }

    mutating func run(_ command: Result<ColonCommand, ColonCommand.ParseError>) -> [Effect] {
        switch command {
        case .failure(let error):
            fail(error.message)
        case .success(.edit(let edit)):
            self.edit(edit)
        case .success(let parsed) where presenter && !(Keymap.command(verb: parsed.verb)?.inPresenter ?? true):
            fail("presenter mode does not run :\(parsed.verb) (it opens or writes files); start without --present")
        case .success(.quit):
            if isDirty { confirmingQuit = true } else { shouldQuit = true }
        case .success(.forceQuit):
            shouldQuit = true
        case .success(.save):
            guard let document, isFile else {
                fail(document == nil ? "nothing to save: this topology has no file text" : "\(source) is bundled: :saveas FILE saves a copy to edit")
                break
            }
            return [.saveDocument(path: source, text: document.text, opens: false)]
        case .success(.saveAs(let path)):
            guard let document else { return [.saveScenario(path: path, topology: topology, settings: settings)] }
            return [.saveDocument(path: path, text: document.text, opens: true)]
        case .success(.node(let name)):
            if selectableNames.contains(name) {
                focus = .diagram
                select(node: name)
            } else {
                fail("no node named '\(name)'\(ColonCommand.suggestion(for: name, in: selectableNames))")
            }
        case .success(.open(let path)):
            return [.open(path: path)]
        case .success(.write(let path)):
            return [.saveScenario(path: path, topology: topology, settings: settings)]
        case .success(.export(let path)):
            guard ["txt", "md", "json", "svg", "dot"].contains(path.split(separator: ".").last.map(String.init) ?? "") else {
                fail("export to FILE.txt, .md, .json, .svg or .dot")
                break
            }
            return [.export(path: path)]
        case .success(.lesson(let name)):
            return [.openLesson(name)]
        case .success(.trace(let address)):
            trace = (selection, address)
            focus = .table
            rowCursor = 0
            rowScroll = 0
            rebuildTable()
            let arrives = dataPath?.isComplete == true
            message = .init(text: arrives ? "every branch arrives · Esc clears the trace"
                                          : "a branch does not arrive (✗ or ↻) · Esc clears the trace", isError: !arrives)
        case .success(.set(let change)):
            var next = settings
            switch change {
            case .routeExchange(let on):
                guard topology.routeServer != nil else { fail("this topology has no Route Server"); break }
                next.routeExchange = on
            case .activeActive(let on):
                guard settings.vpnActiveActive != nil else { fail("this topology has no VPN gateway"); break }
                next.vpnActiveActive = on
            case .preference(let preference):
                next.hubRoutingPreference = preference
            }
            apply(next, because: "set \(change.description)")
        case .success(.down(let name, let down)):
            // The one check the file's `down` and `--down` use.
            if let problem = DownVocabulary(topology).problem(with: name, in: down ? ":down" : ":up") {
                fail("\(problem.message) — \(problem.hint)")
                break
            }
            if settings.down.contains(name) != down { toggleDown(name) }
        }
        return []
    }
}
