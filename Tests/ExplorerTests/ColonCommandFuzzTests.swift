import Explorer
import Foundation
import RoutingEngine
import Testing
import TopologyFile

/// The `:` command parser's fuzz corpus (Fuzz/corpus/FuzzColonCommand, see scripts/fuzz.sh) replayed
/// in-process with the fuzz target's invariants, and the inputs the fuzzer found.
@Suite("ColonCommand fuzz corpus")
struct ColonCommandFuzzTests {
    @Test("commandLine reads back as the same command, for every kind of command")
    func commandLine() {
        let commands: [ColonCommand] = [
            .quit, .node("sdwan"), .open("my scenario.yaml"), .set(.routeExchange(true)), .set(.activeActive(false)),
            .set(.preference(.asPath)), .down("route-server#1", true), .down("a--b", false),
            .trace(IPv4Address(0x0A02_0101)), .write("s.yaml"), .export("d.svg"), .lesson("route-exchange"),
            .forceQuit, .save, .saveAs("copy.yaml"), .edit(.set(name: "sdwan", field: "asn", value: "65002")),
            .edit(.set(name: "route-server", field: "ips", value: "[10.0.1.4, 10.0.1.5]")),
            .edit(.setSitePrepend(site: "on-prem-1", peer: "sdwan", count: "2")),
            .edit(.addPrefix(node: "sdwan", prefix: "10.9.0.0/16", communities: ["no-export", "65001:1"])),
            .edit(.deletePrefix(node: "sdwan", prefix: "10.9.0.0/16")),
            .edit(.addNVA(name: "fw", asn: "65003", ip: "10.0.2.9", site: "on-prem-1")), .edit(.addNVA(name: "fw", asn: nil, ip: nil, site: nil)),
            .edit(.addSite(name: "s", asn: "65050", prefixes: ["10.5.0.0/16", "10.6.0.0/16"])), .edit(.addSite(name: "s", asn: nil, prefixes: [])),
            .edit(.attach(site: "s", to: "vpn", bgp: "off")), .edit(.attach(site: "s", to: "fw", bgp: nil)),
            .edit(.detach(site: "s", from: "vpn")), .edit(.addSpoke(name: "spoke-9", prefix: "10.90.0.0/16")),
            .edit(.addRoute(table: "rt", prefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", address: "10.0.4.4")),
            .edit(.addRoute(table: "rt", prefix: "0.0.0.0/0", nextHopType: "Internet", address: nil)), .edit(.delete("fw")),
        ]
        for command in commands {
            #expect(ColonCommand.parse(command.commandLine) == .success(command), "\(command.commandLine)")
        }
    }

    @Test("a space separates words even when a combining mark follows it (the fuzzer's input: n, tab, U+05A4)")
    func combiningMarkAfterSeparator() {
        #expect(ColonCommand.parse("n\t\u{5A4}") == .success(.node("\u{5A4}")))
        #expect(ColonCommand.parse("node \u{5A4}") == .success(.node("\u{5A4}")))
        #expect(ColonCommand.parse(ColonCommand.node("\u{301}x").commandLine) == .success(.node("\u{301}x")))
        #expect(ColonCommand.parse("open a \u{301}b") == .success(.open("a \u{301}b")))
    }

    @Test("every input of the fuzz corpus: a refusal with a message, or a command that survives commandLine")
    func corpus() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fuzz/corpus/FuzzColonCommand").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names.count >= 20)
        for name in names {
            let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) ?? Data()
            let text = String(decoding: data, as: UTF8.self)
            switch ColonCommand.parse(text) {
            case .success(let command):
                #expect(ColonCommand.parse(command.commandLine) == .success(command), "\(name): \(text.debugDescription)")
            case .failure(let error):
                #expect(!error.message.isEmpty, "\(name): \(text.debugDescription)")
            }
        }
    }
}
