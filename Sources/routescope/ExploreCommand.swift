import ArgumentParser
import Explorer
import Foundation
import Reports
import RoutingEngine
import TerminalDriver
import TopologyFile

struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "The interactive explorer (the default): the diagram, one-key switches, every table live.",
        discussion: """
            Keys: r route exchange · a VPN active/active · p hub routing preference · d node down/up ·
            u/Ctrl-R undo/redo · arrows/hjkl move · Tab pane · Enter details · / filter · : command · ? help · q quit.
            Edits: E (a form) or :set/:add/:del/:attach/:detach; :w saves them into the file, comments kept.
            The file is watched: saved from another window, it reloads (--no-watch turns that off).
            With stdout not a terminal, prints the tables as `routes` does.
            """)

    @Argument(help: "A topology file or a bundled topology name (default: sdwan-er).", completion: Completions.topologies)
    var topology: String?

    @OptionGroup(title: "Screen")
    var screen: ScreenOptions

    @OptionGroup(title: "Switches")
    var toggles: ToggleOptions

    func run() throws {
        let (topology, document, isFile) = try TopologySource.document(self.topology)
        let result = try TopologySource.compute(topology, toggles)
        try screen.launch(topology: topology, document: document, isFile: isFile,
                          source: self.topology ?? BundledTopologies.defaultName, settings: result.settings) {
            try Output.standardOutput { TextReport.write(result, to: $0) }
        }
    }
}

/// How the explorer's screen looks and behaves: `routescope explore` and `routescope lesson --explore`.
struct ScreenOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"), help: "Monochrome screen (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse (keeps the terminal's own selection).")
    var noMouse = false

    @Flag(help: "ASCII line drawing (+ - |) whatever the locale says, for terminals and fonts without box drawing.")
    var ascii = false

    @Flag(help: "Presenter mode for a projector: a high-contrast theme, the switches in block letters, a banner for each change; every teaching view, nothing that writes or opens files; q asks first.")
    var present = false

    @Flag(name: .customLong("allow-edits"), help: "In presenter mode, allow edits of the network (E and the : edit commands).")
    var allowEdits = false

    @Flag(name: .customLong("no-watch"), help: "Do not follow the topology file (or the lesson file): changes saved to it elsewhere are not reloaded.")
    var noWatch = false

    /// Whether any of these was given (they mean something only in the explorer).
    var isSet: Bool { noColor || noMouse || ascii || present || allowEdits || noWatch }

    /// Runs the explorer on a terminal, optionally starting a lesson; `notTerminal` runs instead when
    /// stdin or stdout is not one (a pipe gets text, not escape codes).
    func launch(topology: Topology, document: TopologyDocument?, isFile: Bool, source: String, settings: Settings,
                lesson: (lesson: Lesson, file: String?)? = nil, notTerminal: () throws -> Void) throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else { return try notTerminal() }
        let monochrome = noColor || ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } == true
        let terminal: Terminal
        do {
            terminal = try Terminal(monochrome: monochrome, mouse: !noMouse, presenter: present)
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(1)
        }
        let options = RunLoop.Options(mouse: !noMouse, presenter: present, allowEdits: allowEdits, watch: !noWatch,
                                      glyphs: ascii || !terminal.isUTF8 ? .ascii : .unicode, lesson: lesson)
        let status = RunLoop.run(terminal: terminal, topology: topology, document: document, isFile: isFile,
                                 source: source, settings: settings, options: options)
        if status != 0 { throw ExitCode(status) }
    }
}

/// The one loop: read an event, update the state, draw the frame if it changed, run effects.
enum RunLoop {
    struct Options {
        var mouse = true
        var presenter = false
        var allowEdits = false
        var watch = true
        var glyphs = Glyphs.unicode
        /// A lesson to start at once on the topology given (`routescope lesson NAME --explore`), and
        /// its file when it came from one (followed while it runs).
        var lesson: (lesson: Lesson, file: String?)?
    }

