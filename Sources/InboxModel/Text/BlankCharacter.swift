/// Characters that show nothing: white space, format and default-ignorable characters, and
/// the few letters fonts draw blank (Braille blank, Hangul fillers). A reply made only of
/// these looks empty to its reader, so it is refused like an empty one.
enum BlankCharacter {
    static func isBlank(_ c: UInt32) -> Bool {
        if c < 0x80 { return c == 0x20 || (0x09...0x0D).contains(c) }
        switch c {
        case 0x2800, 0x3164, 0xFFA0, 0x115F, 0x1160:
            return true
        case 0xC0...0x24F, 0x3041...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
            return false  // Latin, kana, CJK and Hangul letters, without a property lookup
        default:
            guard let scalar = Unicode.Scalar(c) else { return false }
            let properties = scalar.properties
            return properties.isWhitespace || properties.isDefaultIgnorableCodePoint
                || properties.generalCategory == .format
        }
    }
}

extension StringProtocol {
    /// Whether the text shows nothing to its reader: empty, or only blank
    /// characters. Notes, solutions, departments and positions are refused when
    /// blank for the same reason replies are.
    public var isBlank: Bool { unicodeScalars.allSatisfy { BlankCharacter.isBlank($0.value) } }
}
