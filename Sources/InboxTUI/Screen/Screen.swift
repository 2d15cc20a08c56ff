import InboxModel

/// What a cell means, not how it looks: the terminal layer maps each role to colours,
/// or to bold/reverse/underline when there are no colours (NO_COLOR, TERM=vt100).
enum Role: UInt8, CaseIterable, Sendable {
    case normal
    case title
    case header
    case status
    case selected
    case overdue
    case dueSoon
    case onTime
    case suggested
    case confirmed
    case dim
    case warning
    case error
    case tagged
    case done
    case current
    case locked
}

/// One terminal cell: a grapheme and its role. A wide character fills its cell and
/// leaves the next one `continuation`, so columns stay aligned.
struct Cell: Equatable, Sendable {
    var text: String
    var role: Role

    static let blank = Cell(text: " ", role: .normal)
    static let continuation = Cell(text: "", role: .normal)
}

/// A whole screen as a value: what `render` makes from the state, what golden tests
/// compare, and what the terminal layer copies to ncurses.
struct Screen: Equatable, Sendable {
    let width: Int
    let height: Int
    private(set) var cells: [Cell]
    /// Where the terminal cursor is left (the composer's insertion point), if visible.
    var cursor: (row: Int, column: Int)? {
        get { cursorPosition.map { ($0 / max(1, width), $0 % max(1, width)) } }
        set { cursorPosition = newValue.map { $0.row * width + $0.column } }
    }
    private var cursorPosition: Int?

    /// Borders and glyphs drawn in ASCII when the locale cannot show UTF-8.
    let ascii: Bool

    init(width: Int, height: Int, ascii: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.ascii = ascii
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes `text` at `row`, `column` in `role`, at most `limit` columns (to the right
    /// edge by default), and answers the column after it. Every string passes through
    /// `VisibleText.line`: controls and bidi overrides from a mention become visible
    /// placeholders, so nothing from outside reaches the terminal raw. A wide character
    /// that would straddle the edge is left out.
    @discardableResult
    mutating func put(_ text: String, row: Int, column: Int, role: Role = .normal, limit: Int? = nil) -> Int {
        guard row >= 0, row < height, column >= 0 else { return column }
        let end = min(width, column + (limit ?? width))
        var x = column
        // Printable ASCII, most of every screen, is one cell per byte: no grapheme
        // breaking, no placeholders, no allocation (a j/k step draws about 60 puts).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                guard x < end else { break }
                cells[row * width + x] = Cell(text: String(Unicode.Scalar(byte)), role: role)
                x += 1
            }
            return x
        }
        for character in VisibleText.line(text) {
            if ascii && !character.isASCII {
                // Without UTF-8 the terminal cannot show it: our own marks get an ASCII
                // stand-in, anything else one ? per column it would take.
                let w = DisplayWidth.of(character)
                if w == 0 { continue }
                guard x + w <= end else { break }
                if let stand = Self.asciiStandIns[character], w == 1 {
                    cells[row * width + x] = Cell(text: stand, role: role)
                } else {
                    for i in 0..<w { cells[row * width + x + i] = Cell(text: "?", role: role) }
                }
                x += w
                continue
            }
            // A character of several parts is drawn part by part, all or nothing.
            let parts = DisplayWidth.cells(of: character)
            guard x + parts.reduce(0, { $0 + $1.width }) <= end else { break }
            for part in parts {
                if part.width == 0 {
                    // A lone combining mark or format character joins the cell before it.
                    if x > column { append(part.text, toCellBefore: row * width + x) }
                    continue
                }
                cells[row * width + x] = Cell(text: part.text, role: role)
                if part.width == 2 { cells[row * width + x + 1] = Cell(text: "", role: role) }
                x += part.width
            }
        }
        return x
    }

    /// Paints `role` over a whole row from `column` on, keeping the text: a highlight bar.
    mutating func fill(row: Int, from column: Int = 0, role: Role) {
        guard row >= 0, row < height else { return }
        for x in max(0, column)..<width { cells[row * width + x].role = role }
    }

    /// The marks webcare itself draws, as a non-UTF-8 terminal gets them.
    private static let asciiStandIns: [Character: String] = [
        "·": "|", "…": ".", "→": ">", "▸": ">", "─": "-", "✓": "x", "⏎": "|",
    ]

    /// A horizontal rule across the row.
    mutating func rule(row: Int, role: Role = .dim) {
        put(String(repeating: ascii ? "-" : "─", count: width), row: row, column: 0, role: role)
    }

    private mutating func append(_ mark: String, toCellBefore index: Int) {
        var i = index - 1
        while i > 0 && cells[i].text.isEmpty { i -= 1 }
        guard i >= 0, !ascii else { return }
        cells[i].text.append(mark)
    }

    /// Row `row` as plain text (wide characters once, continuation cells skipped).
    func text(row: Int) -> String {
        (0..<width).map { self[row, $0].text }.joined()
    }

    /// The whole screen as text, one line per row, trailing spaces kept: golden files.
    var text: String {
        (0..<height).map(text(row:)).joined(separator: "\n")
    }

    static func == (lhs: Screen, rhs: Screen) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursorPosition == rhs.cursorPosition
    }
}
