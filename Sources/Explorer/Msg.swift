import RoutingEngine
import TopologyFile

/// A key the explorer understands, decoded by the driver.
public enum Key: Equatable, Sendable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case shiftLeft, shiftRight
    case enter, escape, tab, backTab, backspace
    /// Ctrl plus a letter, as the lowercase letter (`ctrl("r")` is Ctrl-R).
    case ctrl(Character)
}

/// Everything that can happen to the explorer.
public enum Msg: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A left click at a cell.
    case click(x: Int, y: Int)
    case scroll(up: Bool)
    /// The result of an `.open` effect.
    case opened(Topology, source: String)
    /// The result of an `.open` effect for a topology with its text (a file or a bundled one).
    case openedDocument(TopologyDocument, source: String, isFile: Bool)
    case openFailed(String)
    /// The result of a `.save` or `.export` effect: what was written, or why not.
    case wrote(String)
    case writeFailed(String)
    /// The result of an `.openLesson` effect: the lesson and its topology.
    case lessonOpened(Lesson, Topology)
    /// The run loop's clock (seconds, monotonic), sent while no key comes: the banner's timeout.
    case tick(Double)
    /// The answer to `.saveDocument`: the text now in the file at `path`; `opens` for `:saveas`.
    case saved(path: String, text: String, opens: Bool)
    /// The opened file changed on disk (the run loop watches it): its new text.
    case fileChanged(text: String)
    /// The lesson file in progress changed on disk (the run loop watches it): the lesson read again.
    case lessonFileChanged(Lesson, Topology)
    /// The terminal went away (hang-up) or a signal asked to stop.
    case terminate
}

/// Side effects `update` asks for; the run loop performs them and answers with a `Msg`.
public enum Effect: Equatable, Sendable {
    /// Read a topology file; answer `.opened` or `.openFailed`.
    case open(path: String)
    /// Write the topology with these switches as a scenario file (atomically); answer `.wrote` or `.writeFailed`.
    case saveScenario(path: String, topology: Topology, settings: Settings)
    /// Write an edited topology's text (atomically); answer `.saved` or `.writeFailed`.
    case saveDocument(path: String, text: String, opens: Bool)
    /// Write the tables or the diagram, in the format the file extension names (txt, md, json, svg, dot).
    case export(path: String)
    /// Load a bundled lesson (or a lesson file) and its topology; answer `.lessonOpened` or `.openFailed`.
    case openLesson(String)
}
