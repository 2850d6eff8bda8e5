import Foundation
import Testing

// In the serialized tmux suite: two tmux servers starting at once under a loaded CPU starve each other.
extension ExplorerE2ETests {
    @Test("--ascii draws with + - | in a UTF-8 terminal, where the default draws box lines")
    func ascii() async throws {
        let tmux = TmuxSession()
        defer { tmux.kill() }
        try tmux.start(width: 120, height: 40, [Binary.url.path, "sdwan-er", "--ascii"])
        var (ok, screen) = try await tmux.waitFor(.seconds(60)) { $0.contains("route-server") && $0.contains("route exchange: OFF") }
        #expect(ok, "start screen:\n\(screen)")
        #expect(screen.contains("|route-server |") && screen.contains("+-------------+"), "\(screen)")
        #expect(!screen.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) }, "box-drawing characters:\n\(screen)")
        try tmux.keys("q")
        (ok, screen) = try await tmux.waitFor { $0.contains("[exit:0]") }
        #expect(ok, "did not exit 0:\n\(screen)")
    }
}
