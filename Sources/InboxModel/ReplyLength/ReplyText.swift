/// A reply's text as the counter sees it: NFC-normalised Unicode scalars, plus what is
/// needed to point back into the text as typed.
///
/// Almost all text is already NFC, and that is checked without normalising (ASCII
/// outright, anything below U+0300 too, the rest by the standard library's quick check).
/// Only text that is not NFC is normalised, character by character, so every normalised
/// scalar knows where its character started in the original.
struct ReplyText {
    /// The text's scalars, normalised.
    let scalars: UnsafeBufferPointer<UInt32>
    /// For normalised text: UTF-16 offset in the original of each scalar's character, and
    /// one more entry for the end. Nil when the text was already NFC.
    private let origins: [Int]?
    let hasDot: Bool
    let hasCarriageReturn: Bool
    /// Index of the first U+FFFE, U+FEFF or U+FFFF.
    let firstInvalid: Int?

    /// Calls `body` with the text prepared; the scalars live only as long as the call.
    static func with<Result>(_ text: String, _ body: (ReplyText) -> Result) -> Result {
        let capacity = max(text.utf8.count, 1)
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { buffer in
            let scan = decode(text, into: buffer)
            if scan.highest >= 0x300, !isKnownNFC(text) {
                let (normalised, origins) = normalise(text)
                return normalised.withUnsafeBufferPointer { scalars in
                    body(ReplyText(scalars: scalars, origins: origins))
                }
            }
            let scalars = UnsafeBufferPointer(rebasing: buffer[..<scan.count])
            return body(ReplyText(scalars: scalars, origins: nil, hasDot: scan.hasDot,
                                  hasCarriageReturn: scan.hasCR, firstInvalid: scan.firstInvalid))
        }
    }

    private init(scalars: UnsafeBufferPointer<UInt32>, origins: [Int]?, hasDot: Bool,
                 hasCarriageReturn: Bool, firstInvalid: Int?) {
        self.scalars = scalars
        self.origins = origins
        self.hasDot = hasDot
        self.hasCarriageReturn = hasCarriageReturn
        self.firstInvalid = firstInvalid
    }

    private init(scalars: UnsafeBufferPointer<UInt32>, origins: [Int]) {
        self.init(scalars: scalars, origins: origins, hasDot: scalars.contains(0x2E),
                  hasCarriageReturn: scalars.contains(0x0D),
                  firstInvalid: scalars.firstIndex(where: URLCharacterClass.isInvalid))
    }

    /// UTF-16 offset in the original text where scalar `index` (or the end) begins.
    func originalUTF16Offset(of index: Int) -> Int {
        if let origins { return origins[index] }
        var offset = 0
        for c in scalars[..<index] { offset += c >= 0x10000 ? 2 : 1 }
        return offset
    }

    private struct Scan {
        var count = 0
        var highest: UInt32 = 0
        var hasDot = false
        var hasCR = false
        var firstInvalid: Int?
    }

    /// Decodes the string's UTF-8 (valid by construction) and notes what later steps need.
    private static func decode(_ text: String, into out: UnsafeMutableBufferPointer<UInt32>) -> Scan {
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
                }
                if c > scan.highest { scan.highest = c }
                out[k] = c
                k += 1
            }
            scan.count = k
            return scan
        }
        if let scan = text.utf8.withContiguousStorageIfAvailable(decodeBytes) { return scan }
        return Array(text.utf8).withUnsafeBufferPointer(decodeBytes)
    }

    private static func isKnownNFC(_ text: String) -> Bool {
        var span = text.utf8Span
        return span.isKnownNFC || span.checkForNFC(quickCheck: true)
    }

    /// NFC of each extended grapheme cluster (normalisation never crosses one), so each
    /// normalised scalar can be traced to the character it came from.
    private static func normalise(_ text: String) -> ([UInt32], [Int]) {
        var scalars: [UInt32] = [], origins: [Int] = []
        scalars.reserveCapacity(text.utf8.count)
        var offset = 0
        for character in text {
            let original = String(character)
            for scalar in String(decoding: original._nfcCodeUnits, as: UTF8.self).unicodeScalars {
                scalars.append(scalar.value)
                origins.append(offset)
            }
            offset += original.utf16.count
        }
        origins.append(offset)
        return (scalars, origins)
    }
}
