/// Scalars that NFC leaves alone wherever they stand: canonical combining class 0 and
/// NFC_Quick_Check Yes, so nothing composes with or reorders around them. Text made only
/// of these (and anything below U+0300) is NFC without asking the standard library, which
/// keeps CJK, emoji and Cyrillic replies on the fast path. The ranges are a conservative
/// selection; NFCStabilityTests checks every scalar in them against the standard library.
enum NFCStability {
    static let stableRanges: [ClosedRange<UInt32>] = [
        0x0400...0x0482,    // Cyrillic letters (its combining marks follow)
        0x048A...0x04FF,
        0x2002...0x2027,    // general punctuation (U+2000/2001 decompose), joiners
        0x2030...0x205F,
        0x3000...0x3029,    // CJK symbols and punctuation (U+302A–302F are marks)
        0x3030...0x303F,
        0x3040...0x3098,    // hiragana (U+3099/309A are marks)
        0x309B...0x30FF,    // katakana
        0x4E00...0x9FFF,    // CJK unified ideographs
        0xAC00...0xD7A3,    // Hangul syllables
        0xFE00...0xFE0F,    // variation selectors
        0xFF01...0xFFEF,    // half- and full-width forms
        0x1F000...0x1FAFF,  // emoji and pictographs
        0xE0020...0xE007F,  // tag characters (flag sequences)
    ]

    @inline(__always)
    static func isStable(_ c: UInt32) -> Bool {
        if c < 0x300 { return true }
        if c >= 0x4E00 && c <= 0x9FFF { return true }
        if c >= 0x1F000 && c <= 0x1FAFF { return true }
        for range in stableRanges where range.contains(c) { return true }
        return false
    }
}
