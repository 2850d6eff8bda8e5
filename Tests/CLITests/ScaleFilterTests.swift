import Foundation
import Testing

@Suite("routes --prefix and --summary")
struct ScaleFilterTests {
    @Test("--prefix P: only that prefix on every node; an address: each table's longest match")
    func prefix() throws {
        let exact = try Binary.run(["routes", "--route-exchange", "on", "--prefix", "10.2.0.0/16"])
        #expect(exact.status == 0)
        #expect(exact.stdout.contains("*> 10.2.0.0/16      10.0.1.4                               0 65515 12076 65020 i"))
        #expect(!exact.stdout.contains("10.1.0.0/16"))
        #expect(exact.stdout.contains("=== on-prem-2 (on-premises site, AS 65020) ==="))
        let address = try Binary.run(["routes", "--route-exchange", "on", "--prefix", "10.2.1.1", "--node", "sdwan"])
        #expect(address.stdout.contains("*> 10.2.0.0/16") && address.stdout.contains("Displayed 1 routes and 2 total paths"))
        let vnet = try Binary.run(["routes", "--prefix", "10.10.3.4", "--node", "hub-vnet"])
        #expect(vnet.stdout.contains("Default  Active  10.10.0.0/16      VNetPeering"))
        #expect(!vnet.stdout.contains("0.0.0.0/0"))
        let json = try Binary.run(["routes", "--format", "json", "--prefix", "10.1.0.0/16"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let nodes = try #require(document["nodes"] as? [[String: Any]])
        let prefixes = Set(nodes.flatMap { ($0["routes"] as? [[String: Any]] ?? []).compactMap { $0["prefix"] as? String } })
        #expect(prefixes == ["10.1.0.0/16"])
        let azure = try Binary.run(["routes", "--format", "azure", "--prefix", "10.1.0.0/16", "--node", "route-server"])
        #expect(azure.stdout.contains("10.1.0.0/16") && !azure.stdout.contains("10.2.0.0/16"))
        let bad = try Binary.run(["routes", "--prefix", "10.1.0.1/16"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--prefix: '10.1.0.1/16' is not an IPv4 prefix or address (did you mean 10.1.0.0/16?)"))
    }

    @Test("--summary: one line per node (prefixes, paths, best, sessions up and down) in text, json, azure, az and az-table")
    func summary() throws {
        let text = try Binary.run(["routes", "--summary", "--down", "sdwan"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Node          Kind                 AS     Prefixes  Paths  Best  Up  Down"))
        #expect(text.stdout.contains("sdwan         nva                  65001  0         0      0     0   3"))
        #expect(text.stdout.contains("route-server  routeServer          65515  3         8      6     4   2"))
        let json = try Binary.run(["routes", "--summary", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(document["summary"] as? [[String: Any]])
        let sdwan = try #require(rows.first { $0["name"] as? String == "sdwan" })
        #expect(sdwan["prefixes"] as? Int == 3 && sdwan["paths"] as? Int == 5 && sdwan["best"] as? Int == 3)
        #expect(sdwan["sessionsUp"] as? Int == 3 && sdwan["sessionsDown"] as? Int == 0)
        let azure = try Binary.run(["routes", "--summary", "--format", "azure"])
        #expect(azure.stdout.contains("Name          Kind                 Asn    Prefixes  Paths  Best  SessionsUp  SessionsDown"))
        let az = try Binary.run(["routes", "--summary", "--format", "az", "--node", "sdwan"])
        #expect(az.stdout.contains("\"sessionsUp\": 3\n  }\n]\n"))
        let table = try Binary.run(["routes", "--summary", "--format", "az-table", "--node", "sdwan"])
        #expect(table.stdout.hasPrefix("Name    Kind    Asn    Prefixes    Paths    Best    SessionsUp    SessionsDown\n"))
        let narrowed = try Binary.run(["routes", "--summary", "--prefix", "10.1.0.0/16", "--node", "sdwan"])
        #expect(narrowed.stdout.contains("prefix: 10.1.0.0/16"))
        #expect(narrowed.stdout.contains("sdwan  nva   65001  1         1      1     3   0"))
    }
}
