/// Where the panes go at a given size. `view` draws into these rectangles and `update` hit-tests
/// clicks against them, so both always agree.
struct ScreenLayout: Equatable {
    static let minimumWidth = 60
    static let minimumHeight = 16

    let diagram: DiagramLayout
    /// The visible part of the diagram and the first diagram row it shows.
    let diagramArea: Rect
    let diagramOffset: Int
    let tabBar: Rect
    /// Each tab's cells on the tab bar.
    let tabs: [(tab: ExplorerState.Tab, rect: Rect)]
    /// The table's rows, and below them its footer: the row counter, the filter or trace, and
    /// how many columns are hidden to either side (it never sits on the rows).
    let table: Rect?
    let tableFooter: Rect?
    let log: Rect?
    /// The lesson pane, during a lesson: beside the table on wide terminals, below it on narrow ones.
    let lesson: Rect?
    let messageLine: Int
    /// The first status row; the status takes `statusRows` rows from there.
    let statusLine: Int
    let statusRows: Int

    static func == (a: ScreenLayout, b: ScreenLayout) -> Bool {
        a.diagramArea == b.diagramArea && a.diagramOffset == b.diagramOffset && a.table == b.table && a.log == b.log
            && a.tableFooter == b.tableFooter && a.statusLine == b.statusLine && a.lesson == b.lesson
    }

    static func make(_ state: ExplorerState) -> ScreenLayout {
        let width = state.width, height = state.height
        let diagram = DiagramLayout.make(state.topology, width: width, tall: height >= 40)
        // Below the tables: the message line (presenter mode's banner starts there), then the status.
        let statusRows = StatusLine.rowCount(state)
        let bottom = 1 + statusRows
        // The diagram takes what it needs, up to about half the screen; it scrolls to the selection.
        let room = height - 2 - bottom
        // A lesson needs room for its pane: the diagram then takes a third.
        let diagramHeight = min(diagram.height, max(6, room / (state.lesson == nil ? 2 : 3)))
        var offset = 0
        if let box = diagram.box(named: state.selection), box.rect.maxY > diagramHeight {
            offset = min(box.rect.y, box.rect.maxY - diagramHeight)
        }
        let diagramArea = Rect(x: 0, y: 1, width: width, height: diagramHeight)
        let tabBar = Rect(x: 0, y: diagramArea.maxY, width: width, height: 1)
        let lower = Rect(x: 0, y: tabBar.maxY, width: width, height: height - bottom - tabBar.maxY)

        var tableArea: Rect?, log: Rect?, lesson: Rect?
        if state.lesson != nil {
            (tableArea, lesson, log) = lessonPanes(lower)
        } else if width >= 140 {
            // Side by side: the table takes the room its rows need (long AS paths), the log keeps 40 columns.
            let needed = TablePaneView.widestRow(state, rows: max(1, lower.height - 1)) + 2
            let tableWidth = max(width * 3 / 5 - 1, min(needed, width - 41))
            tableArea = Rect(x: 0, y: lower.y, width: tableWidth, height: lower.height)
            log = Rect(x: tableWidth + 1, y: lower.y, width: width - tableWidth - 1, height: lower.height)
        } else if lower.height >= 16 {
            let logHeight = min(8, lower.height / 3)
            tableArea = Rect(x: 0, y: lower.y, width: width, height: lower.height - logHeight)
            log = Rect(x: 0, y: lower.y + lower.height - logHeight, width: width, height: logHeight)
        } else if state.focus == .log {
            log = lower
        } else {
            tableArea = lower
        }
        // A watched file that stopped loading lists its errors in the change log's pane; where there is
        // none (a small terminal, a narrow lesson) they take the table's place until the file is fixed.
        if !state.fileErrors.isEmpty, log == nil, let area = tableArea {
            log = area
            tableArea = nil
        }
        let table = tableArea.map { Rect(x: $0.x, y: $0.y, width: $0.width, height: $0.height - 1) }
        let footer = tableArea.map { Rect(x: $0.x, y: $0.maxY - 1, width: $0.width, height: 1) }
        return ScreenLayout(diagram: diagram, diagramArea: diagramArea, diagramOffset: offset, tabBar: tabBar,
                            tabs: tabPositions(state, bar: tabBar), table: table, tableFooter: footer, log: log, lesson: lesson,
                            messageLine: height - bottom, statusLine: height - statusRows, statusRows: statusRows)
    }

    /// During a lesson: wide, the lesson beside the table (the change log under it when tall enough);
    /// narrow, the lesson below the table in the change log's place.
    private static func lessonPanes(_ lower: Rect) -> (table: Rect, lesson: Rect, log: Rect?) {
        if lower.width >= 140 {
            let right = lower.width * 2 / 5
            let table = Rect(x: 0, y: lower.y, width: lower.width - right - 1, height: lower.height)
            let logHeight = lower.height >= 30 ? lower.height / 3 : 0
            let lesson = Rect(x: lower.width - right, y: lower.y, width: right, height: lower.height - logHeight)
            let log = logHeight > 0 ? Rect(x: lesson.x, y: lesson.maxY, width: right, height: logHeight) : nil
            return (table, lesson, log)
        }
        let lessonHeight = max(6, lower.height - max(5, lower.height * 2 / 5))
        return (Rect(x: 0, y: lower.y, width: lower.width, height: lower.height - lessonHeight),
                Rect(x: 0, y: lower.y + lower.height - lessonHeight, width: lower.width, height: lessonHeight), nil)
    }

    /// The tab bar: the selection's name, then each tab's label.
    static func tabLabel(_ tab: ExplorerState.Tab, index: Int) -> String { " \(index + 1) \(tab.title) " }

    /// The selection's name and kind; only its name when the tabs would not fit beside both.
    static func selectionLabel(_ state: ExplorerState) -> String {
        let kind: String
        if let node = state.selectedNode {
            kind = node.kind.displayName
        } else if state.selectedSubnet != nil, let vnet = state.selectedVNet {
            kind = "subnet of \(vnet.name)"
        } else {
            kind = "virtual network"
        }
        let full = " \(state.selection) · \(kind) "
        let tabs = state.tabs.enumerated().reduce(0) { $0 + displayWidth(tabLabel($1.element, index: $1.offset)) + 1 }
        return displayWidth(full) + 1 + tabs <= state.width ? full : " \(state.selection) "
    }

    private static func tabPositions(_ state: ExplorerState, bar: Rect) -> [(tab: ExplorerState.Tab, rect: Rect)] {
        var x = displayWidth(selectionLabel(state)) + 1
        return state.tabs.enumerated().map { index, tab in
            let label = tabLabel(tab, index: index)
            defer { x += displayWidth(label) + 1 }
            return (tab, Rect(x: x, y: bar.y, width: displayWidth(label), height: 1))
        }
    }
}
