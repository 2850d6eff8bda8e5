import Foundation
import Testing

@Suite("diff, explain and steps")
struct TeachingCommandTests {
    @Test("diff: node by node, + for what route exchange adds, sessions and effective routes; JSON too")
    func diff() throws {
        let text = try Binary.run(["diff", "sdwan-er", "--route-exchange", "on"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("sdwan\n  + 10.2.0.0/16 via route-server [65515 12076 65020] (+1 more path)"))
        #expect(text.stdout.contains("er-gateway\n  + 10.1.0.0/16 via route-server [65001 65010]"))
        #expect(text.stdout.contains("5 route changes on 5 nodes, 0 session changes"))
        let vpn = try Binary.run(["diff", "vpn-er", "--active-active", "off"])
        // R14 rev. 2: the Route Server peering goes away (rev. 1: the sessions went Down).
        #expect(vpn.stdout.contains("route-server#0 — vpn-gateway#0: Established → Down (no peering: Azure refuses Route Server with this VPN gateway (R14))"))
        // The same best path on one instance fewer: a member left (-), and a local route is "originated here".
        #expect(vpn.stdout.contains("- 10.0.0.0/16 originated here, 2 paths → 1 path"))
        let none = try Binary.run(["diff", "sdwan-er"])
        #expect(none.stdout.contains("No route, session or effective route changes."))
        let json = try Binary.run(["diff", "sdwan-er", "--route-exchange", "on", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let routes = try #require(document["routes"] as? [[String: Any]])
        #expect(routes.contains { $0["node"] as? String == "sdwan" && $0["prefix"] as? String == "10.2.0.0/16" && $0["change"] as? String == "added" })
        #expect((document["to"] as? [String: Any])?["allowBranchToBranchTraffic"] as? Bool == true)
    }

    @Test("explain: why a route is absent, with the rule and its confidence; why the best won")
    func explain() throws {
        let absent = try Binary.run(["explain", "--node", "sdwan", "--prefix", "10.2.0.0/16"])
        #expect(absent.status == 0)
        #expect(absent.stdout.contains("sdwan has no route for 10.2.0.0/16."))
        #expect(absent.stdout.contains("route-server#0 does not pass it to sdwan: route exchange is off: gateway routes are not passed to NVAs — R7 [doc]"))
        #expect(absent.stdout.contains("Originated by on-prem-2."))
        let present = try Binary.run(["explain", "--node", "sdwan", "--prefix", "10.2.0.0/16", "--route-exchange", "on"])
        #expect(present.stdout.contains("sdwan holds 2 paths for 10.2.0.0/16; 2 are used together (multipath)."))
        #expect(present.stdout.contains("Path from route-server#0 (AS path [65515 12076 65020], weight 0, eBGP): best, sharing with equal paths (multipath)."))
        let loop = try Binary.run(["explain", "shared-asn", "--node", "branch-a", "--prefix", "10.12.0.0/16"])
        #expect(loop.stdout.contains("contains own AS 65010 — R3 [bgp]"))
        let bad = try Binary.run(["explain", "--node", "sdwan", "--prefix", "10.2.0.1/16"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("did you mean 10.2.0.0/16?"))
    }

    @Test("explain takes an address (the longest matching prefix) and names the covering route of a prefix nobody has")
    func explainAddresses() throws {
        let address = try Binary.run(["explain", "--node", "sdwan", "--prefix", "10.2.1.1", "--route-exchange", "on"])
        #expect(address.status == 0)
        #expect(address.stdout.contains("10.2.1.1: sdwan uses 10.2.0.0/16, the longest matching prefix — explained below."))
        #expect(address.stdout.contains("sdwan holds 2 paths for 10.2.0.0/16"))
        let covering = try Binary.run(["explain", "--node", "sdwan", "--prefix", "10.2.5.0/24", "--route-exchange", "on"])
        #expect(covering.status == 0)
        #expect(covering.stdout.contains("10.2.5.0/24 is not in sdwan's table; the covering route is 10.2.0.0/16 — explained below."))
        #expect(covering.stdout.contains("sdwan holds 2 paths for 10.2.0.0/16"))
        // Without route exchange sdwan has no route: the network's prefix is explained as absent.
        let absent = try Binary.run(["explain", "--node", "sdwan", "--prefix", "10.2.1.1"])
        #expect(absent.stdout.contains("10.2.1.1: no route of sdwan covers it; the network knows 10.2.0.0/16 — explained below."))
        #expect(absent.stdout.contains("sdwan has no route for 10.2.0.0/16."))
        let bad = try Binary.run(["explain", "--node", "sdwan", "--prefix", "10.2.1"])
        #expect(bad.status == 64 && bad.stderr.contains("is not an IPv4 prefix or address"))
    }

    @Test("explain --node VNET: why its VMs use a route — which gateway, the hub routing preference step, ECMP, what lost")
    func explainEffectiveRoute() throws {
        let er = try Binary.run(["explain", "routing-preference", "--node", "hub-vnet", "--prefix", "10.2.1.1"])
        #expect(er.status == 0)
        #expect(er.stdout.contains("10.2.1.1: hub-vnet uses 10.2.0.0/16, the longest matching prefix — explained below."))
        #expect(er.stdout.contains("Learned by BGP and programmed by the hub's gateways (VirtualNetworkGateway), next hop 192.168.255.2, 192.168.255.6."))
        #expect(er.stdout.contains("  route-server#0 from sdwan: NVA, AS path [65001], next hop 10.0.2.4 — lost at hub routing preference"))
        #expect(er.stdout.contains("Hub routing preference ExpressRoute decided first: ExpressRoute routes before VPN and NVA routes (R16)."))
        #expect(er.stdout.contains("ECMP: VMs spread traffic over 2 next hops (192.168.255.2, 192.168.255.6)"))
        let nva = try Binary.run(["explain", "routing-preference", "--node", "hub-vnet", "--prefix", "10.2.0.0/16", "--preference", "VpnGateway"])
        #expect(nva.stdout.contains("er-gateway#0 from er-circuit#0: ExpressRoute, AS path [12076 65020], next hop 192.168.255.2 — lost at hub routing preference"))
        #expect(nva.stdout.contains("route-server#0 from sdwan: NVA, AS path [65001], next hop 10.0.2.4 — programmed"))
        let system = try Binary.run(["explain", "--node", "hub-vnet", "--prefix", "10.0.1.1"])
        #expect(system.stdout.contains("A system route: 10.0.0.0/16 is hub-vnet's own address space (VnetLocal), reached inside the VNet."))
    }

    @Test("trace --to a prefix: traced to its first address, naming the covering route")
    func traceToPrefix() throws {
        let output = try Binary.run(["trace", "--from", "on-prem-1", "--to", "10.2.5.0/24", "--route-exchange", "on"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("10.2.5.0/24 is not in on-prem-1's table; the covering route is 10.2.0.0/16 — traced below."))
        #expect(output.stdout.contains("trace from on-prem-1 to 10.2.5.0"))
        #expect(output.stdout.contains("on-prem-1  10.2.0.0/16 via sdwan [65001 65515 12076 65020]"))
        let exact = try Binary.run(["trace", "--from", "on-prem-1", "--to", "10.2.0.0/16", "--route-exchange", "on"])
        #expect(!exact.stdout.contains("covering route"))
    }

    @Test("steps: one BGP message per line, from the file's state to the toggled one")
    func steps() throws {
        let output = try Binary.run(["steps", "sdwan-er", "--route-exchange", "on"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("UPDATE route-server#0 → sdwan 10.2.0.0/16 [65515 12076 65020]"))
        #expect(output.stdout.contains("stable after 15 messages (15 steps)"))
        let fromNothing = try Binary.run(["steps", "vpn-er"])
        #expect(fromNothing.stdout.contains("from nothing learned to:"))
        #expect(fromNothing.stdout.contains("UPDATE vpn-gateway#0 → on-prem-1 10.0.0.0/16 [65515]"))
    }

    @Test("steps: sessions going down are steps (not '0 steps'); JSON convergence.steps counts what steps prints")
    func stepsSessionsAndCount() throws {
        let down = try Binary.run(["steps", "vpn-er", "--active-active", "off"])
        #expect(down.status == 0)
        #expect(down.stdout.contains("1  SESSION DOWN route-server#0 — vpn-gateway#0: no peering: Azure refuses Route Server with this VPN gateway (R14)"))
        #expect(down.stdout.contains("6  SESSION DOWN vpn-gateway#1 — on-prem-1: instance not provisioned"))
        #expect(down.stdout.contains("stable after 0 messages (6 steps)"))
        for name in ["sdwan-er", "vpn-er", "sdwan-vpn-er", "two-nvas-ecmp"] {
            let steps = try Binary.run(["steps", name])
            let printed = steps.stdout.split(separator: "\n").filter { $0.drop { $0 == " " }.first?.isNumber == true }.count
            let json = try Binary.run(["routes", name, "--format", "json"])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let convergence = try #require(document["convergence"] as? [String: Any])
            #expect(convergence["steps"] as? Int == printed, "\(name)")
            #expect(steps.stdout.contains("(\(printed) steps)"), "\(name)")
            // messages: as BGP packs them, one UPDATE per group of prefixes with the same attributes.
            #expect((convergence["messages"] as? Int ?? .max) <= printed, "\(name)")
        }
    }
}

@Suite("trace")
struct TraceCommandTests {
    @Test("trace prints the hop tree; exit 0 when every branch arrives, 3 with a black hole")
    func trace() throws {
        let on = try Binary.run(["trace", "--from", "on-prem-1", "--to", "10.2.1.1", "--route-exchange", "on"])
        #expect(on.status == 0)
        #expect(on.stdout.contains("route-server#0  Route Server is not in the data path: the hub forwards the packet"))
        #expect(on.stdout.contains("er-gateway  forwards to the circuit (er-circuit#0)"))
        #expect(on.stdout.contains("✓ delivered: 10.2.1.1 is in on-prem-2's network"))
        let off = try Binary.run(["trace", "--from", "on-prem-1", "--to", "10.2.1.1"])
        #expect(off.status == 3)
        #expect(off.stdout.contains("✗ black hole: on-prem-1 has no route to 10.2.1.1"))
        let bad = try Binary.run(["trace", "--from", "on-prem-1", "--to", "10.2.1"])
        #expect(bad.status == 64)
        let tunnel = try Binary.run(["trace", "default-route", "--from", "spoke-1", "--to", "8.8.8.8"])
        #expect(tunnel.stdout.contains("sdwan takes it with its own default route (forced tunnelling)"))
    }
}

@Suite("check --expect")
struct ExpectCommandTests {
    @Test("the bundled seed expectations hold: exit 0, each fact listed ok")
    func bundledExpectationsHold() throws {
        let output = try Binary.run(["check", "topologies/sdwan-er.yaml", "--expect", "topologies/expectations/sdwan-er.expect.yaml"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("10 facts: 10 held, 0 failed"))
        #expect(!output.stdout.contains("FAIL"))
    }

    @Test("a fact that does not hold: exit 1, FAIL with its position and what the tables say; a bad file: exit 1 on stderr")
    func failures() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("routescope-expect-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let wrong = directory.appendingPathComponent("wrong.yaml")
        try """
            settings: {allowBranchToBranchTraffic: true}
            expect:
              - {node: sdwan, has: 10.2.0.0/16, asPath: [65515, 65020]}
              - {session: sdwan--route-server, state: Down}
              - {vnet: spoke-1, lacks: 10.1.0.0/16}
            """.write(to: wrong, atomically: true, encoding: .utf8)
        let output = try Binary.run(["check", "sdwan-er", "--expect", wrong.path])
        #expect(output.status == 1)
        #expect(output.stdout.contains("FAIL \(wrong.path):3:5  expected sdwan to have 10.2.0.0/16 [65515 65020] — sdwan has 10.2.0.0/16 via route-server [65515 12076 65020]"))
        #expect(output.stdout.contains("FAIL \(wrong.path):4:5  expected sdwan--route-server Down — all 2 sessions Established"))
        #expect(output.stdout.contains("3 facts: 0 held, 3 failed"))
        let typo = directory.appendingPathComponent("typo.yaml")
        try "expect:\n  - {node: sdwan, hass: 10.2.0.0/16}\n".write(to: typo, atomically: true, encoding: .utf8)
        let bad = try Binary.run(["check", "sdwan-er", "--expect", typo.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("typo.yaml:2:19: unknown key 'hass' in expect[0]"))
        #expect(bad.stderr.contains("did you mean 'has'?"))
    }
}

@Suite("export")
struct ExportCommandTests {
    @Test("md, svg, dot, txt and json: the tables and the diagram, to stdout or atomically to a file")
    func formats() throws {
        let md = try Binary.run(["export", "--format", "md", "--route-exchange", "on"])
        #expect(md.status == 0)
        #expect(md.stdout.contains("## sdwan — network virtual appliance, AS 65001"))
        #expect(md.stdout.contains("| Source | State | Address Prefix | Next Hop Type | Next Hop IP |"))
        #expect(md.stdout.contains("*> 10.2.0.0/16      10.0.1.4"))
        let svg = try Binary.run(["export", "vpn-er", "--format", "svg", "--active-active", "off"])
        #expect(svg.stdout.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        for name in ["on-prem-1", "vpn-gateway", "route-server", "er-gateway", "er-circuit", "on-prem-2", "hub-vnet", "spoke-1"] {
            #expect(svg.stdout.contains(">\(name)</text>"), "the SVG lacks \(name)")
        }
        #expect(svg.stdout.contains(">down</text>"))
        let dot = try Binary.run(["export", "--format", "dot"])
        #expect(dot.stdout.contains("\"sdwan\" -- \"route-server\" [label=\"→1 ←2\", color=darkgreen]"))
        let json = try Binary.run(["export", "--format", "json"])
        #expect(json.stdout == (try Binary.run(["routes", "--format", "json"])).stdout)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("routescope-export-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let written = try Binary.run(["export", "--format", "txt", "--output", file.path])
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("BGP table of sdwan"))
        let failed = try Binary.run(["export", "--format", "txt", "--output", "/nonexistent/dir/x.txt"])
        #expect(failed.status == 1 && failed.stderr.contains("cannot write /nonexistent/dir/x.txt"))
    }
}

@Suite("lesson")
struct LessonCommandTests {
    @Test("lesson list, a lesson with computed answers, and a handout without them")
    func lessons() throws {
        let list = try Binary.run(["lesson", "list"])
        #expect(list.status == 0)
        for name in ["route-exchange", "vpn-active-active", "routing-preference", "loop-prevention", "both-instances", "vnet-prefix",
                     "er-prepend", "default-route-vpn", "route-limits", "next-hops"] { #expect(list.stdout.contains(name)) }
        let lesson = try Binary.run(["lesson", "vpn-active-active"])
        #expect(lesson.stdout.contains("Over how many tunnels (next hops) does on-prem-1 reach the hub now?\n      → 1 — one next hop (10.0.3.12 is vpn-gateway#0)\n"))
        #expect(lesson.stdout.contains("→ no — on-prem-1 has no route for 10.2.0.0/16: "))
        let handout = try Binary.run(["lesson", "vpn-active-active", "--no-answers"])
        #expect(handout.stdout.contains("Q1.") && !handout.stdout.contains("→"))
        let missing = try Binary.run(["lesson", "route-exchang"])
        #expect(missing.status == 1 && missing.stderr.contains("did you mean 'route-exchange'"))
    }

    @Test("lesson NAME --explore: off a terminal prints the script; the screen options go with --explore only")
    func explore() throws {
        let piped = try Binary.run(["lesson", "vpn-active-active", "--explore"])
        #expect(piped.status == 0)
        #expect(piped.stdout == (try Binary.run(["lesson", "vpn-active-active"])).stdout)
        let present = try Binary.run(["lesson", "vpn-active-active", "--present"])
        #expect(present.status == 64 && present.stderr.contains("the screen options go with --explore"))
        let list = try Binary.run(["lesson", "list", "--explore"])
        #expect(list.status == 64 && list.stderr.contains("--explore needs a lesson"))
        let handout = try Binary.run(["lesson", "vpn-active-active", "--explore", "--handout", "md"])
        #expect(handout.status == 64 && handout.stderr.contains("--handout and --no-answers are for the printed script"))
    }

    @Test("lesson NAME --handout md: narration, the table each question is about at its step, the questions; --answers adds them")
    func handout() throws {
        let blank = try Binary.run(["lesson", "route-exchange", "--handout", "md"])
        #expect(blank.status == 0)
        let text = blank.stdout
        #expect(text.hasPrefix("# What route exchange (branch-to-branch) does\n"))
        #expect(text.contains("## Step 3 of 3") && text.contains("**Your turn:** route exchange on."))
        #expect(text.contains("Microsoft's page \"Route Server support for ExpressRoute and Azure VPN\""))
        #expect(!text.contains("seed"))
        // Step 1's table is sdwan's, before route exchange: no on-prem-2; step 3's has it, from Route Server.
        let steps = text.components(separatedBy: "## Step ")
        #expect(steps[1].contains("**sdwan: show ip bgp 10.0.0.0/16 10.2.0.0/16**") && steps[1].contains("(no route for 10.2.0.0/16)"))
        #expect(steps[3].contains("*> 10.2.0.0/16      10.0.1.4") && steps[3].contains("65515 12076 65020 i"))
        #expect(steps[2].contains("**Effective routes of a VM in hub-vnet, for 10.1.0.0/16**") && steps[2].contains("**route-server: BGP sessions**"))
        #expect(text.contains("3. Does the SD-WAN NVA know on-prem-2 (10.2.0.0/16)?\n   ☐ yes  ☐ no\n   *Your answer:* ____"))
        #expect(!text.contains("*Answer:*"))
        let answered = try Binary.run(["lesson", "route-exchange", "--handout", "md", "--answers"])
        #expect(answered.stdout.contains("   *Answer:* no — sdwan has no route for 10.2.0.0/16: "))
        #expect(answered.stdout.contains("   *Answer:* 65515 12076 65020 — read right to left: on-prem-2 (65020)"))
        let wrong = try Binary.run(["lesson", "route-exchange", "--answers"])
        #expect(wrong.status == 64 && wrong.stderr.contains("--answers goes with --handout md"))
    }
}
