/// The text as the classifier sees it: lowercased words with diacritics kept
/// (Dutch "één" and "een" differ), and whether it asks something.
struct ClassifierTokens {
    let words: [Substring]
    let asksSomething: Bool

    init(_ text: String) {
        let lowered = text.lowercased()
        // Split on Unicode scalars, not Characters: the same words (a combining accent
        // stays in its word) at a fraction of the cost of grapheme breaking.
        var words: [Substring] = []
        var start: String.Index?
        let scalars = lowered.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let isWordPart = Self.isWordPart(scalars[index])
            if isWordPart, start == nil { start = index }
            if !isWordPart, let begin = start {
                words.append(lowered[begin..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begin = start { words.append(lowered[begin...]) }
        self.words = words
        asksSomething = lowered.utf8.contains(0x3F)
    }

    /// Letters, digits, combining marks and the apostrophe (Dutch "d'r", English "don't").
    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A, 0x41...0x5A, 0x27: return true
        case 0..<0x80: return false
        default:
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil { return true }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }

    /// The matched words as written when `pattern` occurs, else nil.
    func match(_ pattern: ClassifierCue.Pattern) -> String? {
        let parts = pattern.words
        guard !parts.isEmpty, parts.count <= words.count else { return nil }
        for start in 0...(words.count - parts.count) {
            var matches = true
            for (offset, part) in parts.enumerated() {
                let word = words[start + offset]
                let last = offset == parts.count - 1
                let number = part == "#" && word.allSatisfy(\.isNumber)
                if !(word == part || number || (last && pattern.isPrefix && word.hasPrefix(part))) {
                    matches = false
                    break
                }
            }
            if matches { return words[start..<(start + parts.count)].joined(separator: " ") }
        }
        return nil
    }
}
