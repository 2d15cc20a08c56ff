import Foundation
import Testing
@testable import InboxModel

@Suite struct ReactionClockTests {
    let arrival = Date(timeIntervalSince1970: 1_795_000_000)

    @Test(arguments: [
        (0, ReactionClock.State.onTime, 3600), (2879, .onTime, 721), (2880, .dueSoon, 720), (3599, .dueSoon, 1),
        (3600, .overdue, 0), (7200, .overdue, -3600),
    ])
    func lastTwentyPercentIsDueSoonThenOverdue(_ elapsed: Int, _ state: ReactionClock.State, _ left: Int) {
        let clock = ReactionClock(arrival: arrival, allowed: 3600, now: arrival.addingTimeInterval(Double(elapsed)))
        #expect(clock == ReactionClock(state: state, secondsLeft: left))
    }

    @Test func deadlinesComeFromKindThenChannel() {
        let rules = ReactionDeadlines.defaults
        #expect(rules.seconds(for: .allegation, on: .twitter) == 1800)
        #expect(rules.seconds(for: .question, on: .twitter) == 7200)
        #expect(rules.seconds(for: .question, on: .dm) == 14400)
        #expect(rules.seconds(for: nil, on: .facebook) == 3600)
        let custom = ReactionDeadlines(perKind: [:], triage: 600)
        #expect(custom.seconds(for: .positive, on: .instagram) == 600)
    }
}
