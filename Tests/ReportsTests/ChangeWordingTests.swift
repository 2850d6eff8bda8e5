import Reports
import RoutingEngine
import Testing
import TopologyFile

/// Words of the change reports: signs, plurals, no "via local []".
@Suite("Change wording")
struct ChangeWordingTests {
    @Test("the diff command signs a member that left with -, not ~, and counts in the right number")
    func diffSigns() throws {
        let topology = try BundledTopologies.topology(named: "two-nvas-ecmp")
        let before = try Engine.compute(topology)
        var settings = Settings(of: topology)
        settings.down = ["nva-b"]
        let after = try Engine.compute(topology, settings: settings)
        let text = DiffReport.text(before.diff(to: after), from: before.settings, to: settings, topology: topology)
        #expect(text.contains("  - 10.50.0.0/16 via nva-a [65001], 4 paths → 2 paths"))
        #expect(text.contains("  ~ 10.60.0.0/16 via nva-c"))
        #expect(text.contains("  - 10.50.0.0/16 originated here"))
        #expect(!text.contains("via local"))
        #expect(text.contains("22 route changes on 7 nodes, 3 session changes, 6 effective route changes"))
    }

    @Test("counted: 1 route change, 2 route changes, 0 steps")
    func plurals() {
        #expect(counted(1, "route change") == "1 route change")
        #expect(counted(2, "route change") == "2 route changes")
        #expect(counted(0, "step") == "0 steps")
    }
}
