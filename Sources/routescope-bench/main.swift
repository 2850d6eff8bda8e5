import Foundation
import RoutingEngine
import TopologyFile

// Release-build benchmark: `swift run -c release routescope-bench [--quick]`.
// Prints numbers; asserts nothing (targets are in the README's performance section).

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
        var changes = 0
        let diff = measure(quick ? 1 : 3) { changes = before.diff(to: after).routeChangeCount }
        print("  \(name.padding(toLength: 26, withPad: " ", startingAt: 0)) recompute \(format(recompute.median)) / \(format(recompute.p95)), diff \(format(diff.median)) (\(changes) node-prefix changes)")
    }
}
print("")
print(String(format: "Peak memory (RSS): %.0f MB", peakRSSMegabytes()))
