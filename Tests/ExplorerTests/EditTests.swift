import Explorer
import Foundation
import RoutingEngine
import Testing
import TopologyFile

/// A bundled topology with its text, as the explorer opens it; `isFile` as if opened from `source`.
func editable(_ name: String = "sdwan-er", width: Int = 100, height: Int = 30, presenter: Bool = false,
              allowEdits: Bool = false, isFile: Bool = false) throws -> ExplorerState {
    let document = try BundledTopologies.document(named: name)
    return try ExplorerState(topology: document.topology, source: isFile ? "/tmp/\(name).yaml" : name, width: width, height: height,
                             presenter: presenter, document: document, isFile: isFile, allowEdits: allowEdits)
}


@Suite("Editing in the explorer: : commands, the E form, one history, saving, the live file")
struct EditTests {
    @Test("an edit is a toggle: recompute, marks, a change log entry with counts, [+], undo and redo in one history")
    func editLikeToggle() throws {
        var state = try editable()
        state.press(.char("r"))
        #expect(state.settings.routeExchange)
        state.command("set sdwan asn 65515")
        #expect(state.topology.nvas[0].asn == 65515)
        let text = try #require(state.message?.text)
        #expect(text.hasPrefix("edit: sdwan asn 65001 → 65515: ") && text.contains("route changes") && text.contains("session changes"))
        #expect(state.message?.isError == false)
        #expect(state.changes.map { !$0.isEmpty } == true, "the edit marks rows")
        #expect(state.log.contains { $0.text == "── edit: sdwan asn 65001 → 65515 ──" })
        #expect(state.settings.routeExchange, "the switches stay as flipped")
        #expect(view(state).lines[0].hasSuffix(" sdwan-er [+] "))
        // R19: 65515 is Azure's own ASN: Route Server drops the session.
        #expect(state.changes?.sessions.contains { [$0.between.0, $0.between.1].contains("sdwan") && !$0.after.isUp } == true)

        state.press(.char("u"))
        #expect(state.topology.nvas[0].asn == 65001 && state.settings.routeExchange)
        #expect(!view(state).lines[0].contains("[+]"))
        state.press(.char("u"))
        #expect(!state.settings.routeExchange, "the toggle before the edit is in the same history")
        state.press(.ctrl("r"), .ctrl("r"))
        #expect(state.topology.nvas[0].asn == 65515 && state.settings.routeExchange)
    }

    @Test("every edit command changes the network; each refusal changes nothing and says why")
    func everyCommand() throws {
        var state = try editable("sdwan-vpn-er")
        let commands: [(String, (Topology) -> Bool)] = [
            ("set sdwan prepend 2", { $0.nvas[0].asPathPrepend == 2 }),
            ("set on-prem-1 prepend sdwan 3", { $0.sites[0].asPathPrepend == ["sdwan": 3] }),
            ("set sdwan nexthop 10.0.4.4", { $0.nvas[0].nextHop == IPv4Address("10.0.4.4") }),
            ("add prefix sdwan 10.9.0.0/16 no-export", { $0.nvas[0].advertise.map(\.prefix) == [Prefix("10.9.0.0/16")] }),
            ("del prefix sdwan 10.9.0.0/16", { $0.nvas[0].advertise.isEmpty }),
            ("add site on-prem-4 asn 65040 prefix 10.4.0.0/16", { $0.sites.last?.name == "on-prem-4" }),
            ("attach on-prem-4 to vpn bgp on", { $0.vpnGateway?.connections.last == VPNConnection(site: "on-prem-4") }),
            ("add nva sdwan-2 asn 65002 ip 10.0.2.5", { $0.nvas.count == 2 }),
            ("attach on-prem-4 to sdwan-2", { $0.nvas[1].site == "on-prem-4" }),
            ("detach on-prem-4 from sdwan-2", { $0.nvas[1].site == nil }),
            ("detach on-prem-4 from vpn", { $0.vpnGateway?.connections.count == 1 }),
            ("add spoke spoke-3 10.30.0.0/16", { $0.hub.spokes.count == 3 }),
            ("set er-circuit sku Premium", { $0.expressRouteGateway?.circuit.sku == .premium }),
            ("set vpn-gateway asn 65516", { $0.vpnGateway?.asn == 65516 }),
            ("del sdwan-2", { $0.nvas.count == 1 }),
        ]
        for (line, holds) in commands {
            state.command(line)
            #expect(state.message?.isError == false, "\(line): \(state.message?.text ?? "")")
            #expect(holds(state.topology), "\(line)")
            #expect(state.message?.text.hasPrefix("edit: ") == true, "\(line)")
        }
        let refusals: [(String, String)] = [
            ("set sdwan asn 0", "ASN 0 is out of range — ASNs are 1–4294967295; private ones are 64512–65534 and 4200000000–4294967294"),
            ("set sdwam asn 65002", "no element named 'sdwam' — did you mean 'sdwan'?"),
            ("set sdwan prepend 11", "asPathPrepend 11 is out of range — the NVA prepends its ASN 0 to 10 extra times"),
            ("set er-circuit sku Gold", "unknown sku 'Gold' — valid values: Standard, Premium"),
            ("add prefix sdwan 10.9.0.1/16", "'10.9.0.1/16' has host bits set — did you mean 10.9.0.0/16?"),
            ("del on-prem-3", "site 'on-prem-3' of vpnGateway.connections[0] is not defined under sites — did you mean 'on-prem-1'?"),
            ("attach on-prem-9 to sdwan", "site 'on-prem-9' of nvas[0] (sdwan) is not defined under sites — did you mean 'on-prem-1'?"),
            ("del hub-vnet", "the hub cannot be deleted — every topology has a hub VNet"),
        ]
        for (line, words) in refusals {
            let before = state.topology, undo = state.canUndo
            state.command(line)
            #expect(state.message?.text == words && state.message?.isError == true, "\(line): \(state.message?.text ?? "")")
            #expect(state.topology == before && state.canUndo == undo, "\(line) changed nothing")
        }
    }

