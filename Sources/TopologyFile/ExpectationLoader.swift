import Foundation
import RoutingEngine
import Yams

/// Reads expectation files for `check --expect`: facts about the tables under given switches.
///
/// ```yaml
/// cases:                                   # or, for one case: settings: … and expect: … at the top
///   - name: route exchange on
///     settings: {allowBranchToBranchTraffic: true, down: [route-server#1]}
///     expect:
///       - {node: sdwan, has: 10.2.0.0/16, asPath: [65515, 12076, 65020], nextHop: 10.0.1.4}
///       - {node: er-gateway, lacks: 10.99.0.0/16}
///       - {session: sdwan--route-server, state: Established}
///       - {vnet: hub-vnet, has: 10.1.0.0/16, nextHop: 10.0.2.4}
/// ```
public enum ExpectationLoader {
    /// Read with the topology loader's checks (missing, directory, size, not UTF-8).
    public static func load(contentsOf path: String) throws(TopologyErrors) -> [ExpectationCase] {
        try parse(TopologyLoader.readText(path), file: path)
    }

    public static func parse(_ yaml: String, file: String) throws(TopologyErrors) -> [ExpectationCase] {
        let root = try YAMLDocument.root(of: yaml, file: file, emptyMessage: "the file is empty",
                                         emptyHint: "write expect: with a list of facts, e.g. - {node: sdwan, has: 10.2.0.0/16}")
        let log = DiagnosticLog(file: file)
        let reader = ExpectationReader(values: TopologyDecoder(log: log), log: log)
        let cases = reader.cases(Field(key: nil, value: root, path: ""))
        guard log.isEmpty else { throw TopologyErrors(log.errors) }
        return cases
    }
}

private struct ExpectationReader {
    /// The topology reader's typed values (text, booleans, prefixes, addresses, lists).
    let values: TopologyDecoder
    let log: DiagnosticLog

    func cases(_ root: Field) -> [ExpectationCase] {
        guard let top = MappingReader(root, expected: "a mapping with expect: (or cases:)", keys: ["cases", "settings", "expect"],
                                      log: log) else { return [] }
        if let list = top["cases"] {
            return values.elements(list, expected: "a list of cases", read: oneCase) ?? []
        }
        guard let expect = top.required("expect", hint: "a list of facts, e.g. - {node: sdwan, has: 10.2.0.0/16}") else { return [] }
        return [makeCase(name: "expectations", settings: top["settings"], expect: expect)].compactMap { $0 }
    }

    private func oneCase(_ field: Field) -> ExpectationCase? {
        guard let reader = MappingReader(field, expected: "a case (name, settings, expect)", keys: ["name", "settings", "expect"],
                                         log: log) else { return nil }
        let name = reader["name"].flatMap { values.text($0) } ?? field.path
        guard let expect = reader.required("expect") else { return nil }
        return makeCase(name: name, settings: reader["settings"], expect: expect)
    }

    private func makeCase(name: String, settings: Field?, expect: Field) -> ExpectationCase? {
        var routeExchange: Bool?, activeActive: Bool?, preference: HubRoutingPreference?, down: [String] = []
        if let settings, let reader = MappingReader(settings, expected: "settings (a mapping)",
                                                   keys: ["allowBranchToBranchTraffic", "activeActive", "hubRoutingPreference", "down"],
                                                   log: log) {
            routeExchange = reader["allowBranchToBranchTraffic"].flatMap(values.bool)
            activeActive = reader["activeActive"].flatMap(values.bool)
            preference = reader["hubRoutingPreference"].flatMap { values.choice($0, of: HubRoutingPreference.self, noun: "hubRoutingPreference") }
            down = reader["down"].flatMap { values.elements($0, expected: "a list of names", read: { values.text($0) }) } ?? []
        }
        let facts = values.elements(expect, expected: "a list of facts", read: fact) ?? []
        return ExpectationCase(name: name, routeExchange: routeExchange, activeActive: activeActive,
                               hubRoutingPreference: preference, down: down, expectations: facts)
    }

    private func fact(_ field: Field) -> Expectation? {
        guard let reader = MappingReader(field, expected: "a fact ({node: NAME, has: PREFIX}, {session: A--B, state: …}, {vnet: NAME, has: …})",
                                         keys: ["node", "vnet", "session", "has", "lacks", "asPath", "nextHop", "state"], log: log) else { return nil }
        let position = field.position
        if let session = reader["session"] {
            guard let text = values.text(session), let ends = Network.sessionEnds(text) else {
                log.refuse("\(session.path) must name a session as a--b", at: session.position, hint: "e.g. session: sdwan--route-server")
                return nil
            }
            guard let state = reader.required("state", hint: "state: Established or state: Down").flatMap({ values.text($0) }) else { return nil }
            guard ["Established", "Down"].contains(state) else {
                log.refuse("state is Established or Down, not '\(state)'", at: position)
                return nil
            }
            return Expectation(.session(ends.0, ends.1, established: state == "Established"), line: position.line, column: position.column)
        }
        let has = reader["has"], lacks = reader["lacks"]
        guard (has == nil) != (lacks == nil), let prefixField = has ?? lacks, let prefix = values.prefix(prefixField) else {
            if (has == nil) == (lacks == nil) {
                log.refuse("a fact needs has: PREFIX or lacks: PREFIX (one of them)", at: position)
            }
            return nil
        }
        let nextHop = reader["nextHop"].flatMap(values.address)
        if let node = reader["node"].flatMap({ values.text($0) }) {
            let asPath = reader["asPath"].flatMap { field in
                values.elements(field, expected: "a list of ASNs", read: values.asn)
            }
            return Expectation(.route(node: node, prefix: prefix, present: has != nil, asPath: asPath, nextHop: nextHop),
                               line: position.line, column: position.column)
        }
        if let vnet = reader["vnet"].flatMap({ values.text($0) }) {
            return Expectation(.effectiveRoute(vnet: vnet, prefix: prefix, present: has != nil, nextHop: nextHop),
                               line: position.line, column: position.column)
        }
        log.refuse("a fact names a node:, a vnet: or a session:", at: position)
        return nil
    }
}
