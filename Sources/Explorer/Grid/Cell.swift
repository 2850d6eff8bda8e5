/// What a cell means, not how it looks: the driver maps roles to colours and attributes per theme
/// (htop's semantic colours), and a monochrome theme still tells every role apart by attributes.
public enum Role: UInt8, Sendable, CaseIterable {
    case normal, dim, title, border, borderFocus, header
    case node, nodeSelected, nodeDown, nodeChanged
    case linkUp, linkDown, linkPartial, linkLabel
    case added, removed, changed
    case best, selectedRow
    case statusBar, statusKey, statusOn, statusOff
    case tab, tabActive
    case message, warning, error
    case overlay, overlayTitle
    /// Presenter mode's banner for a change, across the screen.
    case banner
}

public struct Cell: Hashable, Sendable {
    public var character: Character
    public var role: Role
    /// The right half of a double-width glyph: drivers skip it.
    public var isContinuation = false

    public init(_ character: Character = " ", _ role: Role = .normal) {
        self.character = character
        self.role = role
    }

    static func continuation(_ role: Role) -> Cell {
        var cell = Cell(" ", role)
        cell.isContinuation = true
        return cell
    }
}

/// Line-drawing characters: Unicode box drawing, or ASCII when the locale is not UTF-8.
public struct Glyphs: Equatable, Sendable {
    public let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character
    public let down: Character
    public let arrowRight, arrowLeft: Character

    public static let unicode = Glyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
                                       bottomRight: "┘", down: "╳", arrowRight: "→", arrowLeft: "←")
    public static let ascii = Glyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
                                     bottomRight: "+", down: "x", arrowRight: ">", arrowLeft: "<")
}
