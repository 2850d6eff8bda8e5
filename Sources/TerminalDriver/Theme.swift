import Explorer

/// How each role looks: one table per theme (htop's semantic colours). The monochrome theme tells
/// roles apart with bold, underline and reverse only, for `NO_COLOR` and terminals without colour.
public struct Theme: Sendable {
    public enum Color: Int16, Sendable { case none = -1, black = 0, red, green, yellow, blue, magenta, cyan, white }

    public struct Look: Equatable, Sendable {
        public var foreground: Color = .none
        public var background: Color = .none
        public var bold = false
        public var underline = false
        public var reverse = false
        public var dim = false

        public init(foreground: Color = .none, background: Color = .none, bold: Bool = false, underline: Bool = false,
                    reverse: Bool = false, dim: Bool = false) {
            self.foreground = foreground; self.background = background; self.bold = bold
            self.underline = underline; self.reverse = reverse; self.dim = dim
        }
    }

    public let name: String
    let looks: [Look]

    public func look(_ role: Role) -> Look { looks[Int(role.rawValue)] }

    public static let color = Theme(name: "color") { role in
        switch role {
        case .normal, .border, .best, .linkLabel: Look()
        case .dim: Look(dim: true)
        case .title: Look(bold: true)
        case .borderFocus: Look(foreground: .cyan, bold: true)
        case .header: Look(foreground: .cyan, bold: true)
        case .node: Look(foreground: .cyan)
        case .nodeSelected: Look(foreground: .black, background: .cyan, bold: true)
        case .nodeDown: Look(foreground: .red, bold: true)
        case .nodeChanged: Look(foreground: .yellow, bold: true)
        case .linkUp: Look(foreground: .green)
        case .linkDown: Look(foreground: .red, bold: true)
        case .linkPartial: Look(foreground: .yellow)
        case .added: Look(foreground: .green, bold: true)
        case .removed: Look(foreground: .red)
        case .changed: Look(foreground: .yellow, bold: true)
        case .selectedRow: Look(reverse: true)
        case .statusBar: Look(foreground: .black, background: .white)
        case .statusKey: Look(foreground: .black, background: .cyan, bold: true)
        case .statusOn: Look(foreground: .green, background: .white, bold: true)
        case .statusOff: Look(foreground: .red, background: .white, bold: true)
        case .tab: Look(foreground: .white, background: .blue)
        case .tabActive: Look(foreground: .black, background: .cyan, bold: true)
        case .message: Look(foreground: .green)
        case .warning: Look(foreground: .yellow, bold: true)
        case .error: Look(foreground: .red, bold: true)
        case .overlay: Look(foreground: .white, background: .blue)
        case .overlayTitle: Look(foreground: .yellow, background: .blue, bold: true)
        case .banner: Look(foreground: .black, background: .yellow, bold: true)
        }
    }

    public static let monochrome = Theme(name: "monochrome") { role in
        switch role {
        case .normal, .border, .best, .linkLabel, .node, .linkUp, .message, .overlay: Look()
        case .dim: Look(dim: true)
        case .title, .header, .borderFocus, .nodeChanged, .added, .changed, .warning, .overlayTitle: Look(bold: true)
        case .nodeSelected, .selectedRow, .tabActive: Look(bold: true, reverse: true)
        case .nodeDown, .linkDown, .error: Look(bold: true, underline: true)
        case .linkPartial, .removed: Look(underline: true)
        case .statusBar, .tab: Look(reverse: true)
        case .statusKey, .statusOn: Look(bold: true, reverse: true)
        case .statusOff: Look(underline: true, reverse: true)
        case .banner: Look(bold: true, reverse: true)
        }
    }

    /// Presenter mode (`--present`) for a projector and for colour blindness: text only on the
    /// terminal's own background, black or blue (never a light one, which a projector washes out),
    /// no dim text, and yellow / white / cyan on those rather than red against green. Every state
    /// also shows as a word or a glyph (ON, OFF, DOWN, `+` `-` `~`, `╳`), so colour is never alone.
    public static let presenter = Theme(name: "presenter") { role in
        switch role {
        case .normal, .border, .best, .linkLabel, .node, .linkUp, .message, .dim: Look()
        case .title, .header: Look(bold: true)
        case .borderFocus, .nodeChanged, .changed, .warning: Look(foreground: .yellow, background: .black, bold: true)
        case .nodeSelected, .selectedRow: Look(foreground: .yellow, background: .blue, bold: true)
        case .nodeDown, .linkDown, .error: Look(foreground: .white, background: .red, bold: true, underline: true)
        case .linkPartial: Look(foreground: .yellow, background: .black, underline: true)
        case .added: Look(foreground: .cyan, background: .black, bold: true)
        case .removed: Look(foreground: .white, background: .black, underline: true)
        case .statusBar, .tab, .overlay: Look(foreground: .white, background: .blue)
        case .statusKey, .overlayTitle: Look(foreground: .yellow, background: .blue, bold: true)
        case .statusOn: Look(foreground: .yellow, background: .black, bold: true)
        case .statusOff: Look(foreground: .white, background: .black, bold: true)
        case .tabActive: Look(foreground: .yellow, background: .black, bold: true, underline: true)
        case .banner: Look(foreground: .yellow, background: .blue, bold: true)
        }
    }

    /// Presenter mode without colour (`NO_COLOR`, `--no-color`): the monochrome theme less dim text,
    /// which a projector loses; reverse swaps the terminal's own two colours, its strongest contrast.
    public static let presenterMonochrome = Theme(name: "presenter monochrome") { role in
        role == .dim ? Look() : monochrome.look(role)
    }

    /// The theme for a screen: colour or not, presenter mode or not.
    public static func choose(colour: Bool, presenter: Bool) -> Theme {
        switch (colour, presenter) {
        case (true, false): .color
        case (false, false): .monochrome
        case (true, true): .presenter
        case (false, true): .presenterMonochrome
        }
    }

    init(name: String, _ make: (Role) -> Look) {
        self.name = name
        looks = Role.allCases.map(make)
    }
}
