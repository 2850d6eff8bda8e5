import Foundation
import RoutingEngine
import TopologyFile

/// Where the test files are: found from this source file, so `swift test` works from any directory
/// and with or without the Fixtures resource bundle.
enum TestPaths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let invalidFixtures = testsDirectory.appendingPathComponent("Fixtures/invalid")
    static let invalidLessons = testsDirectory.appendingPathComponent("Fixtures/invalid-lessons")
    static let invalidExpectations = testsDirectory.appendingPathComponent("Fixtures/invalid-expectations")

    /// The package root: the nearest directory above this file with `Package.swift` and `topologies/`.
    static var packageRoot: URL? {
        var directory = testsDirectory
        while directory.path != "/" {
            let manager = FileManager.default
            if manager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path),
               manager.fileExists(atPath: directory.appendingPathComponent("topologies").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}

/// The refusals a load throws; empty when it loads, a `TopologyError` with message "not a TopologyError"
/// when it throws anything else (so a test shows it rather than crashing).
func refusals(_ load: () throws -> Topology) -> [TopologyError] {
    do {
        _ = try load()
        return []
    } catch {
        return TopologyErrors.refusals(in: error)
            ?? [TopologyError(file: "?", line: 0, column: 0, message: "not a TopologyError: \(error)")]
    }
}

func refusals(of yaml: String, file: String = "test.yaml") -> [TopologyError] {
    refusals { try TopologyLoader.parse(yaml, file: file) }
}

/// `line:column: message`, the form the fixtures state.
func located(_ error: TopologyError) -> String { "\(error.line):\(error.column): \(error.message)" }

/// A minimal valid file to build on.
let minimalHub = """
    hub:
      name: hub-vnet
      addressSpace: [10.0.0.0/16]

    """
