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
            With stdout not a terminal, prints the tables as `routes` does.
            """)

    @Argument(help: "A topology file or a bundled topology name (default: sdwan-er).", completion: Completions.topologies)
    var topology: String?

    @Flag(name: .customLong("no-color"), help: "Monochrome screen (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse (keeps the terminal's own selection).")
    var noMouse = false

    @Flag(help: "ASCII line drawing (+ - |) whatever the locale says, for terminals and fonts without box drawing.")
    var ascii = false

    @Flag(help: "Presenter mode for a projector: a high-contrast theme, the switches in block letters, a banner for each change; every teaching view, nothing that writes or opens files; q asks first.")
    var present = false

    @OptionGroup(title: "Switches")
    var toggles: ToggleOptions

    func run() throws {
        let topology = try TopologySource.load(topology)
        let result = try TopologySource.compute(topology, toggles)
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            return try Output.standardOutput { TextReport.write(result, to: $0) }
        }
        let monochrome = noColor || ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } == true
        let terminal: Terminal
        do {
            terminal = try Terminal(monochrome: monochrome, mouse: !noMouse, presenter: present)
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(1)
        }
        let status = RunLoop.run(terminal: terminal, topology: topology, source: self.topology ?? BundledTopologies.defaultName,
                                 settings: result.settings, mouse: !noMouse, presenter: present,
                                 glyphs: ascii || !terminal.isUTF8 ? .ascii : .unicode)
        if status != 0 { throw ExitCode(status) }
    }
}

/// The one loop: read an event, update the state, draw the frame if it changed, run effects.
enum RunLoop {
    static func run(terminal: Terminal, topology: Topology, source: String, settings: Settings, mouse: Bool, presenter: Bool,
                    glyphs: Glyphs) -> Int32 {
        defer { terminal.shutdown() }
        let size = terminal.size
        guard var state = try? ExplorerState(topology: topology, source: source, settings: settings, width: size.width,
                                             height: size.height, glyphs: glyphs,
                                             mouseEnabled: mouse, presenter: presenter) else { return 1 }
        terminal.setReadTimeout(milliseconds: 100)
        var shown = view(state)
        terminal.draw(shown)
        let start = ContinuousClock.now
        while !state.shouldQuit {
            if pendingSignal.load(ordering: .relaxed) != 0 { break }
            let message = terminal.read()
            // The time goes in as a message before the key, so update stays pure (the banner's timeout).
            let elapsed = ContinuousClock.now - start
            let before = state.message
            update(&state, .tick(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            // An idle tick that changed nothing costs no frame.
            guard message != nil || state.message != before else { continue }
            if let message {
                for effect in update(&state, message) { update(&state, perform(effect, state: state)) }
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
                    return .opened(try TopologyLoader.load(contentsOf: path), source: path)
                }
                return .opened(try BundledTopologies.topology(named: path), source: path)
            } catch {
                return .openFailed(error.first.description.replacingOccurrences(of: "\n  hint:", with: " —"))
            }
        case .openLesson(let name):
            do {
                let lesson = LessonCommand.isFile(name) ? try LessonLoader.load(contentsOf: name) : try BundledLessons.lesson(named: name)
                let topology = FileManager.default.fileExists(atPath: lesson.topology)
                    ? try TopologyLoader.load(contentsOf: lesson.topology) : try BundledTopologies.topology(named: lesson.topology)
                return .lessonOpened(lesson, topology)
            } catch {
                return .openFailed(error.first.description.replacingOccurrences(of: "\n  hint:", with: " —"))
            }
        case .saveScenario(let path, let topology, let settings):
            return write(TopologyWriter.yaml(topology, settings: settings), to: path, what: "scenario")
        case .export(let path):
            let format = ExportFormat(rawValue: String(path.split(separator: ".").last ?? "")) ?? .md
            return write(Exporter.render(state.result, format: format), to: path, what: format.rawValue)
        }
    }
}
