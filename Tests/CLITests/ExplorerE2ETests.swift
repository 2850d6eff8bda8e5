import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real binary in a real (tmux) terminal: keys, resize, quit and signals, read off the screen.
@Suite("Explorer end to end (tmux)", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ExplorerE2ETests {
    /// After the app exits the shell prints `tty:same` when `stty -g` matches what it was before the
    /// app started (every mode, control character and speed), then the icanon/echo modes.
    func restored(_ screen: String) -> Bool {
        screen.contains("tty:same") && screen.contains("icanon echo") && !screen.contains("-icanon")
    }

    @Test("start → diagram → r marks + on 10.2.0.0/16 → resize → q exits 0 with the terminal restored")
    func routeExchangeFlow() async throws {
        let tmux = TmuxSession()
        defer { tmux.kill() }
        try tmux.start(width: 120, height: 40, [Binary.url.path, "sdwan-er"])
        // The first tmux server of a run can take seconds to start while the CPU-bound suites run.
        var (ok, screen) = try await tmux.waitFor(.seconds(60)) { $0.contains("route-server") && $0.contains("route exchange: OFF") }
        #expect(ok, "start screen:\n\(screen)")
        #expect(screen.contains("on-prem-1") && screen.contains("er-circuit") && screen.contains("hub-vnet"))
        try tmux.keys("r")
        // Wait for the whole frame: tmux can capture while the frame is still being written.
        (ok, screen) = try await tmux.waitFor {
            $0.contains("+ *> 10.2.0.0/16") && $0.contains("route exchange: ON")
                && $0.contains("sdwan: +10.2.0.0/16 via route-server [65515 12076 65020]")
        }
        #expect(ok, "after r (the + mark, the switch ON, the change log line):\n\(screen)")
        try tmux.resize(width: 80, height: 24)
        (ok, screen) = try await tmux.waitFor { $0.contains("route exchange: ON") && ($0.split(separator: "\n").first?.count ?? 0) <= 80 }
        #expect(ok, "after resize:\n\(screen)")
        try tmux.keys("q")
        (ok, screen) = try await tmux.waitFor { $0.contains("[exit:0]") && $0.contains("icanon") }
        #expect(ok, "did not exit 0:\n\(screen)")
        #expect(restored(screen), "terminal modes not restored:\n\(screen)")
    }

    @Test("--present: block letters, trace, a banner for r, step-through one message at a time, Esc; q asks, y quits with the terminal restored")
    func presenterFlow() async throws {
        let tmux = TmuxSession()
        defer { tmux.kill() }
        try tmux.start(width: 120, height: 40, [Binary.url.path, "--present", "sdwan-er"])
        var (ok, screen) = try await tmux.waitFor(.seconds(60)) { $0.contains("r ROUTE EXCHANGE") && $0.contains("▄▀▄ █▀▀ █▀▀") }
        #expect(ok, "start screen (OFF in block letters):\n\(screen)")
        try tmux.keys("t", "10.2.0.1", "Enter")
        (ok, screen) = try await tmux.waitFor { $0.contains("trace sdwan → 10.2.0.1 (Esc clears)") }
        #expect(ok, "trace:\n\(screen)")
        // Esc alone, then r: sent together they would read as Alt-r.
        try tmux.keys("Escape")
        (ok, screen) = try await tmux.waitFor { !$0.contains("trace sdwan →") }
        #expect(ok, "Esc clears the trace:\n\(screen)")
        try tmux.keys("r")
        (ok, screen) = try await tmux.waitFor { $0.contains("▶ ROUTE EXCHANGE ON") && $0.contains("▄▀▄ █▄ █") }
        #expect(ok, "banner after r:\n\(screen)")
        #expect(screen.contains("5 route changes, 0 session changes"))
        try tmux.keys("s")
        (ok, screen) = try await tmux.waitFor { $0.contains("s STEPPING") && $0.contains("step 0/") }
        #expect(ok, "step-through:\n\(screen)")
        try tmux.keys("s", "s")
        (ok, screen) = try await tmux.waitFor { $0.contains("step 2/") && $0.contains("UPDATE") }
        #expect(ok, "two steps:\n\(screen)")
        try tmux.keys("Escape")
        (ok, screen) = try await tmux.waitFor { $0.contains("left step-through") && !$0.contains("s STEPPING") }
        #expect(ok, "Esc leaves step-through:\n\(screen)")
        try tmux.keys("q")
        (ok, screen) = try await tmux.waitFor { $0.contains("▶ QUIT ROUTESCOPE?") }
        #expect(ok, "q asks:\n\(screen)")
        try tmux.keys("y")
        (ok, screen) = try await tmux.waitFor { $0.contains("[exit:0]") && $0.contains("icanon") }
        #expect(ok, "y quits with 0:\n\(screen)")
        #expect(restored(screen), "terminal modes not restored:\n\(screen)")
    }

    @Test("Ctrl-C, SIGTERM and SIGHUP end the explorer cleanly (exit 130 / 143 / 129); a crash (SIGSEGV, SIGABRT) still restores the terminal; no process is left")
    func signals() async throws {
        for (stop, status) in [("C-c", 130), ("TERM", 143), ("HUP", 129), ("SEGV", 139), ("ABRT", 134)] {
            let tmux = TmuxSession()
            defer { tmux.kill() }
            try tmux.start(width: 100, height: 30, [Binary.url.path])
            var (ok, screen) = try await tmux.waitFor { $0.contains("route exchange: OFF") }
            #expect(ok, "start screen:\n\(screen)")
            // Mid-use: a toggle and the mouse on, so there is state to restore.
            try tmux.keys("r")
            (ok, screen) = try await tmux.waitFor { $0.contains("route exchange: ON") }
            let app = try tmux.appPID()
            #expect(app > 0)
            if stop == "C-c" {
                try tmux.keys("C-c")
            } else {
                let signal = ["TERM": SIGTERM, "HUP": SIGHUP, "SEGV": SIGSEGV, "ABRT": SIGABRT][stop]!
                #expect(Glibc.kill(app, signal) == 0)
            }
            (ok, screen) = try await tmux.waitFor { $0.contains("[exit:\(status)]") && $0.contains("icanon") }
            #expect(ok, "\(stop): no [exit:\(status)]:\n\(screen)")
            #expect(restored(screen), "\(stop): terminal modes not restored:\n\(screen)")
            #expect(Glibc.kill(app, 0) != 0, "\(stop): the explorer's process is still there")
        }
    }

    @Test("when its terminal disappears the explorer exits instead of spinning")
    func hangUp() async throws {
        let tmux = TmuxSession()
        defer { tmux.kill() }
        try tmux.start(width: 100, height: 30, [Binary.url.path])
        let (ok, screen) = try await tmux.waitFor { $0.contains("route exchange: OFF") }
        #expect(ok, "\(screen)")
        let app = try tmux.appPID()
        #expect(app > 0)
        tmux.kill()
        let deadline = ContinuousClock.now + .seconds(5)
        while Glibc.kill(app, 0) == 0 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(Glibc.kill(app, 0) != 0, "the explorer is still running after its terminal went away")
    }

    @Test(":open another topology, Enter for a row's detail, ? for help")
    func openDetailHelp() async throws {
        let tmux = TmuxSession()
        defer { tmux.kill() }
        try tmux.start(width: 120, height: 40, [Binary.url.path])
        var (ok, screen) = try await tmux.waitFor { $0.contains("route exchange: OFF") }
        #expect(ok, "\(screen)")
        try tmux.keys(":open vpn-er", "Enter")
        (ok, screen) = try await tmux.waitFor { $0.contains("VPN active/active: ON") && $0.contains("opened vpn-er") }
        #expect(ok, "after :open:\n\(screen)")
        try tmux.keys("Tab", "Down", "Enter")
        (ok, screen) = try await tmux.waitFor { $0.contains("Path from") && $0.contains("best") }
        #expect(ok, "detail:\n\(screen)")
        try tmux.keys("Escape", "?")
        (ok, screen) = try await tmux.waitFor { $0.contains("hub routing preference: ExpressRoute → VpnGateway → ASPath") }
        #expect(ok, "help:\n\(screen)")
        try tmux.keys("Escape", "q")
        (ok, _) = try await tmux.waitFor { $0.contains("[exit:0]") }
        #expect(ok)
    }

    @Test("colour by default; NO_COLOR gives a screen without colours that still shows every state in words")
    func noColor() async throws {
        func colours(_ screen: String) -> Bool {
            screen.range(of: "\u{1b}\\[[0-9;]*(3[0-7]|4[0-7]|38;5;[0-9]+)[;m]", options: .regularExpression) != nil
        }
        for (environment, coloured) in [([String](), true), (["NO_COLOR=1"], false)] {
            let tmux = TmuxSession()
            defer { tmux.kill() }
            try tmux.start(width: 100, height: 30, [Binary.url.path], environment: environment)
            let (ok, screen) = try await tmux.waitFor { $0.contains("route exchange: OFF") }
            #expect(ok, "\(screen)")
            #expect(colours(try tmux.screenWithAttributes()) == coloured, "NO_COLOR: \(environment)")
            try tmux.keys("q")
        }
    }

    @Test("--present with NO_COLOR: the presenter monochrome variant draws no colour at all, the block letters and the banner still there")
    func presenterNoColor() async throws {
        let tmux = TmuxSession()
        defer { tmux.kill() }
        try tmux.start(width: 120, height: 40, [Binary.url.path, "--present", "vpn-er"], environment: ["NO_COLOR=1"])
        var (ok, screen) = try await tmux.waitFor(.seconds(30)) { $0.contains("r ROUTE EXCHANGE") }
        #expect(ok, "\(screen)")
        try tmux.keys("a")
        (ok, screen) = try await tmux.waitFor { $0.contains("▶ VPN ACTIVE/ACTIVE OFF") && $0.contains("▄▀▄ █▀▀ █▀▀") }
        #expect(ok, "banner and OFF in block letters:\n\(screen)")
        let attributes = try tmux.screenWithAttributes()
        #expect(attributes.range(of: "\u{1b}\\[[0-9;]*(3[0-7]|4[0-7]|38;5;[0-9]+)[;m]", options: .regularExpression) == nil,
                "a colour escape under NO_COLOR")
        #expect(attributes.contains("\u{1b}[7m") || attributes.contains(";7m") || attributes.contains("[1;7m"), "the banner is reversed")
        try tmux.keys("q")
        (ok, _) = try await tmux.waitFor { $0.contains("QUIT ROUTESCOPE?") }
        try tmux.keys("y")
        (ok, _) = try await tmux.waitFor { $0.contains("[exit:0]") }
        #expect(ok)
    }

    @Test(":w saves a scenario (the switches baked in) that opens like a topology")
    func saveScenario() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("routescope-scenario-\(getpid()).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        let tmux = TmuxSession()
        defer { tmux.kill() }
        try tmux.start(width: 100, height: 30, [Binary.url.path])
        var (ok, screen) = try await tmux.waitFor { $0.contains("route exchange: OFF") }
        #expect(ok, "\(screen)")
        try tmux.keys("r", "d")
        (ok, screen) = try await tmux.waitFor { $0.contains("route exchange: ON") && $0.contains("down: sdwan") }
        #expect(ok, "\(screen)")
        try tmux.keys(":w \(file.path)", "Enter")
        (ok, screen) = try await tmux.waitFor { $0.contains("wrote scenario") }
        #expect(ok, "\(screen)")
        try tmux.keys("q")
        let check = try Binary.run(["routes", file.path, "--node", "sdwan"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("route exchange: on") && check.stdout.contains("down: sdwan"))
    }

    @Test("too small: says so, and draws again when the terminal grows")
    func tooSmall() async throws {
        let tmux = TmuxSession()
        defer { tmux.kill() }
        try tmux.start(width: 50, height: 12, [Binary.url.path])
        var (ok, screen) = try await tmux.waitFor { $0.contains("terminal too small (need 60×16)") }
        #expect(ok, "\(screen)")
        try tmux.resize(width: 100, height: 30)
        (ok, screen) = try await tmux.waitFor { $0.contains("route-server") }
        #expect(ok, "\(screen)")
        try tmux.keys("q")
        (ok, _) = try await tmux.waitFor { $0.contains("[exit:0]") }
        #expect(ok)
    }

    @Test("a whole lesson: start, the step waits, press the key, answer a question, next, leave, resume, quit")
    func lessonFlow() async throws {
        let tmux = TmuxSession()
        defer { tmux.kill() }
        try tmux.start(width: 120, height: 40, [Binary.url.path, "sdwan-er"])
        var (ok, screen) = try await tmux.waitFor(.seconds(60)) { $0.contains("route exchange: OFF") }
        #expect(ok, "start screen:\n\(screen)")
        try tmux.keys(":lesson route-exchange", "Enter")
        (ok, screen) = try await tmux.waitFor { $0.contains("Lesson 1/3: What route exchange") && $0.contains("Q1. Which AS path") }
        #expect(ok, "lesson started:\n\(screen)")
        #expect(screen.contains("Network          Next Hop"), "the table stays beside the lesson:\n\(screen)")
        // Answer Q1 (typed) right, Q3 (yes/no) wrong.
        try tmux.keys("A", "65515", "Enter")
        (ok, screen) = try await tmux.waitFor { $0.contains("right — 65515 — read right to left") }
        #expect(ok, "Q1 answered:\n\(screen)")
        try tmux.keys("A", "Enter", "A", "y")
        (ok, screen) = try await tmux.waitFor { $0.contains("not quite — no — sdwan has no route for 10.2.0.0/16") }
        #expect(ok, "Q3 answered:\n\(screen)")
        // Step 3 waits for route exchange; the key does it.
        try tmux.keys("n", "n")
        (ok, screen) = try await tmux.waitFor { $0.contains("Lesson 3/3") && $0.contains("▶ Your turn: route exchange on") }
        #expect(ok, "step 3 waits:\n\(screen)")
        #expect(!screen.contains("Q1. Which AS path does the SD-WAN NVA see for on-prem-2"))
        try tmux.keys("r")
        (ok, screen) = try await tmux.waitFor { $0.contains("✓ done: route exchange on") && $0.contains("route exchange: ON") }
        #expect(ok, "after r:\n\(screen)")
        try tmux.keys("A", "65515 12076 65020", "Enter")
        (ok, screen) = try await tmux.waitFor { $0.contains("right — 65515 12076 65020") }
        #expect(ok, "step 3 answered:\n\(screen)")
        // Leave, then resume at the same step.
        try tmux.keys("Escape")
        (ok, screen) = try await tmux.waitFor { $0.contains("left the lesson at step 3 · L resumes it") && !$0.contains("Lesson 3/3") }
        #expect(ok, "left:\n\(screen)")
        try tmux.keys("L")
        (ok, screen) = try await tmux.waitFor { $0.contains("Lesson 3/3") && $0.contains("✓ done: route exchange on") }
        #expect(ok, "resumed:\n\(screen)")
        try tmux.keys("q")
        (ok, screen) = try await tmux.waitFor { $0.contains("[exit:0]") && $0.contains("icanon") }
        #expect(ok, "did not exit 0:\n\(screen)")
        #expect(restored(screen))
    }
}
