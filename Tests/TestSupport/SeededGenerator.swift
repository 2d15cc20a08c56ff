/// A small deterministic generator for property tests (SplitMix64): the same cases on
/// every run, and `seed` in every failure message to reproduce one.
public struct SeededGenerator: RandomNumberGenerator {
    /// The seed the store's property tests use.
    public static let seed: UInt64 = 20_261_130
    private var state: UInt64

    public init(seed: UInt64 = SeededGenerator.seed) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
