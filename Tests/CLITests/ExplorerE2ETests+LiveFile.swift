import Foundation
import Testing

/// Editing and the live file through the real binary in tmux: a file saved from another window is
/// reloaded and shown; an edit saved with :w leaves the rest of the file as it was. In the serialized
/// tmux suite, so no two tmux servers start at once while the CPU-bound suites run.
extension ExplorerE2ETests {
    static let topologies = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../topologies").standardized

    /// A bundled file (`sdwan-er`, `lessons/route-exchange`) copied to a temporary file of its own.
    func copy(_ name: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("routescope-live-\(getpid())-\(name.replacingOccurrences(of: "/", with: "-")).yaml")
        try? FileManager.default.removeItem(at: file)
        try FileManager.default.copyItem(at: Self.topologies.appendingPathComponent("\(name).yaml"), to: file)
        return file
    }

    @Test("the file changed from outside: the explorer reloads it as a change; broken, it shows the errors and keeps the network")
    func reloadFromOutside() async throws {
        let file = try copy("sdwan-er")
        defer { try? FileManager.default.removeItem(at: file) }
        let original = try String(contentsOf: file, encoding: .utf8)
        let tmux = TmuxSession()
        defer { tmux.kill() }
        try tmux.start(width: 120, height: 40, [Binary.url.path, file.path])
        var (ok, screen) = try await tmux.waitFor(.seconds(60)) { $0.contains("local AS 65001") }
        #expect(ok, "start:\n\(screen)")
        try original.replacingOccurrences(of: "asn: 65001", with: "asn: 65007").write(to: file, atomically: true, encoding: .utf8)
        (ok, screen) = try await tmux.waitFor { $0.contains("local AS 65007") && $0.contains("reload: ") }
        #expect(ok, "after the outside edit:\n\(screen)")
        try original.replacingOccurrences(of: "asn: 65001", with: "asn: sixty").write(to: file, atomically: true, encoding: .utf8)
        (ok, screen) = try await tmux.waitFor { $0.contains("does not load: 1 error") }
        #expect(ok, "after breaking it:\n\(screen)")
        #expect(screen.contains("26:10: expected an ASN") && screen.contains("local AS 65007"))
        try original.write(to: file, atomically: true, encoding: .utf8)
        (ok, screen) = try await tmux.waitFor { $0.contains("local AS 65001") && !$0.contains("does not load") }
        #expect(ok, "after fixing it:\n\(screen)")
        try tmux.keys("q")
    }

    @Test(":set then :w writes only the changed value into the file; [+] until saved")
    func editAndSave() async throws {
        let file = try copy("sdwan-er")
        defer { try? FileManager.default.removeItem(at: file) }
        let original = try String(contentsOf: file, encoding: .utf8)
        let tmux = TmuxSession()
        defer { tmux.kill() }
        try tmux.start(width: 120, height: 40, [Binary.url.path, file.path])
        var (ok, screen) = try await tmux.waitFor(.seconds(60)) { $0.contains("local AS 65001") }
        #expect(ok, "start:\n\(screen)")
        try tmux.keys(":set sdwan asn 65515", "Enter")
        (ok, screen) = try await tmux.waitFor { $0.contains("edit: sdwan asn 65001 → 65515") && $0.contains("[+]") }
        #expect(ok, "after the edit:\n\(screen)")
        try tmux.keys(":w", "Enter")
        (ok, screen) = try await tmux.waitFor { $0.contains("wrote \(file.path)") && !$0.contains("[+]") }
        #expect(ok, "after :w:\n\(screen)")
        #expect(try String(contentsOf: file, encoding: .utf8) == original.replacingOccurrences(of: "asn: 65001", with: "asn: 65515"))
        try tmux.keys("q")
    }

    @Test("routescope lesson FILE --explore runs the lesson beside the tables; the lesson file saved elsewhere reloads at its step")
    func lessonFileFollowed() async throws {
        let file = try copy("lessons/route-exchange")
        defer { try? FileManager.default.removeItem(at: file) }
        let original = try String(contentsOf: file, encoding: .utf8)
        let tmux = TmuxSession()
        defer { tmux.kill() }
        try tmux.start(width: 160, height: 50, [Binary.url.path, "lesson", file.path, "--explore"])
        var (ok, screen) = try await tmux.waitFor(.seconds(60)) { $0.contains("Lesson 1/3") && $0.contains("This is the first diagram") }
        #expect(ok, "start:\n\(screen)")
        try tmux.keys("n")
        (ok, screen) = try await tmux.waitFor { $0.contains("Lesson 2/3") }
        #expect(ok, "after n:\n\(screen)")
        try original.replacingOccurrences(of: "VMs still reach both sites", with: "VMs (reloaded) still reach both sites")
            .write(to: file, atomically: true, encoding: .utf8)
        (ok, screen) = try await tmux.waitFor { $0.contains("(reloaded)") && $0.contains("reload: lesson") }
        #expect(ok, "after saving the lesson elsewhere:\n\(screen)")
        #expect(screen.contains("Lesson 2/3"), "the same step")
        try tmux.keys("Escape", "q")
    }
}
