import CNcursesw
import Explorer

/// ncurses key codes and control characters → `Key`s.
enum KeyDecoder {
    static func message(forCharacter value: UInt32) -> Msg? {
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(value + 96)!)))
        default:
            guard value >= 32, let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    static func message(forFunctionKey code: Int32) -> Msg? {
        switch code {
        case KEY_UP: .key(.up)
        case KEY_DOWN: .key(.down)
        case KEY_LEFT: .key(.left)
        case KEY_RIGHT: .key(.right)
        case KEY_PPAGE: .key(.pageUp)
        case KEY_NPAGE: .key(.pageDown)
        case KEY_HOME: .key(.home)
        case KEY_END: .key(.end)
        case KEY_ENTER: .key(.enter)
        case KEY_BACKSPACE: .key(.backspace)
        case KEY_BTAB: .key(.backTab)
        case KEY_SLEFT: .key(.shiftLeft)
        case KEY_SRIGHT: .key(.shiftRight)
        default: nil
        }
    }
}