    static func run(terminal: Terminal, topology: Topology, document: TopologyDocument?, isFile: Bool, source: String,
                    settings: Settings, options: Options) -> Int32 {
        defer { terminal.shutdown() }
        let size = terminal.size
        guard var state = try? ExplorerState(topology: topology, source: source, settings: settings, width: size.width,
                                             height: size.height, glyphs: options.glyphs,
                                             mouseEnabled: options.mouse, presenter: options.presenter,
                                             document: document, isFile: isFile, allowEdits: options.allowEdits) else { return 1 }
        // A lesson started from a file is followed too, while it is in progress.
        var lessonWatcher = FileWatcher(path: nil), lessonFile = options.lesson?.file
        if let lesson = options.lesson?.lesson { update(&state, .lessonOpened(lesson, topology)) }
        terminal.setReadTimeout(milliseconds: 100)
        var shown = view(state)
        terminal.draw(shown)
        let start = ContinuousClock.now
        var watcher = FileWatcher(path: state.isFile && options.watch ? state.source : nil)
        while !state.shouldQuit {
            if pendingSignal.load(ordering: .relaxed) != 0 { break }
            // The watched file: the state decides what a new text means (update stays pure).
            if options.watch { watcher.follow(state.isFile ? state.source : nil) }
            var messages: [Msg] = []
            if let text = watcher.poll() { messages.append(.fileChanged(text: text)) }
            if options.watch { lessonWatcher.follow(state.lesson != nil ? lessonFile : nil) }
            if lessonWatcher.poll() != nil, let lessonFile {
                switch perform(.openLesson(lessonFile), state: state) {
                case .lessonOpened(let lesson, let topology): messages.append(.lessonFileChanged(lesson, topology))
                case let failure: messages.append(failure)
                }
            }
            if let message = terminal.read() { messages.append(message) }
            // The time goes in as a message before the key, so update stays pure (the banner's timeout).
            let elapsed = ContinuousClock.now - start
            let before = state.message
            update(&state, .tick(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            // An idle tick that changed nothing costs no frame.
            guard !messages.isEmpty || state.message != before else { continue }
            for message in messages {
                for effect in update(&state, message) {
                    let answer = perform(effect, state: state)
                    if case .openLesson(let name) = effect, case .lessonOpened = answer {
                        lessonFile = LessonCommand.isFile(name) ? name : nil
                    }
                    // What we wrote ourselves is not a change from outside.
                    if case .saved(let path, _, _) = answer, path == watcher.path { watcher.rememberCurrent() }
                    update(&state, answer)
                }
            }
            let next = view(state)
            if next != shown {
                terminal.draw(next)
                shown = next
            }
        }
        // Killed by a signal: the conventional 128 + n; quit by the user: 0.
        let signal = pendingSignal.load(ordering: .relaxed)
        return signal != 0 ? 128 + signal : 0
    }

    private static func write(_ text: String, to path: String, what: String) -> Msg {
        do {
            try TopologyWriter.writeAtomically(text, to: path)
            return .wrote("wrote \(what) \(path)")
        } catch {
            return .writeFailed("cannot write \(path): \(error.localizedDescription)")
        }
    }

    static func perform(_ effect: Effect, state: ExplorerState) -> Msg {
        switch effect {
        case .open(let path):
            do {
                if FileManager.default.fileExists(atPath: path) {
                    return .openedDocument(try TopologyLoader.document(contentsOf: path), source: path, isFile: true)
                }
                return .openedDocument(try BundledTopologies.document(named: path), source: path, isFile: false)
            } catch {
                return .openFailed(error.first.description.replacingOccurrences(of: "\n  hint:", with: " —"))
            }
        case .openLesson(let name):
            do {
                let lesson = try LessonCommand.lesson(named: name)
                let topology = FileManager.default.fileExists(atPath: lesson.topology)
                    ? try TopologyLoader.load(contentsOf: lesson.topology) : try BundledTopologies.topology(named: lesson.topology)
                return .lessonOpened(lesson, topology)
            } catch {
                return .openFailed(error.first.description.replacingOccurrences(of: "\n  hint:", with: " —"))
            }
        case .saveScenario(let path, let topology, let settings):
            let text = state.document.map { TopologyWriter.scenario($0, settings: settings) } ?? TopologyWriter.yaml(topology, settings: settings)
            return write(text, to: path, what: "scenario")
        case .saveDocument(let path, let text, let opens):
            do {
                try TopologyWriter.writeAtomically(text, to: path)
                return .saved(path: path, text: text, opens: opens)
            } catch {
                return .writeFailed("cannot write \(path): \(error.localizedDescription)")
            }
        case .export(let path):
            let format = ExportFormat(rawValue: String(path.split(separator: ".").last ?? "")) ?? .md
            return write(Exporter.render(state.result, format: format), to: path, what: format.rawValue)
        }
    }
}
