import Foundation
import Testing

@Suite("Command-line usage: errors, names, values, help")
struct UsageTests {
    @Test("--down is checked as the file's down entry is, with the same words, on every command")
    func downLikeTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("routescope-down-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sdwan-er.yaml")
        let seed = try String(contentsOf: Binary.packageRoot.appendingPathComponent("topologies/sdwan-er.yaml"), encoding: .utf8)
        try (seed + "\ndown: [sdwan--er-gateway]\n").write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try Binary.run(["check", file.path])
        #expect(fromFile.status == 1)
        #expect(fromFile.stderr.contains("session 'sdwan--er-gateway' in down names no session: 'sdwan' and 'er-gateway' do not peer"))
        #expect(fromFile.stderr.contains("hint: 'sdwan' peers with on-prem-1, route-server"))
        for command in [["routes"], ["diff"], ["explain", "--node", "sdwan", "--prefix", "10.1.0.0/16"],
                        ["trace", "--from", "sdwan", "--to", "10.1.1.1"], ["steps"], ["export"], ["explore"]] {
            let flag = try Binary.run(command + ["--down", "sdwan--er-gateway"])
            #expect(flag.status == 64, "\(command[0])")
            #expect(flag.stderr.contains("session 'sdwan--er-gateway' in --down names no session: 'sdwan' and 'er-gateway' do not peer"),
                    "\(command[0])")
            #expect(flag.stderr.contains("hint: 'sdwan' peers with on-prem-1, route-server"), "\(command[0])")
        }
        let instance = try Binary.run(["routes", "--down", "sdwan#1"])
        #expect(instance.stderr.contains("'sdwan#1' in --down names no instance of 'sdwan'"))
    }

    @Test("an error found after parsing shows that command's usage and names the option at fault")
    func usageOfTheSubcommand() throws {
        let trace = try Binary.run(["trace", "--from", "nowhere", "--to", "10.1.1.1"])
        #expect(trace.status == 64)
        #expect(trace.stderr.hasPrefix("Error: --from: 'nowhere' is not a node of 'sdwan-er'"))
        #expect(trace.stderr.contains("Usage: routescope trace [<topology>] --from <from> --to <to>"))
        #expect(!trace.stderr.contains("<subcommand>"))
        let node = try Binary.run(["routes", "--node", "nosuch"])
        #expect(node.stderr.contains("Usage: routescope routes [<topology>]"))
    }

    @Test("a name that names nothing has no file position; a typo gets a suggestion, for options and commands too")
    func lookUps() throws {
        let lesson = try Binary.run(["lesson", "nosuch"])
        #expect(lesson.status == 1)
        #expect(lesson.stderr.hasPrefix("error: no lesson named 'nosuch'"))
        #expect(!lesson.stderr.contains(":1:1:"))
        let version = try Binary.run(["--versoin"])
        #expect(version.status == 64)
        #expect(version.stderr.hasPrefix("Error: Unknown option '--versoin'. Did you mean '--version'?"))
        let format = try Binary.run(["routes", "--formt", "json"])
        #expect(format.stderr.contains("Did you mean '--format'?"))
        let command = try Binary.run(["rotues"])
        #expect(command.status == 1)
        #expect(command.stderr.contains("did you mean the command 'routes'?"))
    }

    @Test("enumerated values are case-insensitive on every flag")
    func caseInsensitive() throws {
        let on = try Binary.run(["routes", "--route-exchange", "ON", "--node", "sdwan", "--format", "JSON"])
        #expect(on.status == 0)
        #expect(on.stdout.contains(#""allowBranchToBranchTraffic" : true"#))
        let vpn = try Binary.run(["routes", "vpn-er", "--active-active", "Off", "--preference", "VPNGATEWAY", "--format", "Text"])
        #expect(vpn.stdout.contains("hub routing preference: VpnGateway · VPN active/active: off"))
        let export = try Binary.run(["export", "--format", "SVG"])
        #expect(export.stdout.hasPrefix("<svg") || export.stdout.hasPrefix("<?xml"))
        let diff = try Binary.run(["diff", "--format", "Json", "--route-exchange", "oN"])
        #expect(diff.status == 0 && diff.stdout.contains(#""routes" : ["#))
    }

    @Test("top-level --help lists every exit status")
    func exitStatuses() throws {
        let help = try Binary.run(["--help"])
        for line in ["0    success", "1    invalid topology file or input", "2    the engine did not converge",
                     "3    trace: a branch", "64   bad command line", "128+n"] {
            #expect(help.stdout.contains(line), "\(line)")
        }
    }
}

@Suite("routes --format azure, az and az-table")
struct AzureFormatTests {
    @Test("--format azure --node NVA: Route Server's learned and advertised tables for that peer")
    func azureForAnNVA() throws {
        let output = try Binary.run(["routes", "--format", "azure", "--node", "sdwan", "--route-exchange", "on"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("PS> Get-AzRouteServerPeerLearnedRoute -RouteServerName route-server -PeerName sdwan"))
        #expect(output.stdout.contains("PS> Get-AzRouteServerPeerAdvertisedRoute -RouteServerName route-server -PeerName sdwan"))
        #expect(output.stdout.contains("10.0.1.4      10.1.0.0/16  10.0.2.4  10.0.2.4    EBgp    65001-65010  32768"))
        #expect(!output.stdout.contains("not an Azure resource"))
    }

    @Test("--format az: az's JSON, Route Server keyed by RouteServiceRole_IN_0 / _1, gateways under value")
    func azJSON() throws {
        let peer = try Binary.run(["routes", "--format", "az", "--node", "sdwan"])
        #expect(peer.stdout.contains("$ az network routeserver peering list-learned-routes --routeserver route-server -n sdwan"))
        #expect(peer.stdout.contains("""
            {
              "RouteServiceRole_IN_0": [
                {
                  "asPath": "65001-65010",
                  "localAddress": "10.0.1.4",
                  "network": "10.1.0.0/16",
                  "nextHop": "10.0.2.4",
                  "origin": "EBgp",
                  "sourcePeer": "10.0.2.4",
                  "weight": 32768
                }
              ],
            """))
        #expect(peer.stdout.contains(#""origin": "Igp","#))
        let gateway = try Binary.run(["routes", "--format", "az", "--node", "er-gateway"])
        #expect(gateway.stdout.contains("$ az network vnet-gateway list-learned-routes -n er-gateway"))
        let json = String(gateway.stdout.drop { $0 != "{" })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(document["value"] as? [[String: Any]])
        #expect(rows.contains { $0["origin"] as? String == "Network" && $0["nextHop"] is NSNull })
        #expect(rows.allSatisfy { Set($0.keys) == ["asPath", "localAddress", "network", "nextHop", "origin", "sourcePeer", "weight"] })
    }

    @Test("--format az-table: az -o table's columns and widths (header + 2, or the widest cell)")
    func azTable() throws {
        let output = try Binary.run(["routes", "--format", "az-table", "--node", "er-gateway", "--route-exchange", "on"])
        #expect(output.stdout.contains("$ az network vnet-gateway list-learned-routes -n er-gateway -o table"))
        #expect(output.stdout.contains("""
            Network       NextHop        Origin    SourcePeer     AsPath       Weight
            ------------  -------------  --------  -------------  -----------  --------
            10.0.0.0/16                  Network   10.0.3.4                    32768
            """))
    }
}
