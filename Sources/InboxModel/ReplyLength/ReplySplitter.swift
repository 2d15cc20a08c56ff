/// Splits a reply that does not fit into numbered parts, each ending in ` (i/N)` and each
/// valid under the same rules, so a long answer can go out as a short thread.
///
/// Parts break between words, keeping the text's own spacing inside a part. A word too
/// long for one part (CJK text has no spaces) is broken between characters, but never
/// inside a URL, an @mention or a #hashtag: those move to the next part whole.
public enum ReplySplitter {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The reply has a problem splitting cannot mend (empty, invalid character).
        case unsplittable(ReplyLength.Problem)
        /// A URL, mention or hashtag that does not fit in a part even on its own.
        case tokenTooLong(String)

        public var description: String {
            switch self {
            case let .unsplittable(problem): "cannot split: \(problem)"
            case let .tokenTooLong(token): "cannot split: \(token) does not fit in one part"
            }
        }
    }

    /// The parts of `text` under `rules`; the text itself when it already fits.
    public static func split(_ text: String, rules: ReplyRules) throws(Failure) -> [String] {
        let whole = ReplyLength(of: text, rules: rules)
        switch whole.problem {
        case nil: return [text]
        case .tooLong: break
        case let problem?: throw .unsplittable(problem)
        }
        guard let limit = rules.limit else { return [text] }
        let pieces = try Piece.pieces(of: text, rules: rules, capacity: limit - suffixLength(digits: 1))
        // The suffix grows with the number of parts: retry with room for more digits.
        var digits = 1
        while true {
            let capacity = limit - suffixLength(digits: digits)
            let parts = pack(pieces, capacity: capacity, rules: rules)
            if String(parts.count).count <= digits {
                return parts.enumerated().map { "\($0.element) (\($0.offset + 1)/\(parts.count))" }
            }
            digits += 1
        }
    }

    /// ` (i/N)` with `i` and `N` of `digits` digits at most.
    private static func suffixLength(digits: Int) -> Int { 4 + 2 * digits }

    /// Greedy packing: as many pieces as fit, each part checked with the real counter (a
    /// piece's weight on its own can differ in context, e.g. text that turns into a URL).
    private static func pack(_ pieces: [Piece], capacity: Int, rules: ReplyRules) -> [String] {
        var parts: [String] = []
        var start = 0
        while start < pieces.count {
            var end = start, weight = 0
            while end < pieces.count {
                let added = pieces[end].weight + (end > start ? pieces[end].separatorWeight : 0)
                if end > start, weight + added > capacity { break }
                weight += added
                end += 1
            }
            while end - start > 1,
                  ReplyLength(of: Piece.join(pieces[start..<end]), rules: rules).weightedLength > capacity {
                end -= 1
            }
            parts.append(Piece.join(pieces[start..<end]))
            start = end
        }
        return parts
    }
}

/// A unit the splitter never breaks: a word, or a chunk of an over-long word, with the
/// whitespace that preceded it in the text.
private struct Piece {
    let text: String
    let separator: String
    let weight: Int
    let separatorWeight: Int

    /// The text in pieces that each fit within `capacity`.
    static func pieces(of text: String, rules: ReplyRules, capacity: Int) throws(ReplySplitter.Failure) -> [Piece] {
        var pieces: [Piece] = []
        var separator = ""
        var word = ""
        func endWord() throws(ReplySplitter.Failure) {
            guard !word.isEmpty else { return }
            let separatorWeight = separator.isEmpty ? 0 : ReplyLength(of: separator, rules: rules).weightedLength
            for chunk in try chunks(of: word, rules: rules, capacity: capacity) {
                pieces.append(Piece(text: chunk.text, separator: pieces.isEmpty ? "" : separator,
                                    weight: chunk.weight, separatorWeight: separatorWeight))
                separator = ""
            }
            word = ""
        }
        for character in text {
            if character.isWhitespace {
                try endWord()
                separator.append(character)
            } else {
                word.append(character)
            }
        }
        try endWord()
        return pieces
    }

    /// A word as one chunk when it fits; else broken between characters, keeping URLs,
    /// mentions and hashtags whole.
    private static func chunks(of word: String, rules: ReplyRules, capacity: Int) throws(ReplySplitter.Failure) -> [(text: String, weight: Int)] {
        let weight = ReplyLength(of: word, rules: rules).weightedLength
        if weight <= capacity { return [(word, weight)] }
        var chunks: [(text: String, weight: Int)] = []
        var chunk = "", chunkWeight = 0
        for token in AtomicToken.tokens(of: word) {
            let tokenWeight = ReplyLength(of: token.text, rules: rules).weightedLength
            if tokenWeight > capacity {
                guard !token.isAtomic else { throw .tokenTooLong(token.text) }
            }
            if chunkWeight + tokenWeight > capacity, !chunk.isEmpty {
                chunks.append((chunk, chunkWeight))
                chunk = ""
                chunkWeight = 0
            }
            chunk += token.text
            chunkWeight += tokenWeight
        }
        if !chunk.isEmpty { chunks.append((chunk, chunkWeight)) }
        return chunks
    }

    /// The pieces as they stood in the text, without the whitespace before the first.
    static func join(_ pieces: ArraySlice<Piece>) -> String {
        var text = ""
        for piece in pieces {
            if !text.isEmpty { text += piece.separator }
            text += piece.text
        }
        return text
    }
}

/// A word cut into single characters, except URLs, @mentions and #hashtags, which stay whole.
private struct AtomicToken {
    let text: String
    let isAtomic: Bool

    static func tokens(of word: String) -> [AtomicToken] {
        let characters = Array(word)
        var spans: [Range<Int>] = []
        // URLs, located by scalar offsets and mapped to character offsets.
        var scalarToCharacter: [Int] = []
        for (index, character) in characters.enumerated() {
            scalarToCharacter.append(contentsOf: repeatElement(index, count: character.unicodeScalars.count))
        }
        scalarToCharacter.append(characters.count)
        for url in URLEntity.all(in: word) {
            spans.append(scalarToCharacter[url.start]..<scalarToCharacter[url.end - 1] + 1)
        }
        // @mentions and #hashtags: the sign and the letters, digits and underscores after it.
        var i = 0
        while i < characters.count {
            if characters[i] == "@" || characters[i] == "#" || characters[i] == "＠" || characters[i] == "＃" {
                var j = i + 1
                while j < characters.count, characters[j].isLetter || characters[j].isNumber || characters[j] == "_" { j += 1 }
                if j > i + 1 { spans.append(i..<j) }
                i = j
            } else {
                i += 1
            }
        }
        // A span reaching into another (a #fragment inside a URL) joins it.
        var merged: [Range<Int>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, span.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        var tokens: [AtomicToken] = []
        var k = 0, next = 0
        while k < characters.count {
            if next < merged.count, merged[next].lowerBound == k {
                tokens.append(AtomicToken(text: String(characters[merged[next]]), isAtomic: true))
                k = merged[next].upperBound
                next += 1
            } else {
                tokens.append(AtomicToken(text: String(characters[k]), isAtomic: false))
                k += 1
            }
        }
        return tokens
    }
}
