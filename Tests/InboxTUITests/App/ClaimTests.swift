import Foundation
import InboxModel
import InboxStore
import Testing
@testable import InboxTUI

/// Claims as agents live with them, through the real app core and database at a fixed
/// clock: renewed only while the holder is at the keyboard, gone from every screen the
/// moment they lapse, and a reply onto someone else's claim only after taking it over.
@Suite struct ClaimTests {
    @Test("a claim is renewed while keys come, and lapses when they stop (a frozen connection)")
    func claimsLapseWithoutKeys() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        fixture.press(.enter)
        let number = try #require(fixture.state.mention?.number)
        let bob = try Inbox(path: fixture.inbox.path, agent: "bob")
        // Reading for four minutes with a key now and then: still hers.
        for _ in 0..<8 {
            fixture.wait(30)
            fixture.press(.character("j"))
        }
        #expect(try bob.claim(number, at: fixture.now).agent == "mirjam")
        // Then nothing: the inbox keeps ticking but stops renewing.
        for _ in 0..<Int((Inbox.claimIdle + Inbox.claimLease) / 30 + 1) { fixture.wait(30) }
        #expect(try bob.claim(number, at: fixture.now).agent == "bob")
    }

    @Test("another agent's claim leaves the queue screen when it lapses, without anyone writing")
    func lapsedClaimsLeaveTheScreen() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        let first = try #require(fixture.state.queue.selected)
        let bob = try Inbox(path: fixture.inbox.path, agent: "bob")
        try bob.claim(first.number, at: fixture.now)
        fixture.send(.databaseChanged)
        #expect(fixture.state.queue.selected?.holder?.agent == "bob")
        fixture.wait(Inbox.claimLease + 1)
        #expect(fixture.state.queue.selected?.number == first.number)
        #expect(fixture.state.queue.selected?.holder == nil)
    }

    @Test("a reply onto a mention another agent holds is refused until taken over, and the take-over is in the history")
    func sendingOntoAnotherAgentsClaim() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        let target = try #require(fixture.state.queue.selected)
        let bob = try Inbox(path: fixture.inbox.path, agent: "bob")
        try bob.claim(target.number, at: fixture.now)
        fixture.press(.enter)
        #expect(fixture.state.message?.text == "bob is working on this mention")
        fixture.press(.character("c"), .character("q"), .character("r"), .control("U"))
        fixture.type("Hoi, de storing is voorbij sinds 10:00. ^Mir")
        #expect(fixture.state.mention?.composer != nil)
        fixture.press(.enter, .character("y"))
        guard case .confirm(let confirm)? = fixture.state.overlay else {
            Issue.record("no take-over question; message: \(fixture.state.message?.text ?? "none")")
            return
        }
        #expect(confirm.question.hasPrefix("bob is working on this case. Take it over and send?"))
        #expect(try fixture.inbox.history(of: target.number).map(\.event.name) == ["classify"])
        fixture.press(.character("y"))
        #expect(fixture.state.message?.text == "sent; it is in the outbox")
        let history = try fixture.inbox.history(of: target.number)
        #expect(history.map(\.event.name) == ["classify", "take-over", "send"])
        #expect(history[1].event == .takeOver(from: "bob") && history[1].agent == "mirjam")
        #expect(try bob.claim(target.number, at: fixture.now).agent == "mirjam")
    }
}
