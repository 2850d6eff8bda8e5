import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The signal that asked us to stop, for the run loop to see (0: none).
public let pendingSignal = Atomic<Int32>(0)

/// Brings the terminal back whatever ends the program: SIGINT, SIGTERM and SIGHUP set a flag the
/// run loop turns into a clean shutdown; a crash restores the saved tty modes and leaves the
/// alternate screen with async-signal-safe calls only, then dies of the same signal.
public enum TerminalRestorer {
    nonisolated(unsafe) private static var savedModes = termios()
    nonisolated(unsafe) private static var hasSavedModes = false

    static func saveModes() {
        hasSavedModes = tcgetattr(STDIN_FILENO, &savedModes) == 0
    }

    static func install() {
        for stop in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in pendingSignal.store(number, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            sigaction(stop, &action, nil)
        }
        for crash in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                TerminalRestorer.restoreAfterCrash()
                raise(number)   // SA_RESETHAND put the default action back: die of the same signal
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
            sigaction(crash, &action, nil)
        }
    }

    /// Leave the alternate screen, show the cursor, reset attributes and the mouse, restore tty modes.
    static func restoreAfterCrash() {
        let reset = "\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1006l\u{1b}[0m\u{1b}[?25h\u{1b}[?1049l\r\n"
        reset.utf8CString.withUnsafeBufferPointer { buffer in
            _ = write(STDOUT_FILENO, buffer.baseAddress, buffer.count - 1)
        }
        if hasSavedModes { tcsetattr(STDIN_FILENO, TCSANOW, &savedModes) }
    }
}
