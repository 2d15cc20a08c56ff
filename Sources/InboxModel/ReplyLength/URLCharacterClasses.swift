/// The character classes of twitter-text's URL grammar, as predicates on Unicode scalar
/// values. Each mirrors one named group of twitter-text's regular expressions, so a reader
/// can hold this file against the reference (`validUrlPrecedingChars`, `validDomainChars`,
/// `validGeneralUrlPathChars`, …). Matching is case-insensitive there, so every ASCII
/// letter test below accepts both cases.
enum URLCharacterClass {
    @inline(__always)
    static func isASCIILetter(_ c: UInt32) -> Bool {
        (c | 0x20) &- 0x61 < 26
    }

    @inline(__always)
    static func isASCIIDigit(_ c: UInt32) -> Bool {
        c &- 0x30 < 10
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ c: UInt32) -> Bool {
        isASCIILetter(c) || isASCIIDigit(c)
    }

    /// U+FFFE, U+FEFF and U+FFFF: text holding one is not a valid tweet.
    @inline(__always)
    static func isInvalid(_ c: UInt32) -> Bool {
        c == 0xFFFE || c == 0xFEFF || c == 0xFFFF
    }

    /// Bidirectional marks, embeddings, overrides and isolates.
    static func isDirectionalMarker(_ c: UInt32) -> Bool {
        (0x202A...0x202E).contains(c) || c == 0x061C || c == 0x200E || c == 0x200F
            || (0x2066...0x2069).contains(c)
    }

    /// twitter-text's `spaces_group`.
    static func isSpace(_ c: UInt32) -> Bool {
        switch c {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// twitter-text's `punct`: ASCII punctuation except `"` and `` ` ``, which it leaves out.
    static func isPunctuation(_ c: UInt32) -> Bool {
        switch c {
        case 0x21, 0x23...0x2F, 0x3A...0x40, 0x5B...0x5F, 0x7B...0x7E:
            return true
        default:
            return false
        }
    }

    /// A character a URL may follow (`validUrlPrecedingChars`): anything but an ASCII
    /// letter or digit, `@＠$#＃`, or an invalid character.
    static func canPrecedeURL(_ c: UInt32) -> Bool {
        !(isASCIIAlphanumeric(c) || c == 0x40 || c == 0xFF20 || c == 0x24 || c == 0x23
            || c == 0xFF03 || isInvalid(c))
    }

    /// A scheme-less URL is not extracted after these (`invalidUrlWithoutProtocolPrecedingChars`).
    static func blocksSchemelessURL(_ c: UInt32) -> Bool {
        c == 0x2D || c == 0x5F || c == 0x2E || c == 0x2F
    }

    /// `validDomainChars`: anything but punctuation, spaces, invalid or directional characters.
    @inline(__always)
    static func isDomainCharacter(_ c: UInt32) -> Bool {
        if c < 0x80 {
            return !(isPunctuation(c) || isSpace(c))
        }
        return !(isSpace(c) || isInvalid(c) || isDirectionalMarker(c))
    }

    /// `latinAccentChars`.
    static func isLatinAccent(_ c: UInt32) -> Bool {
        switch c {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF, 0x100...0x24F, 0x253, 0x254, 0x256, 0x257,
             0x259, 0x25B, 0x263, 0x268, 0x26F, 0x272, 0x289, 0x28B, 0x2BB, 0x300...0x36F,
             0x1E00...0x1EFF:
            return true
        default:
            return false
        }
    }

    /// `cyrillicLettersAndMarks`.
    @inline(__always)
    static func isCyrillic(_ c: UInt32) -> Bool {
        c &- 0x400 < 0x100
    }

    /// Letters and digits of a path or its ending: ASCII, Cyrillic or accented Latin.
    @inline(__always)
    private static func isPathLetter(_ c: UInt32) -> Bool {
        isASCIIAlphanumeric(c) || (c >= 0xC0 && (isCyrillic(c) || isLatinAccent(c)))
    }

    /// `validGeneralUrlPathChars`.
    static func isPathCharacter(_ c: UInt32) -> Bool {
        if isPathLetter(c) { return true }
        switch c {
        case 0x21, 0x2A, 0x27, 0x3B, 0x3A, 0x3D, 0x2B, 0x2C, 0x2E, 0x24, 0x2F, 0x25, 0x23,
             0x5B, 0x5D, 0x2D, 0x2013, 0x5F, 0x7E, 0x40, 0x7C, 0x26:
            return true
        default:
            return false
        }
    }

    /// `validUrlPathEndingChars` (a balanced parenthesis group may end a path too).
    static func canEndPath(_ c: UInt32) -> Bool {
        if isPathLetter(c) { return true }
        return c == 0x2B || c == 0x2D || c == 0x3D || c == 0x5F || c == 0x23 || c == 0x2F
    }

    /// `validUrlQueryChars`.
    static func isQueryCharacter(_ c: UInt32) -> Bool {
        if isASCIIAlphanumeric(c) { return true }
        switch c {
        case 0x21, 0x3F, 0x2A, 0x27, 0x40, 0x28, 0x29, 0x3B, 0x3A, 0x26, 0x3D, 0x2B, 0x24,
             0x2F, 0x25, 0x23, 0x5B, 0x5D, 0x2D, 0x5F, 0x2E, 0x2C, 0x7E, 0x7C:
            return true
        default:
            return false
        }
    }

    /// `validUrlQueryEndingChars`.
    static func canEndQuery(_ c: UInt32) -> Bool {
        isASCIIAlphanumeric(c) || c == 0x2D || c == 0x5F || c == 0x26 || c == 0x3D || c == 0x23
            || c == 0x2F
    }

    /// Characters of an ASCII-only domain label (`validAsciiDomain`): ASCII letters, digits,
    /// `-` and accented Latin.
    static func isASCIIDomainLabelCharacter(_ c: UInt32) -> Bool {
        isASCIIAlphanumeric(c) || c == 0x2D || (c >= 0xC0 && isLatinAccent(c))
    }

    /// Simple lower-case mapping of one scalar: matching ignores case, and TLDs and
    /// nameprepped labels are lower case.
    static func lowercased(_ c: UInt32) -> UInt32 {
        guard c >= 0x80, let scalar = Unicode.Scalar(c) else { return c &- 0x41 < 26 ? c | 0x20 : c }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first!.value : c
    }

    /// What may not follow a TLD (the lookahead `(?=[^0-9a-zA-Z@+-]|$)`).
    @inline(__always)
    static func cannotFollowTLD(_ c: UInt32) -> Bool {
        isASCIIAlphanumeric(c) || c == 0x40 || c == 0x2B || c == 0x2D
    }
}
