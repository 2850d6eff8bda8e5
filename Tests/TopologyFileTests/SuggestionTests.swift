import RoutingEngine
import Testing
import TopologyFile

@Suite("Did you mean")
struct SuggestionTests {
    @Test("edit distance counts insertions, deletions, substitutions and neighbour swaps as one")
    func distance() {
        #expect(Suggestions.editDistance("asnn", "asn") == 1)
        #expect(Suggestions.editDistance("nmae", "name") == 1)
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.editDistance("", "abc") == 3)
        #expect(Suggestions.editDistance("same", "same") == 0)
    }

    @Test("a typo gets the closest word, a case slip the exact spelling, an unrelated word nothing")
    func closest() {
        let keys = ["name", "asn", "ip", "site", "advertise", "asPathPrepend"]
        #expect(Suggestions.closest(to: "asnn", in: keys) == "asn")
        #expect(Suggestions.closest(to: "aspathprepend", in: keys) == "asPathPrepend")
        #expect(Suggestions.closest(to: "advertize", in: keys) == "advertise")
        #expect(Suggestions.closest(to: "colour", in: keys) == nil)
        #expect(Suggestions.closest(to: "base", in: ["name", "title"]) == nil)
        #expect(Suggestions.closest(to: "allowBranchToBranch", in: ["allowBranchToBranchTraffic"]) == "allowBranchToBranchTraffic")
        #expect(Suggestions.hint(for: "colour", in: ["a", "b"], listName: "valid keys") == "valid keys: a, b")
        #expect(Suggestions.hint(for: "on-prem1", in: ["on-prem-1", "on-prem-2"]) == "did you mean 'on-prem-1'?")
    }
}
