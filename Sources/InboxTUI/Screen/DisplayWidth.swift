/// How many terminal columns a character takes: 2 for East Asian wide and emoji, 0 for
/// combining marks and format characters, 1 otherwise. Computed here rather than with the
/// C library's `wcwidth`, whose answer depends on the locale the process runs in, so a
/// screen renders the same in a test as in a terminal.
///
/// Emoji sequences are where terminals disagree: ncurses sizes a cell by its first
/// character's `wcwidth`, tmux adds up the parts of a sequence, newer terminals draw it as
/// one emoji two columns wide. A mention's "☀️" or "👍🏽" then takes a different number
/// of columns on the glass than webcare reserved, and the rest of the line shows
/// leftovers of the screen before. So a sequence is drawn in parts every one of them
/// sizes alike (`cells(of:)`): an emoji presentation selector only after a character
/// that is wide anyway ("☀️" is drawn "☀"), a skin tone not at all, a joined sequence
/// as its emoji one by one, a flag as its two letters, which newer terminals still join
/// into the flag. The text itself is never changed; only the screen shows it this way.
enum DisplayWidth {
    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII && scalars.count == 1 { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        if scalars.count == 1 { return of(first) }
        return cells(of: character).reduce(0) { $0 + $1.width }
    }

    /// The cells `character` is drawn in, each with its text and columns (0 for a mark
    /// with nothing before it to join).
    static func cells(of character: Character) -> [(text: String, width: Int)] {
        if character.unicodeScalars.count == 1 { return [(String(character), of(character))] }
        var cells: [(text: String, width: Int)] = []
        var current = String.UnicodeScalarView(), width = 0
        func close() {
            if !current.isEmpty { cells.append((String(current), width)) }
            current = String.UnicodeScalarView()
        }
        for scalar in character.unicodeScalars {
            switch scalar.value {
            case 0x200D:
                close()
            case 0xFE0F:
                if width == 2 { current.append(scalar) }
            case 0x1F3FB...0x1F3FF where !current.isEmpty:
                continue
            case 0x1F1E6...0x1F1FF:
                close()
                current.append(scalar)
                width = 1
                close()
            default:
                if current.isEmpty { width = of(scalar) }
                current.append(scalar)
            }
        }
        close()
        return cells
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(v) } ? 2 : 1
    }

    /// The columns `text` takes.
    static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// East Asian Wide and Fullwidth blocks (UAX #11), by block.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
