import RoutingEngine

/// The topologies shipped inside the binary, so `routescope` runs from any directory with no file.
/// Their text is generated into `BundledTopologies.swift` from `topologies/*.yaml`.
public enum BundledTopologies {
    public struct Entry: Sendable {
        /// The file name without `.yaml`.
        public let name: String
        /// The file's exact text.
        public let yaml: String
    }

    /// The seed's first diagram.
    public static let defaultName = "sdwan-er"

    public static func named(_ name: String) -> Entry? { all.first { $0.name == name } }

    /// Parses a bundled topology; its refusals (a test keeps there being none) name `topologies/NAME.yaml`.
    public static func topology(named name: String) throws(TopologyErrors) -> Topology {
        guard let entry = named(name) else {
            throw TopologyErrors(.lookup("no bundled topology named '\(name)'",
                                               hint: Suggestions.hint(for: name, in: all.map(\.name), listName: "bundled topologies are")))
        }
        return try TopologyLoader.parse(entry.yaml, file: "topologies/\(name).yaml")
    }

    /// A bundled topology with its text, for the explorer's edits (`:saveas` writes a copy to keep).
    public static func document(named name: String) throws(TopologyErrors) -> TopologyDocument {
        _ = try topology(named: name)
        return try TopologyLoader.document(named(name)!.yaml, file: "topologies/\(name).yaml")
    }
}
