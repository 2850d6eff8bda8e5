import Explorer
import Testing

@Suite(":down and :up")
struct DownCommandTests {
    @Test(":down is checked as the file's down entry and --down are, with the same words; a good entry still works")
    func sameCheckAsTheFile() throws {
        var state = try explorer()
        state.command("down sdwan--er-gateway")
        #expect(state.settings.down.isEmpty)
        #expect(state.message?.isError == true)
        #expect(state.message?.text == "session 'sdwan--er-gateway' in :down names no session: 'sdwan' and 'er-gateway' do not peer"
                + " — 'sdwan' peers with on-prem-1, route-server")
        state.command("up hub-vnet")
        #expect(state.message?.text.hasPrefix("'hub-vnet' in :up is a virtual network, not a BGP node") == true)
        state.command("down sdwan--route-server#1")
        #expect(state.settings.down == ["sdwan--route-server#1"])
    }
}
