import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server running the real binary. Children are spawned with posix_spawn (Foundation's
/// Process never sees tmux exit: its server keeps an inherited descriptor), an empty signal mask
/// (test threads block signals, and children would inherit that) and a hermetic environment.
struct TmuxSession {
    let socket = "routescope-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

    static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `arguments` in a WIDTH×HEIGHT pane; when it ends the pane shows `[exit:N]`, `tty:same`
    /// when every `stty -g` setting is what it was before the app started (else `tty:changed`), and
    /// the icanon/echo modes. The wrapper shell ignores SIGINT so Ctrl-C reaches only the app (which installs its own handler).
    func start(width: Int, height: Int, _ arguments: [String], environment: [String] = []) throws {
        let command = arguments.map { "'\($0)'" }.joined(separator: " ")
        try run(["new-session", "-d", "-s", "s", "-x", "\(width)", "-y", "\(height)",
                 "-e", "LANG=C.UTF-8", "-e", "TERM=tmux-256color", "-e", "SWIFT_BACKTRACE=interactive=no"]
                + environment.flatMap { ["-e", $0] } + [
                 "sh", "-c", "trap '' INT; before=$(stty -g); \(command); printf '\\n[exit:%d]\\n' $?; [ \"$before\" = \"$(stty -g)\" ] && echo tty:same || echo tty:changed; stty -a | tr -s ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; exec sleep 600"],
                capture: false)
    }

    func keys(_ keys: String...) throws { try run(["send-keys", "-t", "s"] + keys, capture: false) }
    func resize(width: Int, height: Int) throws { try run(["resize-window", "-t", "s", "-x", "\(width)", "-y", "\(height)"], capture: false) }
    func screen() throws -> String { try run(["capture-pane", "-p", "-t", "s"], capture: true) }
    /// The screen with its SGR escape sequences, for colour checks.
    func screenWithAttributes() throws -> String { try run(["capture-pane", "-p", "-e", "-t", "s"], capture: true) }
    /// The app: the child of the pane's wrapper shell.
    func appPID() throws -> pid_t {
        pid_t(try Spawn.run(["pgrep", "-P", "\(try panePID())"], capture: true).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
    func panePID() throws -> pid_t { pid_t(try run(["display-message", "-p", "-t", "s", "#{pane_pid}"], capture: true).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 }
    func kill() { _ = try? run(["kill-server"], capture: true) }

    /// Polls the screen every 20 ms until `condition` holds; never sleep-and-assert. The screen is
    /// read once more at the deadline: when CPU-bound suites hold every thread of the test pool, a
    /// sleep can end long after the deadline, and the last read would be from the start.
    func waitFor(_ timeout: Duration = .seconds(10), _ condition: (String) -> Bool) async throws -> (ok: Bool, screen: String) {
        let deadline = ContinuousClock.now + timeout
        while true {
            let last = try screen()
            if condition(last) { return (true, last) }
            if ContinuousClock.now >= deadline { return (false, last) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @discardableResult
    private func run(_ arguments: [String], capture: Bool) throws -> String {
        try Spawn.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, capture: capture)
    }
}

enum Spawn {
    /// Runs a program and waits for that pid only; with `capture`, returns its stdout and stderr.
    static func run(_ argv: [String], capture: Bool) throws -> String {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        if capture {
            guard pipe(&pipeEnds) == 0 else { throw POSIXError(.EIO) }
            for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let environment = ["PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "LANG=C.UTF-8"]
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup($0) } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        var output: [UInt8] = []
        if capture {
            close(pipeEnds[1])
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(pipeEnds[0], &buffer, buffer.count)
                if count <= 0 { break }
                output += buffer[0..<count]
            }
            close(pipeEnds[0])
        }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) == -1 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }
}
