import InboxModel

/// Breaks text into lines of at most `width` columns, between words where it can and
/// inside a word only when the word alone is wider than the line (CJK has no spaces).
/// Line breaks in the text start new lines; controls become placeholders first, so the
/// widths measured are the widths drawn.
enum TextWrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in VisibleText.lines(text).split(separator: "\n", omittingEmptySubsequences: false) {
            result += wrap(String(paragraph), width: width)
        }
        return result
    }

    private static func wrap(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in words(paragraph) {
            let w = DisplayWidth.of(word)
            if lineWidth + w <= width {
                line += word
                lineWidth += w
                continue
            }
            if !line.isEmpty {
                lines.append(trimmedEnd(line))
                line = ""
                lineWidth = 0
            }
            let trimmed = word.first == " " ? String(word.drop(while: { $0 == " " })) : word
            for character in trimmed {
                let cw = DisplayWidth.of(character)
                if lineWidth + cw > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += cw
            }
        }
        lines.append(trimmedEnd(line))
        return lines
    }

    /// Words with the spaces before them, so joining them gives the text back.
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inSpaces = true
        for character in text {
            if character == " " {
                if !inSpaces && !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                inSpaces = true
            } else {
                inSpaces = false
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func trimmedEnd(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