    @Test("subnets and route tables: propagation off makes the subnet a route table; a UDR; the effective routes change")
    func subnetEdits() throws {
        var state = try editable("forced-tunnelling-firewall")
        state.command("set workload propagation off")
        let table = try #require(state.topology.routeTable(named: state.topology.hub.subnets[1].routeTable))
        #expect(table.name == "workload-routes" && table.disableBgpRoutePropagation)
        state.command("add route workload-routes 10.1.0.0/16 VirtualAppliance 10.0.4.4")
        #expect(state.topology.routeTable(named: "workload-routes")?.routes.map(\.nextHopType) == [.virtualAppliance])
        state.command("add route workload-routes 10.2.0.0/16 VirtualAppliance")
        #expect(state.message?.text == "missing key 'nextHopIpAddress' in routeTables[2].routes[1] — a VirtualAppliance route names the appliance, e.g. nextHopIpAddress: 10.0.3.4")
        state.command("set propagation on")
        #expect(state.message?.isError == true)
    }

    @Test("the E form: Tab between fields, Enter applies the same edit as :set, Esc cancels; a refusal keeps the form")
    func form() throws {
        var state = try editable()
        #expect(state.selection == "sdwan")
        state.press(.char("E"))
        #expect(state.mode == .form)
        #expect(state.form?.fields.map(\.name) == ["asn", "ip", "nexthop", "prepend", "site"])
        #expect(state.form?.fields[0].value == "65001")
        #expect(view(state).text.contains("Edit sdwan (an NVA)"))
        state.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        state.type("0")
        state.press(.enter)
        #expect(state.mode == .form, "a refusal keeps the form open")
        var viaCommand = try editable()
        viaCommand.command("set sdwan asn 0")
        #expect(state.message == viaCommand.message && state.message?.isError == true, "the form and :set refuse alike")
        #expect(state.topology.nvas[0].asn == 65001)
        state.press(.backspace)
        state.type("65515")
        state.press(.tab, .tab, .tab)
        state.type("2")
        state.press(.enter)
        #expect(state.form == nil)
        #expect(state.topology.nvas[0].asn == 65515 && state.topology.nvas[0].asPathPrepend == 2)
        #expect(state.message?.text.hasPrefix("edit: sdwan asn 65001 → 65515, prepend none → 2: ") == true)
        viaCommand = try editable()
        viaCommand.command("set sdwan asn 65515")
        viaCommand.command("set sdwan prepend 2")
        #expect(viaCommand.document?.text == state.document?.text, "the form writes what the commands write")
        state.press(.char("u"))
        #expect(state.topology.nvas[0].asn == 65001 && state.topology.nvas[0].asPathPrepend == 0, "one edit, one undo")
        state.press(.char("E"))
        state.type("9")
        state.press(.escape)
        #expect(state.form == nil && state.topology.nvas[0].asn == 65001)
    }

