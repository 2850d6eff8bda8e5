import CNcursesw
import Explorer
#if canImport(Glibc)
import Glibc
#endif

/// The ncurses screen: draws grids, reads keys, clicks and resizes. Owned by the run loop's thread
/// (ncurses is not thread-safe); no C global is ever named here (Swift 6 forbids them).
public final class Terminal {
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    let window: UnsafeMutablePointer<WINDOW>
    private var screen: OpaquePointer?
    private var pairs: [Int: Int16] = [:]
    private let theme: Theme
    private let hasColors: Bool
    /// Whether the locale can show Unicode line drawing (after falling back to C.UTF-8).
    public let isUTF8: Bool
    private var isHeadless: Bool { screen != nil }
    private var isShutDown = false

    /// The real terminal on stdin/stdout.
    public init(monochrome: Bool, mouse: Bool, presenter: Bool = false) throws(StartError) {
        isUTF8 = Terminal.setUpLocale()
        TerminalRestorer.saveModes()
        TerminalRestorer.install()
        // newterm, unlike initscr, returns nil for an unknown TERM instead of exiting the process.
        guard let screen = newterm(nil, fdopen(STDOUT_FILENO, "w"), fdopen(STDIN_FILENO, "r")) else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw StartError(description: "cannot start the terminal: unknown terminal type '\(term)' (set TERM, e.g. TERM=xterm-256color)")
        }
        self.screen = nil
        _ = set_term(screen)
        window = cn_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        hasColors = !monochrome && has_colors()
        theme = .choose(colour: hasColors, presenter: presenter)
        if hasColors {
            start_color()
            use_default_colors()
        }
        if mouse { _ = mousemask(cn_button1_pressed() | cn_button1_clicked() | cn_button4_pressed() | cn_button5_pressed(), nil) }
    }

    /// A terminal of a fixed size drawing to /dev/null, for tests: read its screen back with `row`.
    public init(headlessWidth width: Int, height: Int, monochrome: Bool = false, presenter: Bool = false) {
        isUTF8 = Terminal.setUpLocale()
        let output = fopen("/dev/null", "w"), input = fopen("/dev/null", "r")
        screen = newterm("xterm-256color", output, input)
        _ = set_term(screen)
        window = cn_stdscr()
        // resizeterm, not LINES/COLUMNS in the environment: those would leak into child processes.
        resizeterm(Int32(height), Int32(width))
        hasColors = !monochrome && has_colors()
        theme = .choose(colour: hasColors, presenter: presenter)
        if hasColors {
            start_color()
            use_default_colors()
        }
    }

    /// LANG unset gives the C locale, where ncursesw drops every non-ASCII glyph: try C.UTF-8.
    private static func setUpLocale() -> Bool {
        setlocale(LC_ALL, "")
        if !String(cString: cn_codeset()).uppercased().contains("UTF") {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        return String(cString: cn_codeset()).uppercased().contains("UTF")
    }

    public var size: (width: Int, height: Int) { (Int(getmaxx(window)), Int(getmaxy(window))) }

    /// How long `read` waits before returning nil, so the loop can check for signals.
    public func setReadTimeout(milliseconds: Int32) { wtimeout(window, milliseconds) }

    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        endwin()
        if let screen { delscreen(screen) }
    }

    deinit { shutdown() }

    // MARK: drawing

    /// Every cell, every frame; ncurses sends only what changed since the last one.
    public func draw(_ grid: Grid) {
        werase(window)
        var cell = cchar_t()
        for y in 0..<min(grid.height, size.height) {
            for x in 0..<min(grid.width, size.width) {
                let item = grid[x, y]
                if item.isContinuation { continue }
                var characters = item.character.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
                if !isUTF8, let first = characters.first, first > 0x7e { characters = [wchar_t(UInt8(ascii: "?"))] }
                characters.append(0)
                let look = theme.look(item.role)
                setcchar(&cell, characters, attributes(look), pair(look), nil)
                // The bottom-right cell returns ERR (the cursor cannot move past it) but is drawn.
                _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func attributes(_ look: Theme.Look) -> attr_t {
        var value = cn_a_normal()
        if look.bold { value |= cn_a_bold() }
        if look.underline { value |= cn_a_underline() }
        if look.reverse { value |= cn_a_reverse() }
        if look.dim { value |= cn_a_dim() }
        return value
    }

    /// One colour pair per (foreground, background), made on first use.
    private func pair(_ look: Theme.Look) -> Int16 {
        guard hasColors, look.foreground != .none || look.background != .none else { return 0 }
        let key = Int(look.foreground.rawValue + 1) * 16 + Int(look.background.rawValue + 1)
        if let existing = pairs[key] { return existing }
        let next = Int16(pairs.count + 1)
        init_pair(next, look.foreground.rawValue, look.background.rawValue)
        pairs[key] = next
        return next
    }

    // MARK: input

    /// The next input event, or nil after the read timeout.
    public func read() -> Msg? {
        var character: wint_t = 0
        let status = wget_wch(window, &character)
        if status == ERR {
            // ERR is a timeout, or a terminal that is gone: without this check an orphaned
            // process whose SIGHUP is ignored would spin at full CPU.
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            if !isHeadless, poll(&descriptor, 1, 0) > 0,
               descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                return .terminate
            }
            return nil
        }
        if status == KEY_CODE_YES { return functionKey(Int32(character)) }
        return KeyDecoder.message(forCharacter: UInt32(character))
    }

    private func functionKey(_ code: Int32) -> Msg? {
        switch code {
        case KEY_RESIZE: return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            if event.bstate & cn_button4_pressed() != 0 { return .scroll(up: true) }
            if event.bstate & cn_button5_pressed() != 0 { return .scroll(up: false) }
            return .click(x: Int(event.x), y: Int(event.y))
        default:
            return KeyDecoder.message(forFunctionKey: code)
        }
    }

    // MARK: reading back (tests)

    /// The text ncurses holds for a row of its virtual screen.
    public func row(_ y: Int) -> String {
        var text = ""
        var cell = cchar_t()
        var characters = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        for x in 0..<size.width {
            mvwin_wch(window, Int32(y), Int32(x), &cell)
            getcchar(&cell, &characters, &attributes, &pair, nil)
            if let scalar = Unicode.Scalar(UInt32(bitPattern: characters[0])) { text.unicodeScalars.append(scalar) }
        }
        return text
    }

    /// Bold, reverse, underline and the colours at a cell.
    public func look(x: Int, y: Int) -> Theme.Look {
        var cell = cchar_t()
        var characters = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        mvwin_wch(window, Int32(y), Int32(x), &cell)
        getcchar(&cell, &characters, &attributes, &pair, nil)
        var foreground: Int16 = -1, background: Int16 = -1
        if pair > 0 { pair_content(pair, &foreground, &background) }
        return Theme.Look(foreground: Theme.Color(rawValue: foreground) ?? .none, background: Theme.Color(rawValue: background) ?? .none,
                          bold: attributes & cn_a_bold() != 0, underline: attributes & cn_a_underline() != 0,
                          reverse: attributes & cn_a_reverse() != 0, dim: attributes & cn_a_dim() != 0)
    }
}
