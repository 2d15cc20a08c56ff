/// The text as the classifier sees it: lowercased words with diacritics kept
/// (Dutch "één" and "een" differ), whether it asks something, and the features the
/// learned model counts.
struct ClassifierTokens {
    let words: [Substring]
    let asksSomething: Bool
    /// Whether the text starts by addressing someone ("@NetVia ...", "Hé @NetVia"): a post
    /// that only mentions a company in passing is mostly talk about it, not to it.
    let isAddressed: Bool
    /// Whether every word is an @-handle ("@NetVia", "@NetVia @KPN"): nothing to answer.
    let onlyAddresses: Bool

    init(_ text: String) {
        let lowered = text.lowercased()
        // Split on Unicode scalars, not Characters: the same words (a combining accent
        // stays in its word) at a fraction of the cost of grapheme breaking.
        var words: [Substring] = []
        var start: String.Index?
        var saysSomething = false
        let scalars = lowered.unicodeScalars
        var index = scalars.startIndex
        var previous: Unicode.Scalar = " "
        while index < scalars.endIndex {
            let isWordPart = Self.isWordPart(scalars[index])
            if isWordPart, start == nil {
                start = index
                if previous != "@" { saysSomething = true }
            }
            previous = scalars[index]
            if !isWordPart, let begin = start {
                words.append(lowered[begin..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begin = start { words.append(lowered[begin...]) }
        self.words = words
        onlyAddresses = !saysSomething
        asksSomething = lowered.utf8.contains(0x3F)
        // "@NetVia ...", ".@NetVia ...", or a greeting first: "Hé @NetVia", "Hi @NetVia".
        isAddressed = Self.addresses(lowered.utf8)
    }

    /// Whether one of the first two words starts with "@" or ".@"; bytes only, as an
    /// import asks it of every mention.
    private static func addresses(_ bytes: String.UTF8View) -> Bool {
        var index = bytes.startIndex
        for _ in 0..<2 {
            while index < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index = bytes.index(after: index) }
            guard index < bytes.endIndex else { return false }
            let first = bytes[index]
            let next = bytes.index(after: index)
            if first == 0x40 || (first == 0x2E && next < bytes.endIndex && bytes[next] == 0x40) { return true }
            while index < bytes.endIndex, ![0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index = bytes.index(after: index) }
        }
        return false
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

    /// The matched words as written and the index of the first, where `pattern` first
    /// occurs; nil when it does not.
    func match(_ pattern: ClassifierCue.Pattern) -> (words: String, start: Int)? {
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
            if matches { return (words[start..<(start + parts.count)].joined(separator: " "), start) }
        }
        return nil
    }

    /// What the learned model counts: each distinct word and each pair of neighbouring
    /// words, numbers as "#" (a delay of 40 or 45 minutes is the same complaint). The
    /// company's handle and links are words like any other: every label has them, so
    /// they decide nothing.
    var features: [String] {
        let normalised = words.map { $0.allSatisfy(\.isNumber) ? "#" : String($0) }
        var seen = Set<String>()
        var features: [String] = []
        for (index, word) in normalised.enumerated() {
            if seen.insert(word).inserted { features.append(word) }
            if index > 0 {
                let pair = normalised[index - 1] + " " + word
                if seen.insert(pair).inserted { features.append(pair) }
            }
        }
        return features
    }
}