    @Test("one validation path: the same invalid values through the file, the : command and the form get the same words")
    func oneValidationPath() throws {
        let original = try BundledTopologies.document(named: "sdwan-er")
        // (form field, value, the file's line as written, the same line with the value)
        let cases = [("asn", "0", "asn: 65001", "asn: 0"), ("asn", "4294967296", "asn: 65001", "asn: 4294967296"),
                     ("asn", "1.10", "asn: 65001", "asn: 1.10"), ("ip", "10.0.2.4/24", "ip: 10.0.2.4", "ip: 10.0.2.4/24"),
                     ("site", "on-prem-3", "site: on-prem-1", "site: on-prem-3")]
        for (field, value, from, to) in cases {
            var fileWords = ""
            do {
                _ = try TopologyLoader.parse(original.text.replacingOccurrences(of: from, with: to), file: "sdwan-er.yaml")
            } catch {
                fileWords = error.first.message + (error.first.hint.map { " — \($0)" } ?? "")
            }
            var viaCommand = try editable()
            viaCommand.command("set sdwan \(field) \(value)")
            var viaForm = try editable()
            viaForm.press(.char("E"))
            while viaForm.form?.fields[viaForm.form!.focus].name != field { viaForm.press(.tab) }
            for _ in 0..<30 { viaForm.press(.backspace) }
            viaForm.type(value)
            viaForm.press(.enter)
            #expect(!fileWords.isEmpty, "the file refuses \(to)")
            #expect(viaCommand.message?.text == fileWords, "\(field) \(value) by :set")
            #expect(viaForm.message?.text == fileWords, "\(field) \(value) by the form")
            #expect(viaCommand.topology == original.topology && viaForm.topology == original.topology)
        }
    }

    @Test("Tab in the : line completes verbs, names and fields; a typo gets did-you-mean")
    func completion() throws {
        var state = try editable()
        state.press(.char(":"))
        state.type("att")
        state.press(.tab)
        #expect(state.commandLine == "attach ")
        state.press(.escape, .char(":"))
        state.type("set sd")
        state.press(.tab)
        #expect(state.commandLine == "set sdwan ")
        state.type("pre")
        state.press(.tab)
        #expect(state.commandLine == "set sdwan prepend ")
        state.press(.escape, .char(":"))
        state.type("set er-circuit sku P")
        state.press(.tab)
        #expect(state.commandLine == "set er-circuit sku Premium ")
        state.press(.escape)
        state.command("frobnicate")
        #expect(state.message?.isError == true)
        state.command("atach on-prem-1 to sdwan")
        #expect(state.message?.text.contains("did you mean 'attach'") == true)
    }

    @Test("presenter mode edits nothing unless started with --allow-edits")
    func presenter() throws {
        var state = try editable(presenter: true)
        state.command("set sdwan asn 65002")
        #expect(state.topology.nvas[0].asn == 65001)
        #expect(state.message?.text == "presenter mode does not edit the network; start with --present --allow-edits")
        state.press(.char("E"))
        #expect(state.form == nil)
        var allowed = try editable(presenter: true, allowEdits: true)
        allowed.command("set sdwan asn 65002")
        #expect(allowed.topology.nvas[0].asn == 65002)
        allowed.command("w")
        #expect(allowed.message?.isError == true, "saving is still off in presenter mode")
    }

    @Test(":w writes the edits into the opened file; :w FILE a scenario; :saveas FILE a copy that becomes the file; q asks first")
    func saving() throws {
        var state = try editable(isFile: true)
        state.command("set sdwan asn 65002")
        let text = try #require(state.document?.text)
        #expect(state.command("w") == [.saveDocument(path: "/tmp/sdwan-er.yaml", text: text, opens: false)])
        state.press(.char("q"))
        #expect(state.mode == .confirmQuit && !state.shouldQuit)
        #expect(view(state).text.contains("Quit without saving the edits"))
        state.press(.char("n"))
        update(&state, .saved(path: "/tmp/sdwan-er.yaml", text: text, opens: false))
        #expect(!state.isDirty && !view(state).lines[0].contains("[+]"))
        #expect(state.command("saveas /tmp/copy.yaml") == [.saveDocument(path: "/tmp/copy.yaml", text: text, opens: true)])
        update(&state, .saved(path: "/tmp/copy.yaml", text: text, opens: true))
        #expect(state.source == "/tmp/copy.yaml" && !state.isDirty)
        #expect(state.command("w /tmp/scenario.yaml") == [.saveScenario(path: "/tmp/scenario.yaml", topology: state.topology, settings: state.settings)])
        state.press(.char("q"))
        #expect(state.shouldQuit, "nothing unsaved: q quits")

        var bundled = try editable()
        bundled.command("set sdwan asn 65002")
        bundled.command("w")
        #expect(bundled.message?.text == "sdwan-er is bundled: :saveas FILE saves a copy to edit")
        bundled.command("q!")
        #expect(bundled.shouldQuit)
    }

