import Explorer
import Foundation
import RoutingEngine
import Testing
import TopologyFile

/// Issue 12's one validation path: a bad value gets the same message and hint from the file, the
/// command line's flags, the explorer's `:` commands and its `E` form.
@Suite("One validation path: the file, the flags, the : commands and the form refuse with the same words")
struct OneValidationPathTests {
    /// The bundled sdwan-er as a file with one line changed, and what `check` says of it.
    func fileRefusal(replacing from: String, with to: String) throws -> (message: String, hint: String) {
        let text = try BundledTopologies.document(named: "sdwan-er").text
        #expect(text.contains(from))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("one-path-\(UUID().uuidString).yaml")
        try text.replacingOccurrences(of: from, with: to).write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let check = try Binary.run(["check", url.path])
        #expect(check.status == 1)
        let lines = check.stderr.split(separator: "\n").map(String.init)
        let first = try #require(lines.first { $0.hasPrefix(url.path + ":") })
        // `FILE:LINE:COLUMN: message`, then `  hint: …`.
        let message = first.split(separator: ":", maxSplits: 3).dropFirst(3).joined().trimmingCharacters(in: .whitespaces)
        let hint = try #require(lines.first { $0.hasPrefix("  hint: ") }).dropFirst("  hint: ".count)
        return (message, String(hint))
    }

    func explorer() throws -> ExplorerState {
        let document = try BundledTopologies.document(named: "sdwan-er")
        return try ExplorerState(topology: document.topology, source: "sdwan-er", width: 120, height: 40, document: document)
    }

    @Test("hub routing preference 'Fastest': check, --preference, :set preference, :set route-server preference and the form")
    func preference() throws {
        let file = try fileRefusal(replacing: "hubRoutingPreference: ExpressRoute", with: "hubRoutingPreference: Fastest")
        #expect(file.message == "unknown hubRoutingPreference 'Fastest'")
        let words = "\(file.message) — \(file.hint)"

        let flag = try Binary.run(["routes", "sdwan-er", "--preference", "Fastest"])
        #expect(flag.status == 64)
        #expect(flag.stderr.contains("--preference: \(file.message)\n  hint: \(file.hint)\n"), "\(flag.stderr)")

        for command in ["set preference Fastest", "set route-server preference Fastest"] {
            var state = try explorer()
            for key in ":\(command)" { update(&state, .key(.char(key))) }
            update(&state, .key(.enter))
            #expect(state.message?.text == words, ":\(command)")
            #expect(state.settings == Settings(of: state.topology) && !state.isDirty, ":\(command) changes nothing")
        }

        var form = try explorer()
        let box = try #require(view(form).lines.enumerated().lazy.compactMap { y, line in
            line.range(of: "route-server").map { (x: line.distance(from: line.startIndex, to: $0.lowerBound), y: y) }
        }.first)
        update(&form, .click(x: box.x, y: box.y))
        #expect(form.selection == "route-server")
        update(&form, .key(.char("E")))
        let fields = try #require(form.form?.fields.map(\.name))
        let index = try #require(fields.firstIndex(of: "preference"))
        for _ in 0..<index { update(&form, .key(.tab)) }
        for _ in 0..<30 { update(&form, .key(.backspace)) }
        for key in "Fastest" { update(&form, .key(.char(key))) }
        update(&form, .key(.enter))
        #expect(form.message?.text == words, "the form")
        #expect(form.topology == (try explorer()).topology)
    }

    @Test("a down entry naming nothing: the file's down:, --down and :down")
    func down() throws {
        let file = try fileRefusal(replacing: "\nhub:", with: "\ndown: [sdwam]\nhub:")
        let flag = try Binary.run(["routes", "sdwan-er", "--down", "sdwam"])
        #expect(flag.status == 64)
        var state = try explorer()
        for key in ":down sdwam" { update(&state, .key(.char(key))) }
        update(&state, .key(.enter))
        // Each says where the name was written (`down`, `--down`, `:down`); the rest is the same words.
        #expect(file.message == "'sdwam' in down names no node")
        #expect(flag.stderr.contains("'sdwam' in --down names no node\n  hint: \(file.hint)\n"), "\(flag.stderr)")
        #expect(state.message?.text.contains("'sdwam' in :down names no node") == true, "\(state.message?.text ?? "")")
        #expect(state.message?.text.contains(file.hint) == true, "\(state.message?.text ?? "")")
        #expect(state.settings.down.isEmpty)
    }
}
