import Explorer
import Foundation
import RoutingEngine
import TopologyFile

// Release-build benchmark: `swift run -c release routescope-bench [--quick] [--scale 1,2,4]`.
// Prints numbers; asserts nothing (targets and results: docs/performance.md).
// `--emit-scale-topology FILE [--scale K] [--growth peers|prefixes]` writes a scale topology as YAML
// (scripts/measure-latency.sh).

func option(_ name: String) -> String? {
    CommandLine.arguments.firstIndex(of: name).flatMap { $0 + 1 < CommandLine.arguments.count ? CommandLine.arguments[$0 + 1] : nil }
}

if let path = option("--emit-scale-topology") {
    let growth = ScaleTopology.Growth(rawValue: option("--growth") ?? "peers") ?? .peers
    try ScaleTopology.yaml(factor: Int(option("--scale") ?? "1") ?? 1, growth: growth).write(toFile: path, atomically: true, encoding: .utf8)
    exit(0)
}

/// Types a colon command into the explorer, as a user would.
func command(_ text: String, _ state: inout ExplorerState) {
    for key in ":" + text { update(&state, .key(.char(key))) }
    update(&state, .key(.enter))
}

// `--toggle-loop N [--select NODE]`: press r N times in the explorer on the scale topology, nothing
// else (for profilers); sdwan-1 is selected unless `--select` names another node, VNet or subnet.
if let index = CommandLine.arguments.firstIndex(of: "--toggle-loop"), index + 1 < CommandLine.arguments.count,
   let count = Int(CommandLine.arguments[index + 1]) {
    var state = try ExplorerState(topology: ScaleTopology.make(), source: "scale", width: 200, height: 60)
    if let node = option("--select") { command("node \(node)", &state) }
    for _ in 0..<count {
        update(&state, .key(.char("r")))
        _ = view(state)
    }
    exit(0)
}

// `--edit-loop N`: `:set sdwan-1 prepend 1` then 0, N times, on the 1× scale file (for profilers).
if let count = option("--edit-loop").flatMap({ Int($0) }) {
    let document = try TopologyLoader.document(ScaleTopology.yaml(factor: 1, growth: .peers), file: "scale.yaml")
    var state = try ExplorerState(topology: document.topology, source: "scale.yaml", width: 200, height: 60,
                                  document: document, isFile: true)
    for run in 0..<count {
        command("set sdwan-1 prepend \(run % 2 == 0 ? 1 : 0)", &state)
        _ = view(state)
    }
    exit(0)
}

// `--parse-loop N`: load the 1× scale file with positions N times, nothing else (for profilers).
if let count = option("--parse-loop").flatMap({ Int($0) }) {
    let yaml = ScaleTopology.yaml(factor: 1, growth: .peers)
    for _ in 0..<count { _ = try TopologyLoader.document(yaml, file: "scale.yaml") }
    exit(0)
}

let quick = CommandLine.arguments.contains("--quick")
let repetitions = quick ? 3 : 15
let factors = (option("--scale") ?? (quick ? "1" : "1,2,4")).split(separator: ",").compactMap { Int($0) }

func measure(_ repetitions: Int, _ body: () throws -> Void) rethrows -> (median: Double, p95: Double) {
    var samples: [Double] = []
    for _ in 0..<repetitions {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }
    samples.sort()
    return (samples[samples.count / 2], samples[min(samples.count - 1, Int(Double(samples.count) * 0.95))])
}

func format(_ ms: Double) -> String { ms < 1 ? String(format: "%.3f ms", ms) : String(format: "%.1f ms", ms) }

func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

print("routescope benchmark (\(quick ? "quick" : "full"), \(repetitions) runs each, median / p95)")
print("")
print("Seed topologies: full compute")
for entry in BundledTopologies.all {
    let topology = try BundledTopologies.topology(named: entry.name)
    let time = try measure(repetitions * 10) { _ = try Engine.compute(topology) }
    print("  \(entry.name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(format(time.median)) / \(format(time.p95))")
}

/// One line of the summary table.
struct ScaleRow {
    let label: String
    let prefixes: Int, sessions: Int, paths: Int
    let full: Double, toggle: Double, toggleReusing: Double, parse: Double, start: Double, frame: Double, key: Double, subnetKey: Double
    let rss: Double
}

