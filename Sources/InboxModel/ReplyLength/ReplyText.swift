/// A reply's text as the counter sees it: NFC-normalised Unicode scalars, plus what is
/// needed to point back into the text as typed.
///
/// Almost all text is already NFC, and that is checked without normalising (ASCII
/// outright, scalars `NFCStability` knows too, the rest by the standard library's quick
/// check).
/// Text that is not NFC is normalised as a whole; pointing back into it (only needed when
/// a reply overflows or holds an invalid character) then walks it character by character,
/// since normalisation never crosses a character boundary.
struct ReplyText {
    /// The text's scalars, normalised.
    let scalars: UnsafeBufferPointer<UInt32>
    /// The text as given, when normalising changed it.
    private let original: String?
    /// The original's length in UTF-16 units.
    let utf16Length: Int
    let hasDot: Bool
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
                                          original: text, utf16Length: scan.utf16Count, scan: again))
                }
            }
            return body(ReplyText(scalars: UnsafeBufferPointer(rebasing: buffer[..<scan.count]),
                                  original: nil, utf16Length: scan.utf16Count, scan: scan))
        }
    }

    private init(scalars: UnsafeBufferPointer<UInt32>, original: String?, utf16Length: Int, scan: Scan) {
        self.scalars = scalars
        self.original = original
        self.utf16Length = utf16Length
        hasDot = scan.hasDot
        hasCarriageReturn = scan.hasCR
        firstInvalid = scan.firstInvalid
    }

    /// UTF-16 offset in the original text where scalar `index` (or the end) begins; inside
    /// a character that normalising changed, where that character begins.
    func originalUTF16Offset(of index: Int) -> Int {
        if index >= scalars.count { return utf16Length }
        guard let original else {
            var offset = 0
            for c in scalars[..<index] { offset += c >= 0x10000 ? 2 : 1 }
            return offset
        }
        var offset = 0, normalisedCount = 0
        for character in original {
            let scalars = character.unicodeScalars
            if scalars.allSatisfy({ NFCStability.isStable($0.value) }) {
                normalisedCount += scalars.count
            } else {
                normalisedCount += String(decoding: String(character)._nfcCodeUnits, as: UTF8.self).unicodeScalars.count
            }
            if normalisedCount > index { return offset }
            offset += character.utf16.count
        }
        return offset
    }

    private struct Scan {
        var count = 0
        var utf16Count = 0
        /// A scalar NFC might change (or change others around it) was seen.
        var mayNeedNFC = false
        var hasDot = false
        var hasCR = false
        var firstInvalid: Int?
    }

    /// Decodes valid UTF-8 (a string's, or its normalised form) and notes what later steps need.
    private static func decode<UTF8Bytes: Collection<UInt8>>(_ text: UTF8Bytes,
                                                           into out: UnsafeMutableBufferPointer<UInt32>) -> Scan {
        let decodeBytes = { (bytes: UnsafeBufferPointer<UInt8>) -> Scan in
            var scan = Scan()
            var i = 0, k = 0
            let n = bytes.count
            while i < n {
                let b0 = UInt32(bytes[i])
                var c: UInt32
                if b0 < 0x80 {
                    c = b0
                    i += 1
                    if c == 0x2E { scan.hasDot = true } else if c == 0x0D { scan.hasCR = true }
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
                    scan.utf16Count += 1
                }
                if c >= 0x300, !scan.mayNeedNFC, !NFCStability.isStable(c) { scan.mayNeedNFC = true }
                out[k] = c
                k += 1
            }
            scan.count = k
            scan.utf16Count += k
            return scan
        }
        if let scan = text.withContiguousStorageIfAvailable(decodeBytes) { return scan }
        return Array(text).withUnsafeBufferPointer(decodeBytes)
    }

    private static func isKnownNFC(_ text: String) -> Bool {
        var span = text.utf8Span
        return span.isKnownNFC || span.checkForNFC(quickCheck: true)
    }
}
