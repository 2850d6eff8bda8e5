import Foundation
import Testing
import TopologyFile

/// A file of `Fixtures/invalid` (topologies and scenarios), `invalid-lessons` or
/// `invalid-expectations`, with the refusal its first two lines state:
/// `# expect: LINE:COLUMN: MESSAGE` and `# hint: HINT` (or `# hint: none`).
struct InvalidFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let path: String
    let expect: String?
    let hint: String??

    var testDescription: String { name }

    static let all = fixtures(in: TestPaths.invalidFixtures)
    static let lessons = fixtures(in: TestPaths.invalidLessons)
    static let expectations = fixtures(in: TestPaths.invalidExpectations)

    static func fixtures(in directory: URL) -> [InvalidFixture] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.sorted().map { file in
            let path = directory.appendingPathComponent(file).path
            // The header is text even when the rest of the file is not (binary-junk.yaml).
            let data = FileManager.default.contents(atPath: path) ?? Data()
            let header = String(decoding: data, as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).prefix(2).map(String.init)
            func value(_ key: String) -> String? {
                header.first { $0.hasPrefix("# \(key): ") }.map { String($0.dropFirst(key.count + 4)) }
            }
            let hint: String?? = value("hint").map { (text: String) -> String? in text == "none" ? nil : text }
            return InvalidFixture(name: String(file.dropLast(5)), path: path, expect: value("expect"), hint: hint)
        }
    }
}

@Suite("Invalid topology files")
struct InvalidFixtureTests {
    @Test("each invalid file is refused once, at the stated position, with the stated message and hint",
          arguments: InvalidFixture.all)
    func refused(_ fixture: InvalidFixture) throws {
        let expect = try #require(fixture.expect, "\(fixture.name).yaml needs a first line '# expect: LINE:COLUMN: MESSAGE'")
        let errors = refusals { try TopologyLoader.load(contentsOf: fixture.path) }
        #expect(errors.count == 1, "one refusal each; got \(errors.map(\.description))")
        let first = try #require(errors.first, "\(fixture.name).yaml loaded")
        #expect(located(first) == expect)
        #expect(first.file == fixture.path)
        if let hint = fixture.hint { #expect(first.hint == hint) }
    }

    @Test("each invalid lesson file is refused at the stated position, with the stated message and hint",
          arguments: InvalidFixture.lessons)
    func lessonRefused(_ fixture: InvalidFixture) throws {
        try expectRefusal(fixture) { () throws(TopologyErrors) in _ = try LessonLoader.load(contentsOf: fixture.path) }
    }

    @Test("each invalid expectation file is refused at the stated position, with the stated message and hint",
          arguments: InvalidFixture.expectations)
    func expectationRefused(_ fixture: InvalidFixture) throws {
        try expectRefusal(fixture) { () throws(TopologyErrors) in _ = try ExpectationLoader.load(contentsOf: fixture.path) }
    }

    /// The first refusal is the stated one (a misspelt key may also leave a required key missing).
    private func expectRefusal(_ fixture: InvalidFixture, _ load: () throws(TopologyErrors) -> Void) throws {
        let expect = try #require(fixture.expect, "\(fixture.name).yaml needs a first line '# expect: LINE:COLUMN: MESSAGE'")
        var errors: [TopologyError] = []
        do { try load() } catch { errors = error.errors }
        let first = try #require(errors.first, "\(fixture.name).yaml loaded")
        #expect(located(first) == expect)
        #expect(first.file == fixture.path)
        if let hint = fixture.hint { #expect(first.hint == hint) }
    }

    @Test("the corpus is large enough and covers every kind of refusal the contract names")
    func coverage() {
        let names = Set(InvalidFixture.all.map(\.name))
        #expect(names.count >= 24)
        #expect(InvalidFixture.all.count + InvalidFixture.lessons.count + InvalidFixture.expectations.count >= 100)
        #expect(InvalidFixture.lessons.count >= 15 && InvalidFixture.expectations.count >= 15)
        let kinds: [String: [String]] = [
            "YAML syntax": ["yaml-tab-indent", "yaml-unclosed-bracket", "yaml-bad-indentation", "yaml-duplicate-key",
                            "yaml-two-documents", "yaml-undefined-alias"],
            "not text / too deep": ["binary-junk", "control-character", "deep-nesting"],
            "empty or not a mapping": ["empty-file", "not-a-mapping"],
            "missing keys": ["missing-hub", "missing-nva-ip", "missing-circuit-site", "site-missing-prefixes"],
            "unknown keys": ["unknown-top-key", "unknown-top-key-far", "unknown-nva-key", "unknown-key-far", "unknown-key-merge", "spoke-with-spokes"],
            "wrong types": ["asn-not-number", "address-space-not-list", "bool-maybe", "nvas-not-list", "title-not-text"],
            "prefixes": ["malformed-prefix", "host-bits", "prefix-length-33", "prefix-without-length", "address-space-empty"],
            "addresses": ["bad-nva-ip", "ip-with-length", "bad-peering-address"],
            "ASN range": ["asn-zero", "asn-negative", "asn-too-large", "asn-fraction", "vpn-asn-too-large"],
            "duplicate names": ["duplicate-name", "duplicate-name-across-kinds", "duplicate-name-spoke-hub"],
            "site references": ["unknown-site", "unknown-site-no-sites"],
            // Contract §1a: the refusals revision 2 adds (a site connected twice is no longer one, R27).
            "revision 2: route tables": ["route-table-unknown", "udr-missing-next-hop-ip", "udr-next-hop-ip-not-appliance",
                                         "udr-bad-next-hop-type", "udr-duplicate-route-name", "udr-duplicate-prefix"],
            "revision 2: subnets": ["subnet-outside-vnet", "subnet-overlap", "use-remote-gateways-on-hub"],
            "revision 2: circuits": ["circuit-and-circuits", "circuits-empty"],
            "revision 2: per-peer prepends and per-prefix attributes": ["prepend-unattached-peer", "prepend-static-connection",
                                                                        "site-prepend-not-mapping", "med-out-of-range", "bad-nva-next-hop"],
            "NVA without Route Server": ["nva-without-route-server"],
            "huge numbers": ["huge-number", "huge-prepend"],
            "scenarios (written by :w, then edited or merged)": ["scenario-truncated", "scenario-switch-on", "scenario-preference-typo",
                                                                 "scenario-down-session-instance", "scenario-merge-conflict", "scenario-switch-at-top"],
            "down entries": ["down-unknown", "down-not-a-session", "down-bad-instance", "down-virtual-network"],
            "other values": ["prepend-out-of-range", "ips-one-address", "ips-same-address", "bad-community",
                             "bad-sku-typo", "bad-preference", "empty-name", "circuit-link-not-30"],
        ]
        for (kind, files) in kinds.sorted(by: { $0.key < $1.key }) {
            for file in files { #expect(names.contains(file), "no fixture \(file).yaml for \(kind)") }
        }
    }

    @Test("every fixture states its expectation on its first line")
    func headers() {
        for fixture in InvalidFixture.all + InvalidFixture.lessons + InvalidFixture.expectations {
            #expect(fixture.expect != nil, "\(fixture.name).yaml")
        }
    }
}
