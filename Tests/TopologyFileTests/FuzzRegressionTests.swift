import Foundation
import RoutingEngine
import Testing
import TopologyFile

/// Inputs the fuzz targets (Fuzz/, scripts/fuzz.sh) found wrong, minimised, with the right outcome.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    @Test("a position after a CR, NEL, LS or PS line break counts lines as libyaml does (was 1:2 for \"\\r\\0\")",
          arguments: ["\r", "\r\n", "\n", "\u{85}", "\u{2028}", "\u{2029}"])
    func controlCharacterAfterLineBreak(_ lineBreak: String) {
        let errors = refusals(of: "hub:\(lineBreak)\u{0}", file: "f.yaml")
        #expect(errors.map(located) == ["2:1: the file contains the control character U+0000, which YAML does not allow"])
    }

    @Test("a byte that is not UTF-8 after a CR or NEL line break is refused on the next line")
    func notUTF8AfterLineBreak() throws {
        for lineBreak in [[0x0D], [0xC2, 0x85]] as [[UInt8]] {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("routescope-not-utf8-\(getpid()).yaml").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(Array("hub:".utf8) + lineBreak + [0x61, 0xFF])))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let errors = refusals { try TopologyLoader.load(contentsOf: path) }
            #expect(errors.map(located) == ["2:2: the file is not UTF-8 text (byte 0xFF)"])
        }
    }

    @Test("the fuzzer's minimised input: CR then NUL")
    func carriageReturnNul() {
        #expect(refusals(of: "\r\0", file: "f.yaml").map(located)
            == ["2:1: the file contains the control character U+0000, which YAML does not allow"])
    }

    @Test("an alias key is refused in a file with CR LF line ends, even after a comment line")
    func aliasKeyWithCRLF() {
        let yaml = "# sites\r\nhub: {name: hub-vnet, addressSpace: &space [10.0.0.0/16]}\r\nsites:\r\n  - {name: x, *space: 1}\r\n"
        #expect(refusals(of: yaml).map(located) == ["4:15: an alias (*name) cannot be used as a key"])
    }

    @Test("an alias key is refused after a CR or NEL line break, where libyaml starts a new line",
          arguments: ["\r", "\u{85}"])
    func aliasKeyAfterOtherLineBreaks(_ lineBreak: String) {
        let yaml = "hub: &h {name: hub-vnet, addressSpace: [10.0.0.0/16]}\(lineBreak)*h: 1\n"
        #expect(refusals(of: yaml).map(located) == ["2:1: an alias (*name) cannot be used as a key"])
    }

    @Test("a billion laughs as a key in a CR LF file is refused before Yams expands it")
    func billionLaughsWithCRLF() {
        var lines = ["# ten to the ninth leaves", "hub: {name: hub-vnet, addressSpace: [10.0.0.0/16]}", "down:",
                     "  - &a0 [x, x, x, x, x, x, x, x, x, x]"]
        lines += (1...9).map { level in "  - &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]" }
        lines.append("*a9: 1")
        #expect(refusals(of: lines.joined(separator: "\r\n") + "\r\n").map(located)
            == ["\(lines.count):1: an alias (*name) cannot be used as a key"])
    }

    @Test("a name YAML would read as syntax is written quoted (the fuzzer's input: a spoke named 'c]')")
    func spokeNameWithBracket() throws {
        let yaml = "\nhub:\n  name: b\n  addressSpace: [20.0.0.0/16]\n  spokes:\n    - name: c]\n      addressSpace: [1.1.0.0/16]"
        let topology = try TopologyLoader.parse(yaml, file: "f.yaml")
        #expect(topology.hub.spokes.map(\.name) == ["c]"])
        #expect(try TopologyLoader.parse(TopologyWriter.yaml(topology), file: "f.yaml") == topology)
    }

    @Test("names that need quoting survive the writer (as hub, spoke and topology names and as the title)",
          arguments: ["c]", "[x", "{x}", "x,y", "a:b", "null", "NULL", "~", "'q", "\"q", "*x", "&x", "!x", "%x", "@x", "`x", "-", "?x",
                      "hüb", "x\\y", "a\u{7F}b", ".x", "-x"])
    func namesSurviveTheWriter(_ name: String) throws {
        let hub = VirtualNetwork(name: name, addressSpace: [Prefix("10.0.0.0/16")],
                                 spokes: [VirtualNetwork(name: name + "2", addressSpace: [Prefix("10.1.0.0/16")])])
        let topology = Topology(name: name, title: name, hub: hub)
        #expect(try TopologyLoader.parse(TopologyWriter.yaml(topology), file: "f.yaml") == topology)
    }

    @Test("titles and descriptions with line breaks, tabs, indentation and control characters survive the writer",
          arguments: ["a\nb", "tab\there", "bell \u{7}", "quote \" and \\ backslash", "LS\u{2028}PS\u{2029}NEL\u{85}end",
                      "CR LF\r\nend", "CR\rend", "BOM\u{FEFF}", "  indented first line\nsecond", "\tstarts with a tab\nsecond",
                      "\n\nafter blank lines", "\n  \n indented after a blank line", "first\n\tsecond with a tab", "emoji 🛰️ \u{10FFFD}"])
    func textSurvivesTheWriter(_ text: String) throws {
        let topology = Topology(name: "t", title: text, description: text,
                                hub: VirtualNetwork(name: "hub", addressSpace: [Prefix("10.0.0.0/16")]))
        let written = TopologyWriter.yaml(topology)
        #expect(try TopologyLoader.parse(written, file: "f.yaml") == topology, "\(written)")
    }

    @Test("an ordinary description is still a literal block")
    func literalDescription() throws {
        let topology = try BundledTopologies.topology(named: "sdwan-er")
        #expect(TopologyWriter.yaml(topology).contains("description: |\n"))
    }
}
