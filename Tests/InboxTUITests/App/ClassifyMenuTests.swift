import Foundation
import InboxModel
import InboxStore
import Testing
@testable import InboxTUI

/// Accepting the suggested kind is one key: Enter in the classify menu, from the queue
/// and from the mention; a mention without a suggestion has no Enter choice.
@Suite struct ClassifyMenuTests {
    @Test func enterAcceptsTheSuggestedKind() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        let first = try #require(fixture.state.queue.selected)
        let suggested = try #require(first.suggestedKind)
        fixture.press(.character("c"))
        #expect(fixture.screen.text.contains("(Enter: suggested)"))
        fixture.press(.enter)
        #expect(try fixture.inbox.mention(String(first.number)).confirmedKind == suggested)
        #expect(fixture.state.message?.text == "classified as \(suggested.rawValue)")
    }

    /// Only spam has no suggested kind: Enter then chooses nothing.
    @Test func enterInTheMentionAndWithoutASuggestion() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        fixture.press(.character("l"))
        fixture.type("bitcoin")
        fixture.press(.enter)
        let plain = try #require(fixture.state.queue.selected)
        #expect(plain.suggestedKind == nil)
        fixture.press(.enter, .character("c"), .enter)
        #expect(try fixture.inbox.mention(String(plain.number)).confirmedKind == nil)
        #expect(fixture.state.message?.text == "no such choice; nothing done")
    }
}
