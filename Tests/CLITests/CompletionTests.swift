import Foundation
import Testing

/// The generated bash completion script, sourced in a real bash and driven as bash drives it
/// (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT, then the completion function).
@Suite("Shell completion (bash)", .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "bash is not installed"))
struct CompletionTests {
    /// The words bash offers after typing `words` (the last one is being completed).
    static func complete(_ words: [String]) throws -> [String] {
        let binary = Binary.url.path
        let quoted = ([binary] + words).map { "'\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }.joined(separator: " ")
        let script = """
            source <('\(binary)' --generate-completion-script bash)
            COMP_WORDS=(\(quoted))
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMP_LINE="${COMP_WORDS[*]}"
            COMP_POINT=${#COMP_LINE}
            COMPREPLY=()
            _routescope "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = Binary.packageRoot
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").map(String.init)
    }

    @Test("topology names: bundled ones and .yaml files")
    func topologies() throws {
        #expect(try Self.complete(["routes", "sdwan"]) == ["sdwan-er", "sdwan-ha-pair", "sdwan-vpn-er"])
        #expect(try Self.complete(["diff", "topologies/vpn"]) == ["topologies/vpn-er.yaml"])
        #expect(try Self.complete(["check", "docs/ex"]) == ["docs/examples/"])
    }

    @Test("node names of the topology on the command line, for --node, --from and --down")
    func nodes() throws {
        #expect(try Self.complete(["routes", "--node", ""]).contains("sdwan"))
        let vpn = try Self.complete(["routes", "vpn-er", "--route-exchange", "on", "--node", ""])
        #expect(vpn.contains("vpn-gateway") && !vpn.contains("sdwan"))
        #expect(try Self.complete(["trace", "vpn-er", "--from", "on-"]) == ["on-prem-1", "on-prem-2"])
        #expect(try Self.complete(["routes", "--down", "route"]) == ["route-server", "route-server#0", "route-server#1"])
        #expect(try Self.complete(["steps", "--down", "sdwan--"]) == ["sdwan--on-prem-1", "sdwan--route-server"])
    }

    @Test("lesson names")
    func lessons() throws {
        let lessons = try Self.complete(["lesson", "r"])
        #expect(lessons == ["route-exchange", "route-limits", "routing-preference"])
    }

    @Test("every enumerated value: switches, preference, formats")
    func values() throws {
        #expect(try Self.complete(["routes", "--route-exchange", ""]) == ["on", "off"])
        #expect(try Self.complete(["explore", "--active-active", ""]) == ["on", "off"])
        #expect(try Self.complete(["routes", "--preference", ""]) == ["ExpressRoute", "VpnGateway", "ASPath"])
        #expect(try Self.complete(["routes", "--format", ""]) == ["text", "json", "azure", "az", "az-table"])
        #expect(try Self.complete(["export", "--format", ""]) == ["txt", "md", "json", "svg", "dot"])
        #expect(try Self.complete(["diff", "--format", ""]) == ["text", "json"])
    }
}
