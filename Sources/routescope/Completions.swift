import ArgumentParser
import Foundation
import RoutingEngine
import TopologyFile

/// Shell completions of values (swift-argument-parser calls these from the generated script):
/// topology names, the nodes of the topology on the command line, lesson names. Enumerated flags
/// complete from their cases without help from here.
enum Completions {
    /// Bundled topology names and `.yaml` files (and directories on the way to them).
    static let topologies = CompletionKind.custom { _, _, prefix in
        BundledTopologies.all.map(\.name) + files(matching: prefix)
    }

    /// The BGP nodes and VNets of the topology on the command line (`--node`, `--from`).
    static let nodes = CompletionKind.custom { words, _, _ in
        guard let topology = topology(in: words) else { return [] }
        return Network.allNames(of: topology) + ([topology.hub] + topology.hub.spokes).map(\.name)
    }

    /// What `--down` takes: nodes, their instances, and after `A--` the nodes A peers with.
    static let downEntries = CompletionKind.custom { words, _, prefix in
        guard let topology = topology(in: words) else { return [] }
        let vocabulary = DownVocabulary(topology)
        if let dashes = prefix.range(of: "--", options: .backwards) {
            let first = String(prefix[..<dashes.lowerBound])
            let base = first.split(separator: "#").first.map(String.init) ?? first
            return vocabulary.peers[base, default: []].sorted().map { "\(first)--\($0)" }
        }
        return vocabulary.nodes.flatMap { node in
            [node.name] + (node.instances > 1 ? (0..<node.instances).map { "\(node.name)#\($0)" } : [])
        }
    }

    /// `list`, the bundled lessons, and lesson files.
    static let lessons = CompletionKind.custom { _, _, prefix in
        ["list"] + BundledLessons.all.map(\.name) + files(matching: prefix)
    }

    /// The topology named on the command line (the first word after the subcommand that is not an
    /// option or an option's value), or the default one; nil when it does not load.
    static func topology(in words: [String]) -> Topology? {
        let commands = Set(RouteScope.configuration.subcommands.map { $0._commandName })
        let takesValue: Set<String> = ["--node", "--format", "--prefix", "--route-exchange", "--active-active", "--preference",
                                       "--down", "--from", "--to", "--output", "-o", "--expect"]
        var rest = words.dropFirst()   // the program
        if let first = rest.first, commands.contains(first) { rest = rest.dropFirst() }
        var skipNext = false
        for word in rest {
            if skipNext { skipNext = false; continue }
            if word.hasPrefix("-") {
                skipNext = takesValue.contains(word)
                continue
            }
            if word.isEmpty { continue }
            return load(word)
        }
        return load(BundledTopologies.defaultName)
    }

    private static func load(_ word: String) -> Topology? {
        if FileManager.default.fileExists(atPath: word) { return try? TopologyLoader.load(contentsOf: word) }
        return try? BundledTopologies.topology(named: word)
    }

    /// Paths that start with `prefix`: `.yaml` files and directories (ending in `/`), hidden ones left out.
    static func files(matching prefix: String) -> [String] {
        let directory = prefix.lastIndex(of: "/").map { String(prefix[...$0]) } ?? ""
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return entries.filter { !$0.hasPrefix(".") }.compactMap { name -> String? in
            let path = directory + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
            if isDirectory.boolValue { return path + "/" }
            return name.hasSuffix(".yaml") ? path : nil
        }.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
