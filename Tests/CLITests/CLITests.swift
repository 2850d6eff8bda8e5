import Foundation
import Testing

@Suite("routescope command line")
struct CLITests {
    @Test("routes with no topology prints the embedded sdwan-er tables, from any directory")
    func defaultTopology() throws {
        let output = try Binary.run(["routes"], in: URL(fileURLWithPath: "/"))
        #expect(output.status == 0)
        #expect(output.stdout.contains("=== sdwan (network virtual appliance, AS 65001) ==="))
        #expect(output.stdout.contains("   Network          Next Hop            Metric LocPrf Weight Path"))
        #expect(output.stderr.isEmpty)
    }

    @Test("no subcommand prints the tables too (until the explorer exists)")
    func noSubcommand() throws {
        let output = try Binary.run([])
        #expect(output.status == 0)
        #expect(output.stdout.contains("BGP table of route-server#0"))
    }

    @Test("--route-exchange on: sdwan learns on-prem-2 through both Route Server instances")
    func routeExchangeFlag() throws {
        let off = try Binary.run(["routes", "--node", "sdwan"])
        #expect(!off.stdout.contains("10.2.0.0/16"))
        let on = try Binary.run(["routes", "--node", "sdwan", "--route-exchange", "on"])
        #expect(on.status == 0)
        #expect(on.stdout.contains("*> 10.2.0.0/16      10.0.1.4                               0 65515 12076 65020 i"))
        #expect(on.stdout.contains("*=                  10.0.1.5                               0 65515 12076 65020 i"))
        #expect(on.stdout.contains("route exchange: on"))
    }

    @Test("--format json is byte-for-byte deterministic and follows the contract")
    func jsonDeterministic() throws {
        let first = try Binary.run(["routes", "topologies/sdwan-vpn-er.yaml", "--format", "json", "--route-exchange", "on"])
        let second = try Binary.run(["routes", "topologies/sdwan-vpn-er.yaml", "--format", "json", "--route-exchange", "on"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let settings = try #require(document["settings"] as? [String: Any])
        #expect(settings["allowBranchToBranchTraffic"] as? Bool == true)
        #expect(settings["hubRoutingPreference"] as? String == "ExpressRoute")
        let nodes = try #require(document["nodes"] as? [[String: Any]])
        #expect(nodes.allSatisfy { $0["name"] is String && $0["kind"] is String && $0["routes"] is [Any] && $0["sessions"] is [Any] })
        #expect(document["effectiveRoutes"] is [Any])
    }

    @Test("--format azure prints the PowerShell columns")
    func azureFormat() throws {
        let output = try Binary.run(["routes", "--format", "azure", "--route-exchange", "on", "--node", "er-gateway"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("LocalAddress  Network"))
        #expect(output.stdout.contains("IBgp     65001-65010  32768"))
    }

    @Test("toggle flags: --down, --preference and --active-active change the tables")
    func toggles() throws {
        let down = try Binary.run(["routes", "--node", "sdwan", "--down", "route-server#1"])
        #expect(down.stdout.contains("Down") && down.stdout.contains("node down"))
        let vpn = try Binary.run(["routes", "vpn-er", "--route-exchange", "on", "--active-active", "off", "--node", "route-server"])
        // R14 rev. 2: no Route Server peering, and a warning before the tables.
        #expect(vpn.stdout.contains("WARNING: vpn-gateway: Azure refuses this: Route Server needs an active/active VPN gateway"))
        #expect(!vpn.stdout.contains("vpn-gateway#0"))
        let preference = try Binary.run(["routes", "--preference", "aspath"])
        #expect(preference.stdout.contains("hub routing preference: ASPath"))
    }

    @Test("usage mistakes exit 64 with a hint on stderr and no stack trace")
    func usageErrors() throws {
        let node = try Binary.run(["routes", "--node", "sdwam"])
        #expect(node.status == 64)
        #expect(node.stderr.contains("did you mean 'sdwan'"))
        let down = try Binary.run(["routes", "--down", "route-srver"])
        #expect(down.status == 64)
        #expect(down.stderr.contains("did you mean 'route-server'"))
        let flag = try Binary.run(["routes", "--route-exchange", "maybe"])
        #expect(flag.status == 64)
        #expect(!flag.stderr.contains("Fatal error") && !flag.stderr.contains("Stack"))
    }

    @Test("a missing topology names the problem and exits 1")
    func missingTopology() throws {
        let output = try Binary.run(["routes", "sdwan-eer"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("no such file or bundled topology"))
        #expect(output.stderr.contains("did you mean 'sdwan-er'"))
    }

    @Test("check: 0 for valid files (with notes on sessions Azure keeps down), 1 with file:line:column for invalid ones")
    func check() throws {
        let valid = try Binary.run(["check", "topologies/sdwan-er.yaml", "topologies/vpn-er.yaml"])
        #expect(valid.status == 0)
        #expect(valid.stdout.contains("topologies/sdwan-er.yaml: ok"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("routescope-cli-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.yaml")
        try "hub:\n  name: hub\n  addressSpace: [10.0.0.1/16]\n".write(to: bad, atomically: true, encoding: .utf8)
        let invalid = try Binary.run(["check", bad.path, "topologies/sdwan-er.yaml"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("bad.yaml:3:"))
        #expect(invalid.stderr.contains("did you mean 10.0.0.0/16"))
        let reserved = directory.appendingPathComponent("reserved.yaml")
        try """
            hub: {name: hub, addressSpace: [10.0.0.0/16]}
            routeServer: {name: rs}
            nvas: [{name: nva, asn: 65515, ip: 10.0.2.4}]
            """.write(to: reserved, atomically: true, encoding: .utf8)
        let notes = try Binary.run(["check", reserved.path])
        #expect(notes.status == 0)
        #expect(notes.stdout.contains("NVA uses reserved ASN 65515"))
    }

    @Test("list shows the bundled topologies with titles, the default marked")
    func list() throws {
        let output = try Binary.run(["list"])
        #expect(output.status == 0)
        for name in ["sdwan-er", "vpn-er", "sdwan-vpn-er"] { #expect(output.stdout.contains(name)) }
        #expect(output.stdout.contains("(default)"))
    }

    @Test("--help describes every command and the switches")
    func help() throws {
        let root = try Binary.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("routes") && root.stdout.contains("check") && root.stdout.contains("list"))
        let routes = try Binary.run(["routes", "--help"])
        #expect(routes.stdout.contains("--route-exchange") && routes.stdout.contains("--active-active")
                && routes.stdout.contains("--preference") && routes.stdout.contains("--down"))
    }
}
