/// What every glyph and colour on screen means, for help. Each entry names its role, so a test can
/// check the colour words against the driver's themes.
public struct LegendEntry: Sendable {
    public let sample: String
    public let role: Role
    public let meaning: String
    /// The colour theme's look, in words, and the monochrome (`NO_COLOR`) one.
    public let colour: String
    public let monochrome: String
}

public enum Legend {
    public static func entries(_ glyphs: Glyphs) -> [(heading: String, entries: [LegendEntry])] {
        let h = String(glyphs.horizontal)
        return [
            ("Diagram", [
                LegendEntry(sample: "\(glyphs.arrowRight)1 \(glyphs.arrowLeft)3", role: .linkLabel,
                            meaning: "prefixes accepted over the link: 1 to the right-hand node, 3 to the left-hand one",
                            colour: "plain", monochrome: "plain"),
                LegendEntry(sample: h + h + h, role: .linkUp, meaning: "link up: every BGP session on it established",
                            colour: "green", monochrome: "plain"),
                LegendEntry(sample: glyphs == .ascii ? ":::" : "╌╌╌", role: .linkPartial,
                            meaning: "partly down: some sessions on the link are down (\"part\")", colour: "yellow",
                            monochrome: "underlined"),
                LegendEntry(sample: "\(h)\(glyphs.down)\(h) down", role: .linkDown,
                            meaning: "down: no session on the link (the Sessions tab says why)", colour: "red, bold",
                            monochrome: "bold, underlined"),
                LegendEntry(sample: "*", role: .nodeChanged, meaning: "the last change touched this node's tables",
                            colour: "yellow, bold", monochrome: "bold"),
                LegendEntry(sample: "!", role: .warning,
                            meaning: "Azure refuses or warns about this node's setup (its Sessions tab says what and why)",
                            colour: "yellow, bold", monochrome: "bold"),
                LegendEntry(sample: "#0 #1", role: .linkUp,
                            meaning: "instances on the box border (Route Server, gateways, the circuit's two MSEEs); a down one is red",
                            colour: "green / red", monochrome: "plain / bold, underlined"),
                LegendEntry(sample: "DOWN", role: .nodeDown, meaning: "the node is down (d, or --down)", colour: "red, bold",
                            monochrome: "bold, underlined"),
                LegendEntry(sample: "[name]", role: .nodeSelected, meaning: "the selected node", colour: "black on cyan",
                            monochrome: "reverse, bold"),
            ]),
            ("Tables (FRR show ip bgp)", [
                LegendEntry(sample: "*", role: .normal, meaning: "a valid path", colour: "plain", monochrome: "plain"),
                LegendEntry(sample: ">", role: .normal, meaning: "the best path", colour: "plain", monochrome: "plain"),
                LegendEntry(sample: "=", role: .normal, meaning: "a multipath (ECMP) member beside the best", colour: "plain",
                            monochrome: "plain"),
                LegendEntry(sample: "i", role: .normal,
                            meaning: "before the network: learned over iBGP; at the end of the path: origin IGP (e EGP, ? incomplete)",
                            colour: "plain", monochrome: "plain"),
                LegendEntry(sample: "+", role: .added, meaning: "a path that appeared with the last change (a prefix or a multipath member)", colour: "green, bold",
                            monochrome: "bold"),
                LegendEntry(sample: "-", role: .removed, meaning: "a path that vanished with the last change (shown until the next one)",
                            colour: "red", monochrome: "underlined"),
                LegendEntry(sample: "~", role: .changed, meaning: "the best path is another one since the last change",
                            colour: "yellow, bold", monochrome: "bold"),
                LegendEntry(sample: "…", role: .normal, meaning: "the text goes on: scroll, widen the terminal or press Enter",
                            colour: "plain", monochrome: "plain"),
            ]),
            ("Status line", [
                LegendEntry(sample: "ON", role: .statusOn, meaning: "a switch that is on", colour: "green, bold",
                            monochrome: "reverse, bold"),
                LegendEntry(sample: "OFF", role: .statusOff, meaning: "a switch that is off", colour: "red, bold",
                            monochrome: "reverse, underlined"),
            ]),
        ]
    }

    /// Help's legend lines: sample, meaning, then the looks.
    static func lines(_ glyphs: Glyphs) -> [String] {
        entries(glyphs).flatMap { group in
            ["", group.heading] + group.entries.map { entry in
                "  " + entry.sample.padding(toWidth: 12) + entry.meaning
                    + (entry.colour == "plain" ? "" : " — \(entry.colour) (no colour: \(entry.monochrome))")
            }
        }
    }
}
