/// The length of a reply under a channel's rules: what the counter in the composer shows
/// and what `webcare check` prints.
public struct ReplyLength: Sendable, Equatable {
    /// Why a reply may not be sent as it is.
    public enum Problem: Sendable, Equatable {
        case empty
        /// Only spaces, line breaks or invisible characters: an agent never means to send that.
        case blank
        /// U+FFFE, U+FEFF or U+FFFF, which Twitter refuses, at this UTF-16 offset.
        case invalidCharacter(UInt32, utf16Offset: Int)
        case tooLong(by: Int)
    }

    public let rules: ReplyRules
    /// The length as the platform counts it (URLs as 23 on Twitter, and so on).
    public let weightedLength: Int
    public let problem: Problem?
    /// How much of the text, in UTF-16 units of the text as given, fits within the limit
    /// and before any invalid character: where a composer starts marking the overflow.
    public let fittingUTF16Length: Int
    /// The text's own length in UTF-16 units.
    public let utf16Length: Int

    public var limit: Int? { rules.limit }
    /// Characters left before the limit; negative when over it.
    public var remaining: Int? { limit.map { $0 - weightedLength } }
    public var isValid: Bool { problem == nil }
    /// Thousandths of the limit used, as twitter-text reports it.
    public var permillage: Int? {
        limit.map { $0 == 0 ? 0 : weightedLength * 1000 / $0 }
    }
    /// Whether part of the text lies beyond what fits.
    public var overflows: Bool { fittingUTF16Length < utf16Length }
}

extension ReplyLength.Problem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .empty:
            "the reply is empty"
        case .blank:
            "the reply holds only spaces or invisible characters"
        case let .invalidCharacter(scalar, offset):
            "the reply contains \(ScalarName.describe(scalar)) at character \(offset + 1), which cannot be sent"
        case let .tooLong(excess):
            "the reply is \(excess) character\(excess == 1 ? "" : "s") too long"
        }
    }
}

extension ReplyLength {
    /// Measures `text` under `rules`: NFC, a line break typed as CR LF counted once (as
    /// Twitter stores it), URLs and emoji sequences as the rules say.
    public init(of text: String, rules: ReplyRules = .twitterV1) {
        let measured = ReplyText.with(text) { prepared in Measured(prepared, rules: rules) }
        self.rules = rules
        weightedLength = measured.weightedLength
        problem = measured.problem
        fittingUTF16Length = measured.fittingUTF16Length
        utf16Length = measured.utf16Length
    }

    /// The figures measured inside `ReplyText.with`, kept to plain values so that what the
    /// scratch buffer's scope hands back is copied without touching `rules`.
    private struct Measured {
        let weightedLength: Int
        let problem: Problem?
        let fittingUTF16Length: Int
        let utf16Length: Int

        init(_ text: ReplyText, rules: ReplyRules) {
            let s = text.scalars
            let urls = rules.shortensURLs ? text.firstDot.map { URLExtractor.entities(in: s, firstDot: $0) } ?? [] : []
            let maxWeight = rules.limit.map { $0 * rules.scale } ?? Int.max
            var weight = ReplyLength.quickWeight(s, urls: urls, rules: rules, text: text)
            var fitEnd = s.count
            if let total = weight, total > maxWeight, text.firstInvalid == nil, urls.isEmpty,
               !text.hasCarriageReturn, !rules.countsUTF16Units {
                // Every scalar weighs the same: the overflow starts after as many as fit.
                fitEnd = maxWeight / rules.defaultWeight
            } else if weight == nil || weight! > maxWeight || text.firstInvalid != nil {
                let walk = ReplyLength.walk(s, urls: urls, rules: rules, maxWeight: maxWeight)
                weight = walk.weight
                fitEnd = walk.fitEnd
            }
            let length = weight! / rules.scale
            weightedLength = length
            utf16Length = text.utf16Length
            fittingUTF16Length = text.originalUTF16Offset(of: fitEnd)
            if s.isEmpty {
                problem = .empty
            } else if !s.contains(where: { !BlankCharacter.isBlank($0) }) {
                problem = .blank
            } else if let invalid = text.firstInvalid {
                problem = .invalidCharacter(s[invalid], utf16Offset: text.originalUTF16Offset(of: invalid))
            } else if let limit = rules.limit, length > limit {
                problem = .tooLong(by: length - limit)
            } else {
                problem = nil
            }
        }
    }

    /// The total weight without a walk, when every scalar weighs the same (v1 and the plain
    /// limits): the common case, kept cheap. Nil when the rules need the walk.
    fileprivate static func quickWeight(_ s: UnsafeBufferPointer<UInt32>, urls: [URLEntity],
                                        rules: ReplyRules, text: ReplyText) -> Int? {
        guard rules.weighting == .uniform, !rules.emojiSequencesCountOnce else { return nil }
        var units = s.count
        if rules.countsUTF16Units {
            for c in s where c >= 0x10000 { units += 1 }
        }
        if text.hasCarriageReturn {
            for i in s.indices.dropLast() where s[i] == 0x0D && s[i + 1] == 0x0A { units -= 1 }
        }
        var weight = units * rules.defaultWeight
        if let urlLength = rules.transformedURLLength {
            for url in urls { weight += urlLength * rules.scale - (url.end - url.start) * rules.defaultWeight }
        }
        return weight
    }

    /// twitter-text's walk: unit by unit (a URL, an emoji sequence, a CR LF, a code point),
    /// adding weights and noting the last unit that still fits and is not preceded by an
    /// invalid character.
    fileprivate static func walk(_ s: UnsafeBufferPointer<UInt32>, urls: [URLEntity], rules: ReplyRules,
                                 maxWeight: Int) -> (weight: Int, fitEnd: Int) {
        var weight = 0, fitEnd = 0, valid = true
        var i = 0, nextURL = 0
        while i < s.count {
            while nextURL < urls.count, urls[nextURL].start < i { nextURL += 1 }
            var end = i + 1
            if nextURL < urls.count, urls[nextURL].start == i, let urlLength = rules.transformedURLLength {
                end = urls[nextURL].end
                weight += urlLength * rules.scale
            } else if rules.emojiSequencesCountOnce, case let length = EmojiSequence.length(in: s, at: i), length > 0 {
                end = i + length
                weight += rules.defaultWeight
            } else if s[i] == 0x0D, end < s.count, s[end] == 0x0A {
                end += 1
                weight += rules.weight(of: 0x0A)
            } else {
                weight += rules.weight(of: s[i])
                if URLCharacterClass.isInvalid(s[i]) { valid = false }
            }
            if valid, weight <= maxWeight { fitEnd = end }
            i = end
        }
        return (weight, fitEnd)
    }
}

extension ReplyLength {
    /// The part of `text` (the text this length was measured on) that does not fit,
    /// starting at a character boundary: a character half inside the limit goes with it.
    public func overflow(in text: String) -> Substring {
        var offset = 0
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            let width = text.utf16.distance(from: index, to: next)
            if offset + width > fittingUTF16Length { break }
            offset += width
            index = next
        }
        return text[index...]
    }
}
