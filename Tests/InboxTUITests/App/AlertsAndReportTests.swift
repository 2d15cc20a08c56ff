import Foundation
import InboxModel
import InboxStore
import Testing
@testable import InboxTUI

/// The header's alerts and the report view, driven through the real app core on the
/// sample mentions (all arrived 25 minutes before the fixture's clock).
@Suite struct AlertsAndReportTests {
    @Test("the header shows what spreads and who waits; A and a number limit the queue to it")
    func alertsLimitTheQueue() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        let alerts = fixture.state.queue.summary.alerts
        // Seven posts in one conversation (the allegation thread), the outage word in
        // eight texts, and authors with millions of followers waiting.
        #expect(alerts.map(\.limit).prefix(3) == ["conversation:tw-1003", "internet", "author:joostwillems"])
        #expect(fixture.screen.text(row: 1).hasPrefix(" ⚠ A: conversation tw-1003: 7 in 30m · internet 8 in 30m"))
        fixture.press(.character("A"))
        guard case .menu(let menu)? = fixture.state.overlay else {
            Issue.record("A opens no menu")
            return
        }
        #expect(menu.items.first?.label == "conversation tw-1003: 7 in 30m")
        fixture.press(.character("1"))
        #expect(fixture.state.queue.filter.conversation == "tw-1003")
        #expect(fixture.state.queue.summary.shown == 7)
        // The root post and the six replies in its conversation.
        let conversation = try (0..<7).map { position in
            let mention = try #require(fixture.state.queue.row(at: position)).mention
            return mention.conversationID ?? mention.id
        }
        #expect(Set(conversation) == ["tw-1003"])
    }

    @Test("R shows today's report, Tab this week's, q goes back to the queue")
    func reportView() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        fixture.press(.character("R"))
        let today = try #require(fixture.state.report?.today)
        #expect(today.mentions == fixture.state.queue.summary.perKind.values.reduce(fixture.state.queue.summary.unclassified, +)
                + 7) // the cases' follow-ups are mentions too
        #expect(fixture.screen.text(row: 0).hasPrefix(" Report · today as of 12:31 · Tab this week"))
        #expect((1..<30).contains { fixture.screen.text(row: $0).hasPrefix("In: \(today.mentions) mentions") })
        // Another agent's change, or the clock, does not read the report again (a busy week
        // takes seconds); R does.
        let read = fixture.state.report?.readAt
        fixture.send(.databaseChanged)
        fixture.wait(120)
        #expect(fixture.state.report?.readAt == read)
        fixture.press(.character("R"))
        #expect(fixture.screen.text(row: 0).hasPrefix(" Report · today as of 12:33 · Tab this week"))
        fixture.press(.tab)
        #expect(fixture.state.report?.showing == .week)
        #expect(fixture.screen.text(row: 0).hasPrefix(" Report · this week as of 12:33 · Tab today"))
        fixture.press(.character("G"))
        #expect(fixture.state.report?.scroll ?? 0 > 0)
        #expect(fixture.screen.text(row: 27).hasPrefix("  Sun"), "the last line of the report above the status line")
        fixture.press(.character("q"))
        #expect(fixture.state.report == nil && fixture.screen.text(row: 1).hasPrefix(" ⚠ A:"))
    }
}
