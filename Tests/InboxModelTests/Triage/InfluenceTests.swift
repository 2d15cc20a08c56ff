import Testing
@testable import InboxModel

/// Follower counts as the queue shows them, for every count a database may hold: one
/// poisoned record must not take down every agent's screen.
@Suite struct InfluenceTests {
    @Test(arguments: [
        (0, "0"), (950, "950"), (1000, "1k"), (3449, "3.4k"), (3450, "3.5k"), (48_000, "48k"), (120_400, "120k"),
        (2_100_000, "2.1M"), (999_999, "1000k"), (1_000_000_000, "1B"), (-5, "0"),
        (922_337_203_685_477_581, "922337204B"), (Int.max, "9223372037B"),
    ]) func short(followers: Int, shown: String) {
        #expect(Influence.short(followers) == shown)
    }

    @Test func wholeSecondsNeverTrap() {
        #expect(Int(wholeSeconds: .nan) == 0)
        #expect(Int(wholeSeconds: .infinity) == 9_007_199_254_740_992)
        #expect(Int(wholeSeconds: -1e300) == -9_007_199_254_740_992)
        #expect(Int(wholeSeconds: -0.5) == -1)
        #expect(Int(wholeSeconds: 59.9) == 59)
    }
}
