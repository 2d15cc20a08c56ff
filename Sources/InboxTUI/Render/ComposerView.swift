import InboxModel

/// The composer at the bottom of the mention view: a rule with where the reply goes and
/// what it must do, the text wrapped with the overflow marked, the live counter
/// (`117/140`, a warning in the last 20, an error past the limit), and the split
/// preview when it does not fit.
enum ComposerView {
    /// Draws the composer ending at row `bottom` (exclusive); answers the rows it took.
    static func draw(_ composer: Composer, state: AppState, bottom: Int, maxRows: Int, into screen: inout Screen) -> Int {
        let width = screen.width - 2
        let length = composer.length
        let text = composer.editor.text
        let fitting = fittingCharacters(text, length: length)
        let (lines, cursorAt) = wrap(composer.editor, width: width)
        let textRows = min(max(3, lines.count), maxRows - 2)
        let parts = splitPreview(text, composer: composer, length: length, width: width,
                                 rows: max(0, maxRows - 2 - textRows))
        let partRows = parts.count
        let rows = 1 + textRows + partRows + 1
        let top = bottom - rows
        screen.put(String(repeating: " ", count: screen.width), row: top, column: 0, role: .header)
        let purpose = composer.expectation.map { ": " + ReplyMove.phrase(for: $0.moves) } ?? ""
        let counter = counterText(length)
        screen.put(" Reply on \(composer.channel.displayName)\(purpose)", row: top, column: 0, role: .header,
                   limit: max(0, screen.width - counter.text.count - 3))
        screen.put(counter.text, row: top, column: max(0, screen.width - counter.text.count - 1), role: counter.role)
        // Scroll so the line with the cursor shows.
        let firstLine = max(0, cursorAt.line - textRows + 1)
        var offset = lines.prefix(firstLine).reduce(0) { $0 + $1.count }
        for (index, line) in lines.dropFirst(firstLine).prefix(textRows).enumerated() {
            var x = 1
            for character in line {
                x = screen.put(String(character), row: top + 1 + index, column: x,
                               role: offset < fitting ? .normal : .error)
                offset += 1
            }
        }
        screen.cursor = (top + 1 + cursorAt.line - firstLine, 1 + cursorAt.column)
        for (index, part) in parts.prefix(partRows).enumerated() {
            screen.put(part, row: top + 1 + textRows + index, column: 1, role: .dim)
        }
        // Under 80 columns with either ending; the editing keys are in the help.
        let keys = "Enter send · Esc keep draft · ^T \(composer.style.rawValue) · "
            + (composer.earlierDraft != nil ? "^R other text · ^X $EDITOR" : "^X $EDITOR · ^_ undo · Alt-b/f word")
        screen.put(String(repeating: " ", count: screen.width), row: bottom - 1, column: 0, role: .dim)
        screen.put(" " + keys, row: bottom - 1, column: 0, role: .dim)
        return rows
    }

    /// The parts a reply too long for one post would go out as, each whole and wrapped
    /// to `width`, as many as fit in `rows` (a line says how many more there are): the
    /// agent reads where each part breaks before sending.
    static func splitPreview(_ text: String, composer: Composer, length: ReplyLength, width: Int, rows: Int) -> [String] {
        guard rows > 1, length.overflows, let limit = length.limit,
              let split = try? ReplySplitter.split(text, rules: composer.rules), split.count > 1 else { return [] }
        var lines = ["Split into \(split.count) parts of at most \(limit):"]
        for (index, part) in split.enumerated() {
            let wrapped = TextWrap.lines(part, width: max(10, width - 2)).map { "  " + $0 }
            let reserve = index == split.count - 1 ? 0 : 1
            guard lines.count + wrapped.count + reserve <= rows else {
                let more = split.count - index
                lines.append("  … \(more) more part\(more == 1 ? "" : "s"): wider terminal, or ^X for $EDITOR")
                break
            }
            lines += wrapped
        }
        return Array(lines.prefix(rows))
    }

    /// `117/140`, and its role: a warning in the last 20, an error past the limit.
    static func counterText(_ length: ReplyLength) -> (text: String, role: Role) {
        guard let limit = length.limit else { return ("\(length.weightedLength)", .normal) }
        let remaining = limit - length.weightedLength
        let text = "\(length.weightedLength)/\(limit)" + (remaining < 0 ? " (\(-remaining) too many)" : "")
        return (text, remaining < 0 ? .error : remaining < 20 ? .warning : .confirmed)
    }

    /// How many characters (grapheme clusters) of `text` fit: the rest is marked.
    static func fittingCharacters(_ text: String, length: ReplyLength) -> Int {
        guard length.overflows else { return Int.max }
        let utf16 = text.utf16
        let end = utf16.index(utf16.startIndex, offsetBy: min(length.fittingUTF16Length, utf16.count))
        return text[..<end].count
    }

    /// The editor's text in lines of `width` columns (breaking anywhere: what is typed
    /// stays where it was typed), and the line and column of the insertion point.
    static func wrap(_ editor: LineEditor, width: Int) -> (lines: [[Character]], cursor: (line: Int, column: Int)) {
        var lines: [[Character]] = [[]]
        var column = 0
        var cursor = (line: 0, column: 0)
        for (index, character) in editor.characters.enumerated() {
            let w = max(1, DisplayWidth.of(character))
            if column + w > width {
                lines.append([])
                column = 0
            }
            if index == editor.cursor { cursor = (lines.count - 1, column) }
            lines[lines.count - 1].append(character)
            column += w
        }
        if editor.cursor == editor.characters.count {
            if column >= width {
                lines.append([])
                column = 0
            }
            cursor = (lines.count - 1, column)
        }
        return (lines, cursor)
    }
}
