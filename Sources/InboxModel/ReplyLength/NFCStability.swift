/// Scalars that NFC leaves alone wherever they stand: canonical combining class 0 and
/// NFC_Quick_Check Yes, so nothing composes with or reorders around them. Text made only
/// of these (and anything below U+0300) is NFC without asking the standard library, which
/// keeps CJK, emoji and Cyrillic replies on the fast path. The ranges are a conservative
/// selection, written as comparisons rather than a list to walk (CJK ideographs, kana and
/// Hangul syllables first: U+3099/309A are marks); NFCStabilityTests checks every scalar
/// this accepts against the standard library.
enum NFCStability {
    @inline(__always)
    static func isStable(_ c: UInt32) -> Bool {
        // The scripts most replies are written in, tested inline; the rest out of line.
        c < 0x300 || (0x4E00...0x9FFF).contains(c) || (0x3040...0x3098).contains(c)
            || (0x309B...0x30FF).contains(c) || (0xAC00...0xD7A3).contains(c) || isStableElsewhere(c)
    }

    private static func isStableElsewhere(_ c: UInt32) -> Bool {
        switch c {
        case 0x1F000...0x1FAFF,  // emoji and pictographs
             0x0400...0x0482,    // Cyrillic letters (its combining marks follow)
             0x048A...0x04FF,
             0x2002...0x2027,    // general punctuation (U+2000/2001 decompose), joiners
             0x2030...0x205F,
             0x20E3,             // combining enclosing keycap (1️⃣), class 0
             0x2190...0x2199,    // arrows (U+219A on are composed with U+0338)
             0x2300...0x2328,    // technical symbols (⌚, ⏰; U+2329/232A are singletons)
             0x232B...0x23FF,
             0x2460...0x24FF,    // enclosed alphanumerics
             0x2500...0x27BF,    // box drawing, shapes, symbols (☺, ☀), dingbats (❤, ✅)
             0x2B00...0x2BFF,    // symbols and arrows (⭐)
             0x3000...0x3029,    // CJK symbols and punctuation (U+302A–302F are marks)
             0x3030...0x303F,
             0xFE00...0xFE0F,    // variation selectors
             0xFF01...0xFFEF,    // half- and full-width forms
             0xE0020...0xE007F:  // tag characters (flag sequences)
            true
        default:
            false
        }
    }
}
