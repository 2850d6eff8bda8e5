import Explorer
import Foundation
import RoutingEngine
import TopologyFile

// Release-build benchmark: `swift run -c release routescope-bench [--quick]`.
// Prints numbers; asserts nothing (targets are in the README's performance section).
// `--emit-scale-topology FILE` writes the scale topology as YAML (for scripts/measure-latency.sh).

if let index = CommandLine.arguments.firstIndex(of: "--emit-scale-topology"), index + 1 < CommandLine.arguments.count {
    try ScaleTopology.yaml().write(toFile: CommandLine.arguments[index + 1], atomically: true, encoding: .utf8)
    exit(0)
}

// `--toggle-loop N`: press r N times in the explorer on the scale topology, nothing else (for profilers).
if let index = CommandLine.arguments.firstIndex(of: "--toggle-loop"), index + 1 < CommandLine.arguments.count,
   let count = Int(CommandLine.arguments[index + 1]) {
    var state = try ExplorerState(topology: ScaleTopology.make(), source: "scale", width: 200, height: 60)
    for _ in 0..<count {
        update(&state, .key(.char("r")))
        _ = view(state)
    }
    exit(0)
}

let quick = CommandLine.arguments.contains("--quick")
let repetitions = quick ? 3 : 15

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

do {
    let topology = ScaleTopology.make()
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
    for (name, from, to) in toggles {
        let before = try Engine.compute(topology, settings: from)
        var after = before
        let recompute = try measure(repetitions) { after = try Engine.compute(topology, settings: to) }
        let reused = try measure(repetitions) { after = try Engine.compute(topology, settings: to, reusing: before) }
        var changes = 0
        let diff = measure(quick ? 1 : 3) { changes = before.diff(to: after).routeChangeCount }
        print("  \(name.padding(toLength: 26, withPad: " ", startingAt: 0)) recompute \(format(recompute.median)) / \(format(recompute.p95)), reusing keys \(format(reused.median)) / \(format(reused.p95)), diff \(format(diff.median)) (\(changes) node-prefix changes)")
    }
}
print("")
print("Explorer, scale topology, 200×60 (the NVA sdwan-1 selected, its learned table open)")
do {
    let yaml = ScaleTopology.yaml()
    var topology = ScaleTopology.make()
    let load = try measure(repetitions) { topology = try TopologyLoader.parse(yaml, file: "scale.yaml") }
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
    let node = state.result.node(named: "sdwan-1")!
    let expand = measure(repetitions) { _ = state.result.routes(of: node) }
    print("  expand sdwan-1's table (\(state.result.routes(of: node).count) paths)   \(format(expand.median)) / \(format(expand.p95))")
    update(&state, .key(.char(":")))
    for character in "node route-server" { update(&state, .key(.char(character))) }
    let select = measure(1) { update(&state, .key(.enter)); _ = view(state) }
    print("  select route-server (\(state.table.rows.count) table rows)  \(format(select.median))")
}
print("")
print(String(format: "Peak memory (RSS): %.0f MB", peakRSSMegabytes()))
