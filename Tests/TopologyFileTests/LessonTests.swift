import Foundation
import RoutingEngine
import Testing
import TopologyFile

@Suite("Lessons")
struct LessonTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("topologies/lessons")

    @Test("the embedded lessons are byte-for-byte the files in topologies/lessons (run scripts/embed-topologies.sh)")
    func embedded() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.lessons.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.map { String($0.dropLast(5)) } == BundledLessons.all.map(\.name))
        for entry in BundledLessons.all {
            #expect(entry.yaml == (try String(contentsOf: Self.lessons.appendingPathComponent("\(entry.name).yaml"), encoding: .utf8)))
        }
    }

    @Test("every bundled lesson loads, names a bundled topology, and every answer is computed at every step",
          arguments: BundledLessons.all.map(\.name))
    func bundled(_ name: String) throws {
        let lesson = try BundledLessons.lesson(named: name)
        let topology = try BundledTopologies.topology(named: lesson.topology)
        #expect(!lesson.steps.isEmpty && lesson.steps.contains { !$0.questions.isEmpty })
        for (index, step) in lesson.steps.enumerated() {
            let result = try Engine.compute(topology, settings: lesson.settings(through: index, startingFrom: Settings(of: topology)))
            if let select = step.select { #expect(result.node(named: select) != nil || result.network.virtualNetworks.contains { $0.name == select }) }
            for question in step.questions {
                let answer = result.answer(to: question).text
                #expect(!answer.hasPrefix("there is no"), "\(name) step \(index + 1): \(question.question) → \(answer)")
            }
        }
    }

    @Test("the first lesson's answers are what Microsoft's page \"Route Server support for ExpressRoute and Azure VPN\" says, computed")
    func seedAnswers() throws {
        let lesson = try BundledLessons.lesson(named: "route-exchange")
        let topology = try BundledTopologies.topology(named: lesson.topology)
        let before = try Engine.compute(topology, settings: lesson.settings(through: 0, startingFrom: Settings(of: topology)))
        let after = try Engine.compute(topology, settings: lesson.settings(through: 2, startingFrom: Settings(of: topology)))
        #expect(before.answer(lesson.steps[0].questions[2].answer).short == "no")
        #expect(after.answer(lesson.steps[2].questions[0].answer).short == "65515 12076 65020")
        #expect(after.answer(lesson.steps[2].questions[1].answer).short == "65001 65010")
        #expect(after.answer(lesson.steps[2].questions[2].answer).short == "12076")
    }

    @Test("a lesson file's mistakes are refused with positions")
    func refusals() {
        #expect(throws: TopologyErrors.self) { try LessonLoader.parse("title: t\nsteps: []\n", file: "l.yaml") }
        do {
            _ = try LessonLoader.parse("""
                title: t
                topology: sdwan-er
                steps:
                  - say: hello
                    ask:
                      - {question: q, answer: {node: sdwan, prefix: 10.2.0.0/16, show: aspath}}
                """, file: "l.yaml")
            Issue.record("a bad answer kind loaded")
        } catch {
            #expect(error.first.line == 6)
            #expect(error.first.message.contains("unknown answer 'aspath'"))
            #expect(error.first.hint?.contains("asPath") == true)
        }
    }

    /// The answers of a lesson's step, computed at the settings the step is about.
    static func answers(_ name: String, step: Int) throws -> [LessonAnswer] {
        let lesson = try BundledLessons.lesson(named: name)
        let topology = try BundledTopologies.topology(named: lesson.topology)
        let result = try Engine.compute(topology, settings: lesson.settings(through: step, startingFrom: Settings(of: topology)))
        return lesson.steps[step].questions.map { result.answer(to: $0) }
    }

    @Test("a question with choices has exactly one right choice at its step, in every bundled lesson", arguments: BundledLessons.all.map(\.name))
    func oneRightChoice(_ name: String) throws {
        let lesson = try BundledLessons.lesson(named: name)
        for (index, step) in lesson.steps.enumerated() {
            let answers = try Self.answers(name, step: index)
            for (question, answer) in zip(step.questions, answers) {
                guard let choices = question.offeredChoices else { continue }
                #expect(choices.filter(answer.accepts).count == 1, "\(name) step \(index + 1): \(question.question) → \(answer.text)")
            }
        }
    }

    @Test("a yes/no answer says yes or no first, then why; a next-hop answer says whose addresses they are")
    func answersSayWhy() throws {
        let first = try Self.answers("route-exchange", step: 0)
        #expect(first[1].text == "2 — two next hops: one per Azure Route Server instance (10.0.1.4 is route-server#0, 10.0.1.5 is route-server#1)")
        #expect(first[2].text.hasPrefix("no — sdwan has no route for 10.2.0.0/16: route-server#0 does not send it to sdwan: route exchange is off"))
        #expect(first[1].accepts("two") && first[1].accepts("2 next hops") && !first[1].accepts("1"))
        #expect(first[2].accepts("no") && first[2].accepts("No, it does not") && !first[2].accepts("yes"))
        let seeded = try Self.answers("route-exchange", step: 2)
        #expect(seeded[0].accepts("65515 12076 65020") && seeded[0].accepts("65515-12076-65020") && !seeded[0].accepts("65515 65020"))
        #expect(seeded[2].text.hasPrefix("12076 — on-prem-1 originated it, but its ASN (65010) is not in the path any more: the MSEE removes private ASNs"))
    }

    @Test("R20: an NVA that peers with one Route Server instance has one next hop instead of two (both-instances)")
    func bothInstances() throws {
        let before = try Self.answers("both-instances", step: 0)
        #expect(before[0].short == "2" && before[1].short == "10.0.1.4 and 10.0.1.5")
        let after = try Self.answers("both-instances", step: 1)
        #expect(after[0].short == "1" && after[0].why == "one next hop (10.0.1.4 is route-server#0)")
        #expect(after[1].short == "Down")
        #expect(after[2].short == "yes" && after[2].why.contains("\"some VMs will receive the advertised routes, others will not\""))
    }

    @Test("R15: a route equal to or more specific than a VNet's address space is not programmed; a larger one is (vnet-prefix)")
    func vnetPrefixProgrammed() throws {
        let answers = try Self.answers("vnet-prefix", step: 0)
        #expect(answers.map(\.short) == ["no", "no", "yes"])
        #expect(answers[0].why.hasPrefix("10.0.5.0/24 is more specific than hub-vnet's address space 10.0.0.0/16, and Azure does not program"))
        #expect(answers[1].why.hasPrefix("10.10.0.0/16 is equal to spoke-1's address space 10.10.0.0/16"))
    }

    @Test("R15 rev. 2: Route Server does not pass on a route inside a VNet's space; the larger summary it does (vnet-prefix step 2)")
    func vnetPrefixNotPassedOn() throws {
        let answers = try Self.answers("vnet-prefix", step: 1)
        #expect(answers.map(\.short) == ["no", "yes"])
    }

    @Test("R12: an NVA's prepend reaches the ExpressRoute gateway but never on-premises through ExpressRoute (er-prepend)")
    func prependRemoved() throws {
        #expect(try Self.answers("er-prepend", step: 0)[0].short == "65001 65001 65001 65001 65010")
        let site = try Self.answers("er-prepend", step: 1)
        #expect(site[0].short == "12076" && site[1].short == "12076")
        #expect(site[0].why.contains("the MSEE removes private ASNs towards the site and puts its own, 12076 (R12)"))
    }

    @Test("R24: an NVA's default route reaches the ExpressRoute site and is programmed into VMs (default-route-vpn step 1, 2)")
    func defaultRouteExpressRoute() throws {
        #expect(try Self.answers("default-route-vpn", step: 0)[0].short == "yes")
        let on = try Self.answers("default-route-vpn", step: 1)
        #expect(on[0].short == "yes" && on[2].short == "yes")
    }

    @Test("R24: a VPN gateway never advertises 0.0.0.0/0: the VPN branch does not learn the NVA's default route")
    func defaultRouteNotToVPN() throws {
        let on = try Self.answers("default-route-vpn", step: 1)
        #expect(on[1].short == "no")
    }

    @Test("R18: a peer over 4,000 routes loses its sessions and every route (route-limits)")
    func routeLimitOver() throws {
        let answers = try Self.answers("route-limits", step: 0)
        #expect(answers[0].short == "Down" && answers[1].short == "no")
    }

    @Test("R18 rev. 2: 4,000 routes per peer: nva-small's 1,200 are all accepted (route-limits)")
    func routeLimitPerPeer() throws {
        let answers = try Self.answers("route-limits", step: 0)
        #expect(answers[0].why.contains("limit 4000"))
        #expect(answers[2].short == "Established" && answers[3].short == "yes")
    }

    @Test("R4: an NVA's next hops for the VNet are Route Server's two instances (next-hops)")
    func nextHopsTowardsNVA() throws {
        let answer = try Self.answers("next-hops", step: 0)[0]
        #expect(answer.short == "10.0.1.4 and 10.0.1.5")
        #expect(answer.why.hasPrefix("two next hops: one per Azure Route Server instance"))
    }

    @Test("R23: Route Server and the VMs keep the next hop the NVAs set (a load balancer's frontend), with one firewall down too (next-hops)")
    func nextHopsSetByNVA() throws {
        let kept = try Self.answers("next-hops", step: 1)
        #expect(kept[0].short == "10.0.2.100" && kept[0].why == "one next hop (10.0.2.100 is the next hop fw-a and fw-b set, not their own IP)")
        #expect(kept[1].short == "VirtualNetworkGateway 10.0.2.100")
        let oneDown = try Self.answers("next-hops", step: 2)
        #expect(oneDown[0].short == "VirtualNetworkGateway 10.0.2.100" && oneDown[1].text.hasPrefix("yes — route-server has 10.1.0.0/16 via fw-b"))
    }

    @Test("R16: which source the VMs use follows hub routing preference (routing-preference)")
    func sourceWins() throws {
        #expect(try Self.answers("routing-preference", step: 0)[1].short == "ExpressRoute")
        #expect(try Self.answers("routing-preference", step: 1)[0].short == "NVA")
        #expect(try Self.answers("routing-preference", step: 2)[0].short == "NVA")
    }

    @Test("why and choices load; a lesson's why follows the engine's explanation")
    func whyAndChoices() throws {
        let lesson = try LessonLoader.parse("""
            title: t
            topology: sdwan-er
            steps:
              - say: look
                ask:
                  - question: Which AS path?
                    answer: {node: sdwan, prefix: 10.0.0.0/16, show: asPath}
                    choices: ["65515", "65515 65001"]
                    why: Route Server prepends its own ASN.
            """, file: "l.yaml")
        let question = lesson.steps[0].questions[0]
        #expect(question.choices == ["65515", "65515 65001"] && question.why == "Route Server prepends its own ASN.")
        let result = try Engine.compute(try BundledTopologies.topology(named: "sdwan-er"))
        #expect(result.answer(to: question).text.hasSuffix("the first one originated it. Route Server prepends its own ASN."))
        #expect(question.check("65515", in: result).text.hasPrefix("right — 65515 — "))
        #expect(question.check("65515 65001", in: result).text.hasPrefix("not quite — 65515 — "))
    }
}
