@testable import InboxModel
import Testing

/// The fast path skips normalising text made of `NFCStability` scalars: every one of them
/// must be left alone by NFC wherever it stands, by the standard library's own data.
@Suite struct NFCStabilityTests {
    @Test(arguments: NFCStability.stableRanges)
    func everyScalarInTheRangeIsStable(_ range: ClosedRange<UInt32>) {
        var unstable: [String] = []
        for value in range {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var span = String(scalar).utf8Span
            let quickCheckYes = span.checkForNFC(quickCheck: true)
            if !quickCheckYes || scalar.properties.canonicalCombiningClass != .notReordered {
                unstable.append(ScalarName.describe(value))
            }
        }
        #expect(unstable.isEmpty, "not NFC-stable: \(unstable.prefix(5))")
    }

    @Test func combiningMarksAndSingletonsAreNotTakenForStable() {
        for value: UInt32 in [0x0301, 0x0483, 0x2000, 0x212B, 0x302A, 0x3099, 0x11A8, 0xF900] {
            #expect(!NFCStability.isStable(value), "\(ScalarName.describe(value))")
        }
    }
}
