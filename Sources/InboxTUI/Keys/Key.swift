/// A key press, as the app core sees it: the terminal layer turns ncurses codes into
/// these, and config files name them the way tig does (`j`, `<Down>`, `<Ctrl-L>`).
enum Key: Hashable, Sendable {
    case character(Character)
    /// A control key: `.control("L")` is ^L, `.control("_")` is ^_ (undo).
    case control(Character)
    /// Alt (Meta) with a character: terminals send Esc, then the character.
    case alt(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, backspace, delete, escape, tab

    private static let named: [(String, Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("PgUp", .pageUp),
        ("PgDn", .pageDown), ("Home", .home), ("End", .end), ("Enter", .enter), ("Backspace", .backspace),
        ("Delete", .delete), ("Esc", .escape), ("Tab", .tab), ("Space", .character(" ")),
    ]

    /// Reads a key name: one character, `<Name>`, `<Ctrl-X>`, `^X`, or `<Alt-x>` (also `<M-x>`).
    init?(name: String) {
        if name.count == 1, let c = name.first, c != " " {
            self = .character(c)
            return
        }
        if name.count == 2, name.first == "^", let c = name.last, c.isLetter || c == "_" {
            self = .control(Character(c.uppercased()))
            return
        }
        guard name.hasPrefix("<"), name.hasSuffix(">") else { return nil }
        let inner = String(name.dropFirst().dropLast())
        if inner.lowercased().hasPrefix("ctrl-"), inner.count == 6, let c = inner.last, c.isLetter {
            self = .control(Character(c.uppercased()))
            return
        }
        if let dash = inner.firstIndex(of: "-"), ["alt", "m"].contains(inner[..<dash].lowercased()),
           inner.index(after: dash) < inner.endIndex, inner[inner.index(after: dash)...].count == 1,
           let c = inner.last, c != " " {
            self = .alt(c)
            return
        }
        guard let key = Self.named.first(where: { $0.0.lowercased() == inner.lowercased() })?.1 else { return nil }
        self = key
    }

    /// The name help screens and config files use.
    var name: String {
        switch self {
        case .character(" "): return "<Space>"
        case .character(let c): return String(c)
        case .control(let c): return "^\(c)"
        case .alt(let c): return "<Alt-\(c)>"
        default: return "<\(Self.named.first { $0.1 == self }!.0)>"
        }
    }
}
