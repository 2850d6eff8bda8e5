import RoutingEngine

/// The topologies shipped inside the binary (generated into `BundledTopologies.swift`).
public enum BundledTopologies {
    public struct Entry: Sendable {
        public let name: String
        public let yaml: String
    }

    public static let defaultName = "sdwan-er"

    public static func named(_ name: String) -> Entry? { all.first { $0.name == name } }

    /// Parses a bundled topology; its errors name `topologies/NAME.yaml`.
    public static func topology(named name: String) throws(TopologyErrors) -> Topology {
        guard let entry = named(name) else {
            throw TopologyErrors([TopologyError(file: name, line: 1, column: 1, message: "no bundled topology named '\(name)'",
                                                hint: Suggestions.hint(for: name, in: all.map(\.name), listName: "bundled"))])
        }
        return try TopologyLoader.parse(entry.yaml, file: "topologies/\(name).yaml")
    }
}
