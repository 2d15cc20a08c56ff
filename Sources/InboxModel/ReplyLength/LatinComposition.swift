/// What NFC makes of an ASCII letter followed by one combining mark of U+0300–U+036F:
/// how macOS and some keyboards send "é" or "ë", and most of the text that is not NFC
/// a Dutch team sees. The counter looks the pair up here instead of running the
/// standard library's normaliser over the whole reply.
///
/// The table is drawn from the standard library's own normaliser the first time it is
/// needed, so it cannot disagree with the full path. It answers for the pair alone: the
/// decoder uses it only when the scalar after the mark cannot interact with it.
enum LatinComposition {
    enum Outcome: Equatable {
        /// The pair is NFC as typed (`x` + U+0301).
        case unchanged
        /// The pair composes into this scalar (`e` + U+0301 → `é`).
        case composed(UInt32)
        /// Anything else (U+0344 decomposes into two marks): normalise the text.
        case needsNormaliser
    }

    static let marks: ClosedRange<UInt32> = 0x300...0x36F

    /// `outcome(letter, mark)` for an ASCII `letter` and a mark in `marks`.
    @inline(__always)
    static func outcome(_ letter: UInt32, _ mark: UInt32) -> Outcome {
        let entry = table[Int(letter) * marks.count + Int(mark - marks.lowerBound)]
        switch entry {
        case 0: return .unchanged
        case UInt32.max: return .needsNormaliser
        default: return .composed(entry)
        }
    }

    /// Indexed by ASCII scalar × mark: 0 for unchanged, `UInt32.max` for the normaliser,
    /// else the composed scalar. Rows of non-letters are never read.
    private static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0x80 * marks.count)
        let letters = Array(0x41...0x5A) + Array(0x61...0x7A)
        for letter in letters {
            for mark in marks {
                let pair = String(String.UnicodeScalarView([Unicode.Scalar(UInt32(letter))!, Unicode.Scalar(mark)!]))
                let normalised = Array(String(decoding: pair._nfcCodeUnits, as: UTF8.self).unicodeScalars.map(\.value))
                let entry: UInt32 = switch normalised {
                case [UInt32(letter), mark]: 0
                case let one where one.count == 1: one[0]
                default: UInt32.max
                }
                table[letter * marks.count + Int(mark - marks.lowerBound)] = entry
            }
        }
        return table
    }()
}
