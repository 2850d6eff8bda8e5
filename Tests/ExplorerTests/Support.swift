import Explorer
import Foundation
import RoutingEngine
import Testing
import TopologyFile

func explorer(_ name: String = "sdwan-er", width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode) throws -> ExplorerState {
    try ExplorerState(topology: BundledTopologies.topology(named: name), source: name, width: width, height: height, glyphs: glyphs)
}

extension ExplorerState {
    mutating func press(_ keys: Key...) {
        for key in keys { update(&self, .key(key)) }
    }

    mutating func type(_ text: String) {
        for character in text { update(&self, .key(.char(character))) }
    }
}

/// Golden screens live in Goldens/NAME.txt. A missing file is written (review it, then commit it)
/// and the test fails, so a golden is never created silently.
func expectGolden(_ grid: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens/\(name).txt")
    let actual = grid.text + "\n"
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded a new golden \(name).txt: review and commit it", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "screen differs from Goldens/\(name).txt", sourceLocation: sourceLocation)
}

extension Grid {
    /// The first cell whose row contains `text`, at the text's first character.
    func find(_ text: String) -> (x: Int, y: Int)? {
        for (y, line) in lines.enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        return nil
    }
}

extension ExplorerState {
    /// Types `:text` and Enter, as a user does.
    @discardableResult
    mutating func command(_ text: String) -> [Effect] {
        update(&self, .key(.char(":")))
        type(text)
        return update(&self, .key(.enter))
    }
}
