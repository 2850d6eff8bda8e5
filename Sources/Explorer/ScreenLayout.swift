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
    let table: Rect?
    let log: Rect?
    let messageLine: Int
    let statusLine: Int

    static func == (a: ScreenLayout, b: ScreenLayout) -> Bool {
        a.diagramArea == b.diagramArea && a.diagramOffset == b.diagramOffset && a.table == b.table && a.log == b.log
    }

    static func make(_ state: ExplorerState) -> ScreenLayout {
        let width = state.width, height = state.height
        let diagram = DiagramLayout.make(state.topology, width: width, tall: height >= 40)
        // The diagram takes what it needs, up to about half the screen; it scrolls to the selection.
        let room = height - (state.presenter ? 5 : 4)
        let diagramHeight = min(diagram.height, max(6, room / 2))
        var offset = 0
        if let box = diagram.box(named: state.selection), box.rect.maxY > diagramHeight {
            offset = min(box.rect.y, box.rect.maxY - diagramHeight)
        }
        let diagramArea = Rect(x: 0, y: 1, width: width, height: diagramHeight)
        let tabBar = Rect(x: 0, y: diagramArea.maxY, width: width, height: 1)
        // Presenter mode gives the status two rows.
        let bottom = state.presenter ? 3 : 2
        let lower = Rect(x: 0, y: tabBar.maxY, width: width, height: height - bottom - tabBar.maxY)

        var table: Rect?, log: Rect?
        if width >= 140 {
            let logWidth = width * 2 / 5
            table = Rect(x: 0, y: lower.y, width: width - logWidth - 1, height: lower.height)
            log = Rect(x: width - logWidth, y: lower.y, width: logWidth, height: lower.height)
        } else if lower.height >= 16 {
            let logHeight = min(8, lower.height / 3)
            table = Rect(x: 0, y: lower.y, width: width, height: lower.height - logHeight)
            log = Rect(x: 0, y: lower.y + lower.height - logHeight, width: width, height: logHeight)
        } else if state.focus == .log {
            log = lower
        } else {
            table = lower
        }
        return ScreenLayout(diagram: diagram, diagramArea: diagramArea, diagramOffset: offset, tabBar: tabBar,
                            tabs: tabPositions(state, bar: tabBar), table: table, log: log,
                            messageLine: height - bottom, statusLine: height - bottom + 1)
    }

    /// The tab bar: the selection's name, then each tab's label.
    static func tabLabel(_ tab: ExplorerState.Tab, index: Int) -> String { " \(index + 1) \(tab.title) " }

    /// The selection's name and kind; only its name when the tabs would not fit beside both.
    static func selectionLabel(_ state: ExplorerState) -> String {
        let kind = state.selectedNode?.kind.displayName ?? "virtual network"
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
