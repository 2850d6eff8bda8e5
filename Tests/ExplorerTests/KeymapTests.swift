import Explorer
import Foundation
import RoutingEngine
import Testing
import TopologyFile

@Suite("Keymap: one table for dispatch, help, hints, presenter mode and the README")
struct KeymapTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../README.md").standardized

    @Test("the README's key table is the keymap's, row for row")
    func readmeTable() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let begin = "<!-- keymap:begin (generated from Sources/Explorer/Keymap.swift; KeymapTests checks it) -->\n"
        let end = "\n<!-- keymap:end -->"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) else {
            Issue.record("README.md lacks the keymap markers")
            return
        }
        let table = String(text[start.upperBound..<stop.lowerBound])
        #expect(table == Keymap.markdownTable(), "README key table differs from the keymap; it should read:\n\(Keymap.markdownTable())")
    }

    /// Every line help can show, scrolled from top to bottom with j at 80×24.
    func allHelp(_ name: String, presenter: Bool = false) throws -> String {
        // With its text, as the explorer opens every topology: the edit keys and commands show too.
        let document = try BundledTopologies.document(named: name)
        var state = try ExplorerState(topology: document.topology, source: name, width: 80, height: 24,
                                      presenter: presenter, document: document)
        state.press(.char("?"))
        var seen = Set<String>()
        var screens: [String] = []
        for _ in 0..<200 {
            let text = view(state).text
            if !seen.insert(text).inserted { break }
            screens.append(text)
            state.press(.char("j"))
        }
        #expect(state.overlay == .help, "j scrolls; it does not close help")
        return screens.joined(separator: "\n")
    }

    @Test("help scrolls with j at 80×24 until every key of the mode and every legend entry has shown; Esc and q close it")
    func helpReachable() throws {
        let text = try allHelp("vpn-er")
        var state = try explorer("vpn-er")
        for binding in Keymap.bindings where binding.modes.contains(.normal) {
            #expect(text.contains(binding.help.prefix(40)), "help never shows '\(binding.help)'")
        }
        for group in Legend.entries(.unicode) {
            for entry in group.entries { #expect(text.contains(entry.meaning.prefix(40)), "legend lacks \(entry.meaning)") }
        }
        state.press(.char("?"), .char("r"))
        #expect(state.overlay == .help && !state.settings.routeExchange, "keys under help do not reach the explorer")
        state.press(.escape)
        #expect(state.overlay == nil)
        state.press(.char("?"), .char("q"))
        #expect(state.overlay == nil && !state.shouldQuit, "q closes help without quitting")
    }

    @Test("help and the hint line show only what works here: no a without a VPN gateway, the lesson's keys in a lesson")
    func onlyWhatWorks() throws {
        let noVPN = try allHelp("sdwan-er")
        #expect(!noVPN.contains("VPN gateway active/active on / off"))
        #expect(!noVPN.contains(":set active-active"))
        #expect(try allHelp("vpn-er").contains("VPN gateway active/active on / off"))
        var state = try explorer("sdwan-er")
        #expect(view(state).text.contains("u undo · hjkl/arrows move · Tab pane · Enter details"))
        state.press(.char("s"))
        #expect(state.mode == .stepThrough)
        #expect(view(state).lines.contains { $0.contains("s/→ next · b/← back · g to the end · Esc leave") } || state.message != nil)
        state.press(.escape)
        #expect(state.mode == .normal)
    }

    @Test("presenter mode filters the same table: what writes or opens files is gone from help, the rest stays")
    func presenterFilter() throws {
        let text = try allHelp("sdwan-er", presenter: true)
        #expect(!text.contains("export the tables"))
        #expect(!text.contains(":open FILE") && !text.contains(":w FILE"))
        for kept in ["step through the last change", "trace from the selection", "a guided lesson", "the row's detail"] {
            #expect(text.contains(kept), "presenter help lacks \(kept)")
        }
        #expect(!text.contains(":add nva") && !text.contains("edit the selected node's properties"), "no edits in presenter mode")
        let document = try BundledTopologies.document(named: "sdwan-er")
        var allowed = try ExplorerState(topology: document.topology, source: "sdwan-er", width: 80, height: 24, presenter: true,
                                        document: document, allowEdits: true)
        allowed.press(.char("?"))
        let help = OverlayLines.all(allowed)
        #expect(help.contains(":add nva") && !help.contains(":open FILE"), "--allow-edits brings the edits back, not the files")
    }

    @Test("every : verb the parser knows is in the command table, and the table's verbs parse")
    func commandsDeclared() {
        let samples = ["node sdwan", "set route-exchange on", "set active-active off", "set preference ASPath", "down sdwan",
                       "up sdwan", "trace 10.2.1.1", "lesson route-exchange", "open x.yaml", "w x.yaml", "export x.md", "q",
                       "w", "saveas x.yaml", "q!", "set sdwan asn 65002", "add prefix sdwan 10.9.0.0/16", "del sdwan",
                       "attach on-prem-1 to sdwan", "detach on-prem-1 from sdwan", "delete prefix sdwan 10.9.0.0/16"]
        for sample in samples {
            guard case .success = ColonCommand.parse(sample) else { Issue.record("\(sample) does not parse"); continue }
            let verb = String(sample.split(separator: " ")[0])
            #expect(Keymap.commands.contains { $0.verbs.contains(verb) }, ":\(verb) is not in the keymap's command table")
        }
    }
}

/// Every line help shows, scrolled from top to bottom.
enum OverlayLines {
    static func all(_ state: ExplorerState) -> String {
        var state = state, seen = Set<String>(), screens: [String] = []
        for _ in 0..<200 {
            let text = view(state).text
            if !seen.insert(text).inserted { break }
            screens.append(text)
            state.press(.char("j"))
        }
        return screens.joined(separator: "\n")
    }
}
