import Explorer
import RoutingEngine
import Testing

@Suite("Explorer screens (golden text)")
struct ScreenTests {
    @Test("the seed's two diagrams and the three-way hub at 80×24 and 120×40",
          arguments: [("sdwan-er", 80, 24), ("sdwan-er", 120, 40), ("vpn-er", 80, 24), ("vpn-er", 120, 40),
                      ("sdwan-vpn-er", 80, 24), ("sdwan-vpn-er", 160, 50)])
    func initialScreens(_ name: String, _ width: Int, _ height: Int) throws {
        try expectGolden(view(try explorer(name, width: width, height: height)), "\(name)-\(width)x\(height)")
    }

    @Test("after r: route exchange ON in words, + rows on the NVA's new routes, the change log")
    func afterRouteExchange() throws {
        var state = try explorer("sdwan-er", width: 120, height: 40)
        state.press(.char("r"))
        let screen = view(state)
        try expectGolden(screen, "sdwan-er-120x40-route-exchange-on")
        let plus = try #require(screen.find("+ *> 10.2.0.0/16"))
        #expect(screen[plus.x, plus.y].role == .added)
        let on = try #require(screen.find("route exchange: ON"))
        #expect(screen[on.x + "route exchange: ".count, on.y].role == .statusOn)
        #expect(screen.text.contains("sdwan: +10.2.0.0/16 via route-server [65515 12076 65020]"))
    }

    @Test("the VPN variant: active/active off takes the Route Server sessions down, shown on the link and in the status line")
    func vpnActiveActiveOff() throws {
        var state = try explorer("vpn-er", width: 120, height: 40)
        state.press(.char("a"))
        let screen = view(state)
        try expectGolden(screen, "vpn-er-120x40-active-active-off")
        #expect(screen.text.contains("VPN active/active: OFF"))
        #expect(screen.text.contains("down"))
        #expect(screen.text.contains("route-server#0 — vpn-gateway#0: down (VPN gateway is not active-active)"))
    }

    @Test("help opens on the switches, says it scrolls and how it closes")
    func help() throws {
        var state = try explorer(width: 100, height: 30)
        state.press(.char("?"))
        let text = view(state).text
        for words in ["Help — Explorer", "Switches", "route exchange", "undo a change", "j/k PgUp/PgDn scroll · Esc closes"] {
            #expect(text.contains(words), "help lacks \(words)")
        }
    }

    @Test("too small: says so with the minimum instead of drawing")
    func tooSmall() throws {
        let text = view(try explorer(width: 50, height: 12)).text
        #expect(text.contains("terminal too small (need 60×16)"))
    }

    @Test("ASCII line drawing when the locale is not UTF-8")
    func ascii() throws {
        let text = view(try explorer(width: 80, height: 24, glyphs: .ascii)).text
        #expect(text.contains("+-----"))
        #expect(!text.contains("─") && !text.contains("┌"))
    }

    @Test("every role that carries meaning also carries a glyph or a word (monochrome still shows state)")
    func wordsNotOnlyColour() throws {
        var state = try explorer("sdwan-er", width: 120, height: 40)
        state.press(.char("d"))   // sdwan down
        let text = view(state).text
        #expect(text.contains("DOWN"))
        #expect(text.contains("down: sdwan"))
        #expect(text.contains("╳"))
    }
}
