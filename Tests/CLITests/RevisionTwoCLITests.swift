import Foundation
import Testing

/// The CLI with revision-2 files: subnets as `--node` and `trace --from`, refusals with exit 1.
@Suite("CLI: format revision 2")
struct RevisionTwoCLITests {
    @Test("R22: trace --from a subnet follows its user route to the firewall NVA; --node takes a subnet")
    func subnets() throws {
        let trace = try Binary.run(["trace", "topologies/forced-tunnelling-firewall.yaml", "--from", "app", "--to", "10.0.30.1"])
        #expect(trace.status == 0)
        #expect(trace.stdout.contains("app  10.0.0.0/16 User to-hub-via-firewall → VirtualAppliance 10.0.4.4"))
        #expect(trace.stdout.contains("└ firewall-nva"))
        let routes = try Binary.run(["routes", "forced-tunnelling-firewall", "--node", "mgmt", "--format", "json"])
        #expect(routes.status == 0)
        #expect(routes.stdout.contains("\"subnet\" : \"mgmt\""))
        #expect(!routes.stdout.contains("\"subnet\" : \"app\""))
        let unknown = try Binary.run(["routes", "forced-tunnelling-firewall", "--node", "ap"])
        #expect(unknown.status != 0 && unknown.stderr.contains("did you mean 'app'?"))
    }

    @Test("a revision-2 refusal: file:line:column, the hint, exit 1")
    func refusal() throws {
        let file = "Tests/TopologyFileTests/Fixtures/invalid/route-table-unknown.yaml"
        let output = try Binary.run(["check", file])
        #expect(output.status == 1)
        #expect(output.stderr.contains("\(file):9:19: route table 'rt-workload' of hub.subnets[0] (workload) is not defined under routeTables"))
        #expect(output.stderr.contains("hint: did you mean 'rt-workloads'?"))
    }
}
