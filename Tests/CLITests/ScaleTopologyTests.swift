import Foundation
import Testing

/// The benchmark's scale topology as a file (what scripts/measure-latency.sh and measure-cli.sh load):
/// it loads, and its subnets get the route tables of a real hub and spoke (R22, R23).
@Suite("The scale topology")
struct ScaleTopologyTests {
    /// Table rows with their runs of spaces squeezed to one.
    static func squeezed(_ text: String) -> String {
        text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            .joined(separator: "\n")
    }

    @Test("routescope-bench --emit-scale-topology: 84 subnets and 25 route tables that load; UDRs to the firewall, propagation off in data subnets")
    func scaleFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scale-\(getpid()).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        let emitted = try Binary.run(["--emit-scale-topology", file.path], program: "routescope-bench")
        #expect(emitted.status == 0)
        let yaml = try String(contentsOf: file, encoding: .utf8)
        #expect(yaml.components(separatedBy: "addressPrefix: 10.").count - 1 >= 84)
        #expect(yaml.components(separatedBy: "\n  - name: rt-").count - 1 == 25)

        let check = try Binary.run(["check", file.path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("ok — 22 nodes, 41 sessions, 13022 prefixes"))

        // data: "Propagate gateway routes: No", everything beyond the VNet to the firewall.
        let data = Self.squeezed(try Binary.run(["routes", file.path, "--node", "spoke-7-data"]).stdout)
        #expect(data.contains("spoke-7 / spoke-7-data (subnet 10.106.3.0/24, route table rt-data, propagate gateway routes: No)"))
        #expect(data.contains("User Active 0.0.0.0/0 VirtualAppliance 10.0.4.4 default-via-firewall"))
        #expect(data.contains("User Active 10.0.0.0/8 VirtualAppliance 10.0.4.4 private-via-firewall"))
        #expect(data.contains("Default Invalid 10.0.0.0/8 None"))
        #expect(!data.contains("VirtualNetworkGateway"))
        // web keeps the gateway routes: a branch prefix via sdwan-1's next hop, the firewall (R23).
        let web = Self.squeezed(try Binary.run(["routes", file.path, "--node", "spoke-7-web", "--prefix", "10.64.0.0/24"]).stdout)
        #expect(web.contains("VirtualNetworkGateway Active 10.64.0.0/24 VirtualNetworkGateway 10.0.4.4"))
        // mgmt reaches the Internet directly although sdwan-1 advertises the default route.
        let mgmt = Self.squeezed(try Binary.run(["routes", file.path, "--node", "spoke-7-mgmt", "--prefix", "0.0.0.0/0"]).stdout)
        #expect(mgmt.contains("User Active 0.0.0.0/0 Internet internet-direct"))
        #expect(mgmt.contains("VirtualNetworkGateway Invalid 0.0.0.0/0 VirtualNetworkGateway 10.0.4.4"))

        let trace = try Binary.run(["trace", file.path, "--from", "spoke-7-data", "--to", "10.64.0.1"])
        #expect(trace.status == 0)
        #expect(trace.stdout.contains("spoke-7-data  10.0.0.0/8 User private-via-firewall → VirtualAppliance 10.0.4.4"))
        #expect(trace.stdout.contains("✓ delivered: 10.64.0.1 is in branch-1's network"))
    }
}
