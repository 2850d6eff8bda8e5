import Explorer
import Foundation
import RoutingEngine
import Testing

/// The `:` command parser against its fuzz target's invariants.
@Suite("ColonCommand fuzz corpus")
struct ColonCommandFuzzTests {
    @Test("commandLine reads back as the same command, for every kind of command")
    func commandLine() {
        let commands: [ColonCommand] = [
            .quit, .node("sdwan"), .open("my scenario.yaml"), .set(.routeExchange(true)), .set(.activeActive(false)),
            .set(.preference(.asPath)), .down("route-server#1", true), .down("a--b", false),
            .trace(IPv4Address(0x0A02_0101)), .write("s.yaml"), .export("d.svg"), .lesson("route-exchange"),
        ]
        for command in commands {
            #expect(ColonCommand.parse(command.commandLine) == .success(command), "\(command.commandLine)")
        }
    }
}
