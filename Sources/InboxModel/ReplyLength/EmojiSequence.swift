/// Emoji sequences that X's current rules (v3, `emojiParsingEnabled`) count as one
/// character of default weight, however many code points they hold.
///
/// Follows the emoji sequence grammar of Unicode TS #51 on the standard library's emoji
/// properties, so new emoji need no table update: keycaps (leniently, without the
/// U+FE0F that twitter-text also does without), flags, tag sequences, modifier sequences,
/// presentation sequences and ZWJ sequences of those. A character that is only an emoji in
/// emoji presentation (©, ☺, digits) counts as one only when U+FE0F follows it.
enum EmojiSequence {
    private static let zwj: UInt32 = 0x200D
    private static let emojiVariation: UInt32 = 0xFE0F
    private static let textVariation: UInt32 = 0xFE0E
    private static let keycap: UInt32 = 0x20E3
    private static let cancelTag: UInt32 = 0xE007F

    /// The number of scalars of the emoji sequence starting at `i`, or 0 when none does.
    static func length(in s: UnsafeBufferPointer<UInt32>, at i: Int) -> Int {
        let c = s[i]
        // Every emoji is outside ASCII but the keycap bases, so most text leaves here.
        if c < 0x80 { return keycapLength(s, at: i) }
        if isRegionalIndicator(c) {
            return i + 1 < s.count && isRegionalIndicator(s[i + 1]) ? 2 : 0
        }
        var end = elementEnd(s, at: i, leading: true)
        guard end > i else { return 0 }
        if let tags = tagSequenceEnd(s, from: end) { return tags - i }
        while end + 1 < s.count, s[end] == zwj {
            let next = elementEnd(s, at: end + 1, leading: false)
            guard next > end + 1 else { break }
            end = next
        }
        return end - i
    }

    /// `[0-9#*] FE0F? 20E3`.
    private static func keycapLength(_ s: UnsafeBufferPointer<UInt32>, at i: Int) -> Int {
        let c = s[i]
        guard URLCharacterClass.isASCIIDigit(c) || c == 0x23 || c == 0x2A else { return 0 }
        var j = i + 1
        if j < s.count, s[j] == emojiVariation { j += 1 }
        return j < s.count && s[j] == keycap ? j + 1 - i : 0
    }

    /// One emoji with its modifier or variation selector. A leading element must look
    /// like an emoji on its own; after a ZWJ any emoji character will do (♀ in 🏃‍♀).
    private static func elementEnd(_ s: UnsafeBufferPointer<UInt32>, at i: Int, leading: Bool) -> Int {
        guard i < s.count, let scalar = Unicode.Scalar(s[i]) else { return i }
        let properties = scalar.properties
        guard properties.isEmoji else { return i }
        let next = i + 1 < s.count ? s[i + 1] : 0
        if next == textVariation { return i }
        if next == emojiVariation { return i + 2 }
        if properties.isEmojiModifierBase, let modifier = Unicode.Scalar(next),
           modifier.properties.isEmojiModifier {
            return i + 2
        }
        if properties.isEmojiPresentation || !leading { return i + 1 }
        return i
    }

    /// Tag characters (U+E0020…U+E007E) closed by U+E007F, as in the flag of Scotland.
    private static func tagSequenceEnd(_ s: UnsafeBufferPointer<UInt32>, from i: Int) -> Int? {
        var j = i
        while j < s.count, (0xE0020...0xE007E).contains(s[j]) { j += 1 }
        guard j > i, j < s.count, s[j] == cancelTag else { return nil }
        return j + 1
    }

    private static func isRegionalIndicator(_ c: UInt32) -> Bool {
        (0x1F1E6...0x1F1FF).contains(c)
    }
}
