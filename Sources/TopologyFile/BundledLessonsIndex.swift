import RoutingEngine

/// The lessons shipped inside the binary (generated into `BundledLessons.swift` from topologies/lessons/).
public enum BundledLessons {
    public struct Entry: Sendable {
        public let name: String
        public let yaml: String
    }

    public static func named(_ name: String) -> Entry? { all.first { $0.name == name } }

    public static func lesson(named name: String) throws(TopologyErrors) -> Lesson {
        guard let entry = named(name) else {
            throw TopologyErrors(.lookup("no lesson named '\(name)'",
                                               hint: Suggestions.hint(for: name, in: all.map(\.name), listName: "lessons")))
        }
        return try LessonLoader.parse(entry.yaml, file: "topologies/lessons/\(name).yaml")
    }
}
