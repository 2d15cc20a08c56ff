/// The text as the classifier sees it: lowercased words with diacritics kept
/// (Dutch "één" and "een" differ), and whether it asks something.
struct ClassifierTokens {
    let words: [Substring]
    let asksSomething: Bool

    init(_ text: String) {
        let lowered = text.lowercased()
        words = lowered.split { !($0.isLetter || $0.isNumber || $0 == "'") }
        asksSomething = lowered.contains("?")
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
