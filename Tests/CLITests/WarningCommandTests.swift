import Foundation
import Testing

/// Warnings (R13, R14, R18, R20) as every command shows them, and explain citing revision 2 (R15, R24).
@Suite("warnings and revision-2 explanations")
struct WarningCommandTests {
    static let refusal = "vpn-gateway: Azure refuses this: Route Server needs an active/active VPN gateway"

    @Test("R14: check prints a warning: line on stderr for an active/standby VPN gateway with Route Server; the exit status stays 0")
    func R14_checkWarns() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("standby-\(UUID().uuidString).yaml")
        let yaml = try String(contentsOf: Binary.packageRoot.appendingPathComponent("topologies/vpn-er.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "activeActive: true", with: "activeActive: false")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try Binary.run(["check", file.path])
        #expect(output.status == 0)
        #expect(output.stderr.contains("warning: \(file.path): \(Self.refusal)"))
        #expect(output.stderr.contains("(R14 [doc])"))
        #expect(output.stdout.contains(": ok"))
        let clean = try Binary.run(["check", "topologies/vpn-er.yaml"])
        #expect(clean.status == 0 && !clean.stderr.contains("warning:"))
    }

    @Test("R14: routes --format json carries a warnings array only when there are warnings")
    func R14_jsonWarnings() throws {
        let output = try Binary.run(["routes", "vpn-er", "--active-active", "off", "--format", "json"])
        #expect(output.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let warnings = try #require(document["warnings"] as? [[String: Any]])
        #expect(warnings.count == 1)
        #expect(warnings[0]["node"] as? String == "vpn-gateway" && warnings[0]["rule"] as? String == "R14")
        #expect((warnings[0]["message"] as? String)?.hasPrefix("Azure refuses this") == true)
        let clean = try Binary.run(["routes", "vpn-er", "--format", "json"])
        #expect(!clean.stdout.contains("\"warnings\""))
    }

    @Test("R14: the text header and explain say it too; explain adds a sentence about the node")
    func R14_textAndExplain() throws {
        let text = try Binary.run(["routes", "vpn-er", "--active-active", "off", "--node", "on-prem-1"])
        #expect(text.stdout.contains("WARNING: \(Self.refusal)"))
        let explain = try Binary.run(["explain", "vpn-er", "--active-active", "off", "--node", "vpn-gateway", "--prefix", "10.2.0.0/16"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("Warning about vpn-gateway: Azure refuses this"))
        #expect(explain.stdout.contains("— R14 [doc] a VPN gateway with Route Server must be active/active with ASN 65515."))
    }

    @Test("R15: explain for a VNet says why a /24 inside the hub is absent; at Route Server, why it is not passed on")
    func R15_explainInsideHub() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("inside-\(UUID().uuidString).yaml")
        let yaml = try String(contentsOf: Binary.packageRoot.appendingPathComponent("topologies/sdwan-er.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "    site: on-prem-1\n", with: "    site: on-prem-1\n    advertise: [10.0.5.0/24]\n")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let vnet = try Binary.run(["explain", file.path, "--node", "hub-vnet", "--prefix", "10.0.5.0/24"])
        #expect(vnet.status == 0, "\(vnet.stderr)")
        #expect(vnet.stdout.contains("VMs in hub-vnet have no effective route for exactly 10.0.5.0/24"))
        #expect(vnet.stdout.contains("Note (R15 [doc] VM effective routes): the gateways hold 10.0.5.0/24, but it is equal to or inside 10.0.0.0/16"))
        let routeServer = try Binary.run(["explain", file.path, "--node", "route-server", "--prefix", "10.0.5.0/24",
                                          "--route-exchange", "on"])
        #expect(routeServer.stdout.contains("Note (R15 [doc] VM effective routes): 10.0.5.0/24 is equal to or inside the virtual network address space 10.0.0.0/16"))
        let gateway = try Binary.run(["explain", file.path, "--node", "er-gateway", "--prefix", "10.0.5.0/24", "--route-exchange", "on"])
        #expect(gateway.stdout.contains("does not pass it to er-gateway#0: equal to or inside a virtual network's address space: Route Server does not pass it on — R15 [doc]"))
    }

    @Test("R24: explain says why a VPN branch has no default route while the ExpressRoute site has one")
    func R24_explainBranchDefault() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("default-\(UUID().uuidString).yaml")
        let yaml = try String(contentsOf: Binary.packageRoot.appendingPathComponent("topologies/sdwan-vpn-er.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "    site: on-prem-1\n", with: "    site: on-prem-1\n    advertise: [0.0.0.0/0]\n")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let site = try Binary.run(["explain", file.path, "--node", "on-prem-2", "--prefix", "0.0.0.0/0", "--route-exchange", "on"])
        #expect(site.stdout.contains("on-prem-2 holds 2 paths for 0.0.0.0/0"))
        let explain = try Binary.run(["explain", file.path, "--node", "on-prem-3", "--prefix", "0.0.0.0/0", "--route-exchange", "on"])
        #expect(explain.stdout.contains("a VPN gateway never advertises 0.0.0.0/0 to its BGP peers — R24 [doc]"))
    }
}