    @Test("a live file: a change on disk reloads as a change; an invalid file shows every error and keeps the network")
    func reload() throws {
        var state = try editable(isFile: true)
        state.press(.char("r"))
        let text = try #require(state.document?.text)
        update(&state, .fileChanged(text: text.replacingOccurrences(of: "asn: 65001", with: "asn: 65003")))
        #expect(state.topology.nvas[0].asn == 65003 && state.settings.routeExchange, "the switches stay")
        #expect(state.message?.text.hasPrefix("reload: /tmp/sdwan-er.yaml: ") == true)
        #expect(state.log.contains { $0.text == "── reload: /tmp/sdwan-er.yaml ──" })
        #expect(!state.isDirty)
        let broken = text.replacingOccurrences(of: "asn: 65001", with: "asn: x").replacingOccurrences(of: "ip: 10.0.2.4", with: "ip: 10.0.2")
        update(&state, .fileChanged(text: broken))
        #expect(state.fileErrors.count == 2)
        #expect(state.topology.nvas[0].asn == 65003, "the last good network stays")
        let screen = view(state).text
        #expect(screen.contains("does not load: 2 errors"))
        #expect(screen.contains("26:10: expected an ASN (a whole number from 1 to 4294967295) for nvas[0].asn, found 'x'"))
        #expect(screen.contains("27:9: '10.0.2' is not an IPv4 address"))
        update(&state, .fileChanged(text: text))
        #expect(state.fileErrors.isEmpty && state.topology.nvas[0].asn == 65001)
        state.press(.char("u"))
        #expect(state.topology.nvas[0].asn == 65003, "a reload is in the history too")
    }

    @Test("at 80×24, where there is no change log pane, a broken file's errors take the table's place until fixed")
    func liveFileErrorsSmallTerminal() throws {
        var state = try editable(width: 80, height: 24, isFile: true)
        let text = try #require(state.document?.text)
        update(&state, .fileChanged(text: text.replacingOccurrences(of: "asn: 65001", with: "asn: 65x01")))
        let screen = view(state).text
        #expect(screen.contains("/tmp/sdwan-er.yaml does not load: 1 error"))
        #expect(screen.contains("26:10: expected an ASN"))
        #expect(screen.contains("listed below"))
        update(&state, .fileChanged(text: text))
        #expect(!view(state).text.contains("does not load"))
        #expect(view(state).text.contains("BGP table of sdwan"))
    }

    @Test("a lesson file that changes on disk reloads: the lesson goes on from the same step, or its last")
    func lessonReload() throws {
        var state = try editable()
        let lesson = try BundledLessons.lesson(named: "route-exchange")
        update(&state, .lessonOpened(lesson, try BundledTopologies.topology(named: lesson.topology)))
        state.press(.char("n"))
        #expect(state.lesson?.step == 1)
        let changed = Lesson(name: lesson.name, title: lesson.title, topology: lesson.topology,
                             steps: lesson.steps.map { LessonStep(say: "Edited: " + $0.say, select: $0.select, change: $0.change,
                                                                   questions: $0.questions) })
        update(&state, .lessonFileChanged(changed, try BundledTopologies.topology(named: lesson.topology)))
        #expect(state.lesson?.step == 1 && state.lesson?.lesson.steps[1].say.hasPrefix("Edited: ") == true)
        #expect(state.message?.text == "reload: lesson route-exchange, step 2 of \(lesson.steps.count)")
        let shorter = Lesson(name: lesson.name, title: lesson.title, topology: lesson.topology, steps: [lesson.steps[0]])
        update(&state, .lessonFileChanged(shorter, try BundledTopologies.topology(named: lesson.topology)))
        #expect(state.lesson?.step == 0)
    }

    @Test("step-through replays an edit one message at a time and ends at the edited tables")
    func stepThroughEdit() throws {
        var state = try editable()
        state.command("set sdwan prepend 3")
        let stable = state.result
        state.press(.char("s"))
        #expect(state.mode == .stepThrough)
        state.press(.char("g"))
        #expect(state.result.diff(to: stable).isEmpty)
        state.press(.escape)
        state.command("add nva sdwan-2 asn 65002 ip 10.0.2.5")
        state.press(.char("s"), .char("g"))
        #expect(state.result.nodes.contains { $0.name == "sdwan-2" })
    }
}
