import ArgumentParser
import Reports
import RoutingEngine
import TopologyFile

/// `check --expect`: every fact of every case, ok or FAIL with what the tables actually say.
enum ExpectationCheck {
    /// True when every fact holds.
    static func run(_ path: String, against topology: Topology) throws -> Bool {
        let cases = try Diagnostics.reportingTopologyErrors { try ExpectationLoader.load(contentsOf: path) }
        var total = 0, failures = 0
        for check in cases {
            let settings = check.settings(for: topology)
            print("  case \"\(check.name)\" (\(SettingsLine.text(settings)))")
            let result: RoutingResult
            do {
                result = try Engine.compute(topology, settings: settings)
            } catch {
                Diagnostics.error("\(path): case \"\(check.name)\": down: \(error)")
                throw ExitCode(1)
            }
            for expectation in check.expectations {
                let (holds, actual) = result.check(expectation.fact)
                total += 1
                if !holds { failures += 1 }
                print("    \(holds ? "ok  " : "FAIL") \(path):\(expectation.line):\(expectation.column)  \(describe(expectation.fact)) — \(actual)")
            }
        }
        print("  \(total) facts: \(total - failures) held, \(failures) failed")
        return failures == 0
    }

    static func describe(_ fact: Expectation.Fact) -> String {
        switch fact {
        case .route(let node, let prefix, let present, let asPath, let nextHop):
            guard present else { return "expected \(node) to lack \(prefix)" }
            return "expected \(node) to have \(prefix)" + (asPath.map { " [\($0.map(String.init).joined(separator: " "))]" } ?? "")
                + (nextHop.map { " via \($0)" } ?? "")
        case .session(let first, let second, let established):
            return "expected \(first)--\(second) \(established ? "Established" : "Down")"
        case .effectiveRoute(let vnet, let prefix, let present, let nextHop):
            return "expected \(vnet)'s VMs to \(present ? "route" : "not route") \(prefix)" + (nextHop.map { " via \($0)" } ?? "")
        }
    }
}
