import Foundation
import Testing
import TestSupport
import InboxModel

@Suite struct QueueOrderTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func entry(_ id: String, _ kind: MentionKind?, _ clock: ReactionClock.State = .onTime,
                      followers: Int = 100, minutesAgo: Int = 10) -> QueueEntry {
        QueueEntry(id: id, kind: kind, clock: clock, followers: followers,
                   arrivedAt: now.addingTimeInterval(Double(-60 * minutesAgo)))
    }

    @Test func overdueFirstThenKindThenInfluenceThenAge() {
        let entries = [
            Self.entry("positive", .positive),
            Self.entry("unknown", nil),
            Self.entry("question", .question),
            Self.entry("overdue positive", .positive, .overdue),
            Self.entry("complaint, small, old", .complaint, followers: 12, minutesAgo: 50),
            Self.entry("complaint, big", .complaint, followers: 2_100_000, minutesAgo: 1),
            Self.entry("complaint, small, new", .complaint, followers: 80, minutesAgo: 5),
            Self.entry("negative", .negative),
            Self.entry("allegation", .allegation, .dueSoon),
        ]
        #expect(entries.inQueueOrder().map(\.id) == [
            "overdue positive", "allegation", "complaint, big", "complaint, small, old", "complaint, small, new",
            "negative", "question", "positive", "unknown",
        ])
    }

    @Test func influenceCountsInWholeDecades() {
        #expect([0, 9, 10, 99, 100, 3_400, 999_999, 1_000_000, 2_100_000].map(QueueEntry.influence) == [0, 0, 1, 1, 2, 3, 5, 6, 6])
        #expect(QueueEntry.influence(followers: -5) == 0)
    }

    /// The order is total and consistent: exactly one of a<b, b<a holds for
    /// different ids, and it is transitive, over random entries.
    @Test func orderIsAStrictTotalOrder() {
        var random = SeededGenerator(seed: 7)
        let entries = (0..<60).map { index in
            Self.entry("m\(index)", [nil, .question, .allegation, .positive].randomElement(using: &random)!,
                       [.onTime, .dueSoon, .overdue].randomElement(using: &random)!,
                       followers: [5, 50, 500, 5000].randomElement(using: &random)!,
                       minutesAgo: Int.random(in: 0...3, using: &random))
        }
        for a in entries {
            #expect(!a.precedes(a))
            for b in entries where a.id != b.id {
                #expect(a.precedes(b) != b.precedes(a))
                for c in entries where a.precedes(b) && b.precedes(c) { #expect(a.precedes(c)) }
            }
        }
    }
}
