/// A reply's text as the counter sees it: NFC-normalised Unicode scalars, plus what is
/// needed to point back into the text as typed.
///
/// Almost all text is already NFC, and that is checked without normalising (ASCII
/// outright, scalars `NFCStability` knows too, the rest by the standard library's quick
/// check). Accents typed as a letter and one mark are composed while decoding
/// (`LatinComposition`); other text that is not NFC is normalised as a whole. Pointing
/// back into changed text (only needed when a reply overflows or holds an invalid
/// character) walks it character by character, since normalisation never crosses a
/// character boundary.
struct ReplyText {
    /// The text's scalars, normalised.
    let scalars: UnsafeBufferPointer<UInt32>
    /// How the scalars relate to the text as given.
    private let origin: Origin
    /// The original's length in UTF-16 units.
    let utf16Length: Int
    /// Whether a scalar takes two UTF-16 units (emoji, mostly).
    private let hasSupplementary: Bool
    /// Index of the first `.`: URL search starts there, and is skipped without one.
    let firstDot: Int?
    let hasCarriageReturn: Bool
    /// Index of the first U+FFFE, U+FEFF or U+FFFF.
    let firstInvalid: Int?

    /// Calls `body` with the text prepared; the scalars live only as long as the call.
    static func with<Result>(_ text: String, _ body: (ReplyText) -> Result) -> Result {
        let capacity = max(text.utf8.count, 1)
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { buffer in
            let scan = decode(text.utf8, into: buffer)
            if scan.mayNeedNFC, !isKnownNFC(text) {
                let normalisedUTF8 = text._nfcCodeUnits
                return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(normalisedUTF8.count, 1)) { normalised in
                    let again = decode(normalisedUTF8, into: normalised)
                    return body(ReplyText(scalars: UnsafeBufferPointer(rebasing: normalised[..<again.count]),
                                          origin: .normalised(text), utf16Length: scan.utf16Count, scan: again))
                }
            }
            return body(ReplyText(scalars: UnsafeBufferPointer(rebasing: buffer[..<scan.count]),
                                  origin: scan.composed ? .composed(text) : .asGiven, utf16Length: scan.utf16Count, scan: scan))
        }
    }

    private enum Origin {
        /// The scalars are the text's own.
        case asGiven
        /// Letter and mark pairs of the text were composed (`LatinComposition`); every
        /// other scalar is the text's own.
        case composed(String)
        /// The text was normalised by the standard library.
        case normalised(String)
    }

    private init(scalars: UnsafeBufferPointer<UInt32>, origin: Origin, utf16Length: Int, scan: Scan) {
        self.scalars = scalars
        self.origin = origin
        self.utf16Length = utf16Length
        firstDot = scan.firstDot
        hasSupplementary = scan.hasSupplementary
        hasCarriageReturn = scan.hasCR
        firstInvalid = scan.firstInvalid
    }

    /// UTF-16 offset in the original text where scalar `index` (or the end) begins; inside
    /// a character that normalising changed, where that character begins.
    func originalUTF16Offset(of index: Int) -> Int {
        if index >= scalars.count { return utf16Length }
        switch origin {
        case .asGiven:
            if !hasSupplementary { return index }
            var offset = 0
            for c in scalars[..<index] { offset += c >= 0x10000 ? 2 : 1 }
            return offset
        case let .composed(original):
            // In step with the text: a scalar that differs from the text's is a pair.
            var offset = 0
            var given = original.unicodeScalars.makeIterator()
            for c in scalars[..<index] {
                guard let scalar = given.next() else { break }
                offset += scalar.utf16.count
                if scalar.value != c, let mark = given.next() { offset += mark.utf16.count }
            }
            return offset
        case let .normalised(original):
            var offset = 0, normalisedCount = 0
            for character in original {
                let scalars = character.unicodeScalars
                if scalars.allSatisfy({ NFCStability.isStable($0.value) }) {
                    normalisedCount += scalars.count
                } else {
                    normalisedCount += String(decoding: String(character)._nfcCodeUnits, as: UTF8.self)
                        .unicodeScalars.count
                }
                if normalisedCount > index { return offset }
                offset += character.utf16.count
            }
            return offset
        }
    }

    private struct Scan {
        /// Scalars written out.
        var count = 0
        /// Of the text as given.
        var utf16Count = 0
        /// A scalar NFC might change (or change others around it) was seen that
        /// `LatinComposition` could not settle: the text needs the normaliser.
        var mayNeedNFC = false
        /// A letter and mark were composed on the way: what was written is not the text
        /// as given.
        var composed = false
        var firstDot: Int?
        var hasCR = false
        var hasSupplementary = false
        var firstInvalid: Int?
    }

    /// Decodes valid UTF-8 (a string's, or its normalised form), composing an ASCII letter
    /// and the one mark after it where `LatinComposition` allows, and notes what later
    /// steps need. ASCII is taken eight bytes at a time.
    private static func decode<UTF8Bytes: Collection<UInt8>>(_ text: UTF8Bytes,
                                                           into out: UnsafeMutableBufferPointer<UInt32>) -> Scan {
        let decodeBytes = { (bytes: UnsafeBufferPointer<UInt8>) -> Scan in
            var scan = Scan()
            var i = 0, k = 0, given = 0, supplementary = 0
            let n = bytes.count
            while i < n {
                if i + 8 <= n, bytes[i] < 0x80 {
                    // The ASCII bytes before the first that is not, at most eight.
                    let raw = UnsafeRawPointer(bytes.baseAddress! + i)
                    var word = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
                    let ascii = (word & 0x8080_8080_8080_8080).trailingZeroBitCount / 8
                    if ascii < 8 { word &= (1 << (ascii * 8)) - 1 }
                    // All eight widened (`k + 8 <= i + 8 <= n`, the buffer's size); the
                    // lanes past the ASCII run are overwritten by what follows.
                    let wide = SIMD8<UInt32>(truncatingIfNeeded: raw.loadUnaligned(as: SIMD8<UInt8>.self))
                    UnsafeMutableRawPointer(out.baseAddress! + k).storeBytes(of: wide, as: SIMD8<UInt32>.self)
                    if scan.firstDot == nil, case let dots = matches(word, 0x2E), dots != 0 {
                        scan.firstDot = k + dots.trailingZeroBitCount / 8
                    }
                    if !scan.hasCR, matches(word, 0x0D) != 0 { scan.hasCR = true }
                    i += ascii
                    k += ascii
                    given += ascii
                    if ascii == 8 { continue }
                }
                let b0 = UInt32(bytes[i])
                var c: UInt32
                if b0 < 0x80 {
                    c = b0
                    i += 1
                    if c == 0x2E { scan.firstDot = scan.firstDot ?? k } else if c == 0x0D { scan.hasCR = true }
                } else if b0 < 0xE0 {
                    c = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b0 < 0xF0 {
                    c = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                    if scan.firstInvalid == nil, URLCharacterClass.isInvalid(c) { scan.firstInvalid = k }
                } else {
                    c = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                        | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                    supplementary += 1
                }
                given += 1
                if c >= 0x300, !scan.mayNeedNFC, !NFCStability.isStable(c) {
                    // Only a mark right after a bare ASCII letter is settled here; a second
                    // mark finds the composed letter (not ASCII) before it and goes on to
                    // the normaliser, which orders and composes runs of marks.
                    if LatinComposition.marks.contains(c), k > 0, URLCharacterClass.isASCIILetter(out[k - 1]) {
                        switch LatinComposition.outcome(out[k - 1], c) {
                        case .unchanged:
                            break
                        case let .composed(letter):
                            out[k - 1] = letter
                            scan.composed = true
                            continue
                        case .needsNormaliser:
                            scan.mayNeedNFC = true
                        }
                    } else {
                        scan.mayNeedNFC = true
                    }
                }
                out[k] = c
                k += 1
            }
            scan.count = k
            scan.utf16Count = given + supplementary
            scan.hasSupplementary = supplementary > 0
            return scan
        }
        if let scan = text.withContiguousStorageIfAvailable(decodeBytes) { return scan }
        return Array(text).withUnsafeBufferPointer(decodeBytes)
    }

    /// The high bit of each of the eight bytes of `word` that is `byte`, exact up to the
    /// lowest one (the zero-byte test on `word ^ byte…`; a borrow may mark bytes above it).
    @inline(__always)
    private static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    private static func isKnownNFC(_ text: String) -> Bool {
        var span = text.utf8Span
        return span.isKnownNFC || span.checkForNFC(quickCheck: true)
    }
}
