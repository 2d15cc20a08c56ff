@testable import InboxModel
import Testing

/// The fast path skips normalising text made of `NFCStability` scalars: every one of them
/// must be left alone by NFC wherever it stands, by the standard library's own data.
@Suite struct NFCStabilityTests {
    @Test func everyScalarTakenForStableIsStable() {
        var unstable: [String] = []
        for value in UInt32(0x300)...0x10FFFF where NFCStability.isStable(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var span = String(scalar).utf8Span
            let quickCheckYes = span.checkForNFC(quickCheck: true)
            if !quickCheckYes || scalar.properties.canonicalCombiningClass != .notReordered {
                unstable.append(ScalarName.describe(value))
            }
        }
        #expect(unstable.isEmpty, "not NFC-stable: \(unstable.prefix(5))")
    }

    @Test func cjkHangulCyrillicAndEmojiTakeTheFastPath() {
        for value: UInt32 in [0x65E5, 0x3042, 0x30AB, 0xD55C, 0x0416, 0x1F600, 0x2764, 0x20E3, 0xFE0F, 0x200D] {
            #expect(NFCStability.isStable(value), "\(ScalarName.describe(value))")
        }
    }

    @Test func combiningMarksAndSingletonsAreNotTakenForStable() {
        for value: UInt32 in [0x0301, 0x0483, 0x2000, 0x212B, 0x219A, 0x2329, 0x302A, 0x3099, 0x11A8, 0xF900] {
            #expect(!NFCStability.isStable(value), "\(ScalarName.describe(value))")
        }
    }
}