func benchmark(factor: Int, growth: ScaleTopology.Growth) throws -> ScaleRow {
    let topology = ScaleTopology.make(factor: factor, growth: growth)
    print("")
    print(topology.title)
    var result = try Engine.compute(topology)
    let prefixes = result.allPrefixes.count
    let paths = result.nodes.reduce(0) { $0 + result.routes(of: $1).count }
    print("  \(prefixes) prefixes, \(result.network.sessions.count) sessions, \(paths) paths in all tables")
    let full = try measure(repetitions) { result = try Engine.compute(topology) }
    print("  full compute                         \(format(full.median)) / \(format(full.p95))")
    let base = Settings(of: topology)
    func changed(_ change: (inout Settings) -> Void) -> Settings {
        var settings = base
        settings.routeExchange = true
        change(&settings)
        return settings
    }
    let exchange = changed { _ in }
    let toggles: [(String, Settings, Settings)] = [
        ("route exchange off → on", base, exchange),
        ("route exchange on → off", exchange, base),
        ("VPN active/active off", exchange, changed { $0.vpnActiveActive = false }),
        ("preference VpnGateway", exchange, changed { $0.hubRoutingPreference = .vpnGateway }),
        ("preference ASPath", exchange, changed { $0.hubRoutingPreference = .asPath }),
        ("sdwan-1 down", exchange, changed { $0.down.insert("sdwan-1") }),
        ("route-server#1 down", exchange, changed { $0.down.insert("route-server#1") }),
    ]
    var subnetTables = (tables: 0, routes: 0)
    let subnets = measure(repetitions) {
        let tables = result.subnetRouteTables
        subnetTables = (tables.count, tables.reduce(0) { $0 + $1.routes.count })
    }
    print("  effective routes of every subnet (\(subnetTables.tables) tables, \(subnetTables.routes) routes) \(format(subnets.median)) / \(format(subnets.p95))")
    var first: (recompute: Double, reused: Double)?
    for (name, from, to) in toggles {
        let before = try Engine.compute(topology, settings: from)
        var after = before
        let recompute = try measure(repetitions) { after = try Engine.compute(topology, settings: to) }
        let reused = try measure(repetitions) { after = try Engine.compute(topology, settings: to, reusing: before) }
        if first == nil { first = (recompute.median, reused.median) }
        var changes = 0
        let diff = measure(quick ? 1 : 3) { changes = before.diff(to: after).routeChangeCount }
        print("  \(name.padding(toLength: 26, withPad: " ", startingAt: 0)) recompute \(format(recompute.median)) / \(format(recompute.p95)), reusing keys \(format(reused.median)) / \(format(reused.p95)), diff \(format(diff.median)) (\(changes) node-prefix changes)")
    }

    print("  Explorer, 200×60 (the NVA sdwan-1 selected, its learned table open)")
    let yaml = ScaleTopology.yaml(factor: factor, growth: growth)
    var loaded = topology
    let load = try measure(repetitions) { loaded = try TopologyLoader.parse(yaml, file: "scale.yaml") }
    loaded.title = topology.title
    loaded.description = topology.description
    precondition(loaded == topology, "the emitted YAML must load as the same topology")
    print("  parse the topology file (\(yaml.utf8.count / 1024) KB)      \(format(load.median)) / \(format(load.p95))")
    var state = try ExplorerState(topology: topology, source: "scale.yaml", width: 200, height: 60)
    let start = try measure(repetitions) {
        let fresh = try ExplorerState(topology: topology, source: "scale.yaml", width: 200, height: 60)
        _ = view(fresh)
    }
    print("  start: state + first frame           \(format(start.median)) / \(format(start.p95)) (plus parsing, above)")
    let frame = measure(repetitions * 4) { _ = view(state) }
    print("  render one frame (view → grid)       \(format(frame.median)) / \(format(frame.p95))")
    let toggle = measure(repetitions) {
        update(&state, .key(.char("r")))
        _ = view(state)
    }
    print("  key r → new frame (recompute, diff, table, view) \(format(toggle.median)) / \(format(toggle.p95))")
    let move = measure(repetitions) {
        update(&state, .key(.char("j")))
        _ = view(state)
    }
    print("  key j → next node's table and frame   \(format(move.median)) / \(format(move.p95))")
    // The same key with a spoke subnet selected: the table pane shows its NICs' effective routes (R22).
    command("node spoke-1-web", &state)
    precondition(state.selectedSubnet?.name == "spoke-1-web", "the bench selects a subnet")
    let subnetToggle = measure(repetitions) {
        update(&state, .key(.char("r")))
        _ = view(state)
    }
    print("  key r with spoke-1-web selected (its effective routes) \(format(subnetToggle.median)) / \(format(subnetToggle.p95))")
    command("node sdwan-1", &state)
    // Editing (issue 12): an edit is the file's text changed at the loader's positions and loaded by the
    // same loader; a reload is the watched file's new text loaded the same way.
    let documentLoad = try measure(repetitions) { _ = try TopologyLoader.document(yaml, file: "scale.yaml") }
    print("  parse the file with positions (a document) \(format(documentLoad.median)) / \(format(documentLoad.p95))")
    let document = try TopologyLoader.document(yaml, file: "scale.yaml")
    var editing = try ExplorerState(topology: document.topology, source: "scale.yaml", width: 200, height: 60,
                                    document: document, isFile: true)
    var editSamples: [Double] = []
    for run in 0..<repetitions {
        update(&editing, .key(.char(":")))
        for character in "set sdwan-1 prepend \(run % 2 == 0 ? 1 : 0)" { update(&editing, .key(.char(character))) }
        let start = ContinuousClock.now
        update(&editing, .key(.enter))
        _ = view(editing)
        let elapsed = ContinuousClock.now - start
        editSamples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        precondition(editing.message?.text.hasPrefix("edit: ") == true, editing.message?.text ?? "no message")
    }
    editSamples.sort()
    let edit = (median: editSamples[editSamples.count / 2], p95: editSamples[min(editSamples.count - 1, Int(Double(editSamples.count) * 0.95))])
    print("  :set sdwan-1 prepend N → new frame (edit text, load, recompute, view) \(format(edit.median)) / \(format(edit.p95))")
    let edited = try TopologyEdit.set(name: "sdwan-1", field: "prepend", value: "1").apply(to: document).get().text
    var reloads = 0
    let reload = measure(repetitions) {
        reloads += 1
        update(&editing, .fileChanged(text: reloads % 2 == 0 ? yaml : edited))
        _ = view(editing)
    }
    print("  reload of the changed file → new frame (load, recompute, view) \(format(reload.median)) / \(format(reload.p95))")
    let node = state.result.node(named: "sdwan-1")!
    let expand = measure(repetitions) { _ = state.result.routes(of: node) }
    print("  expand sdwan-1's table (\(state.result.routes(of: node).count) paths)   \(format(expand.median)) / \(format(expand.p95))")
    let rss = peakRSSMegabytes()
    print(String(format: "  peak memory of this process so far (RSS): %.0f MB", rss))
    return ScaleRow(label: factor == 1 ? "1×" : "\(factor)× \(growth.rawValue)", prefixes: prefixes, sessions: result.network.sessions.count, paths: paths,
                    full: full.median, toggle: first!.recompute, toggleReusing: first!.reused, parse: load.median,
                    start: start.median, frame: frame.median, key: toggle.median, subnetKey: subnetToggle.median, rss: rss)
}

var rows: [ScaleRow] = []
for factor in factors {
    for growth in factor == 1 ? [ScaleTopology.Growth.peers] : [.prefixes, .peers] {
        rows.append(try benchmark(factor: factor, growth: growth))
    }
}

// Linear in routes × peers means the cost per (prefix × session) stays flat as the topology grows.
print("")
print("Summary (medians, ms; ns/unit = full compute per prefix × session)")
print("  scale         prefixes  sessions  prefix×session   full  toggle  toggle(reuse)  parse  start  frame  key r  key r(subnet)  ns/unit")
for row in rows {
    let units = Double(row.prefixes * row.sessions)
    print("  " + row.label.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "  %8d  %8d  %14.0f  %5.1f  %6.1f  %13.1f  %5.1f  %5.1f  %5.2f  %5.1f  %13.1f  %7.2f",
                 row.prefixes, row.sessions, units, row.full, row.toggle, row.toggleReusing, row.parse,
                 row.start, row.frame, row.key, row.subnetKey, row.full * 1e6 / units))
}
print("")
print(String(format: "Peak memory (RSS) of the benchmark process: %.0f MB", peakRSSMegabytes()))
