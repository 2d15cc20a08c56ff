import Foundation
import InboxStore
import Testing
@testable import InboxTUI

/// A limit shows its first page before its matches are counted: the page is read
/// first, and until the count arrives the status line says so instead of a wrong total.
@Suite struct LimitCountingTests {
    @Test("limit: page first, `n/…` until the count arrives, then `n/total`")
    func pageBeforeCount() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        fixture.press(.character("l"))
        var state = fixture.state
        for character in "storing" { _ = state.update(.key(.character(character))) }
        let effects = state.update(.key(.enter))
        guard case .loadQueue(let request)? = effects.first, case .loadSummary? = effects.last else {
            Issue.record("expected the page before the counts, got \(effects)")
            return
        }
        let runner = EffectRunner(inbox: fixture.inbox)
        if let page = try runner.run(.loadQueue(request), now: fixture.now) { _ = state.update(page) }
        let status = { (state: AppState) in Render.screen(state).text.split(separator: "\n")[28] }
        #expect(status(state).contains("limit: storing | 1/… "))
        if let counts = try runner.run(effects.last!, now: fixture.now) { _ = state.update(counts) }
        let shown = try fixture.inbox.summary(filter: QueueFilter(parsing: "storing"), now: fixture.now).shown
        #expect(shown > 1)
        #expect(status(state).contains("limit: storing | 1/\(shown) "))
    }

    @Test("opening the limit prompt readies a limit on the queue's filter, while the words are typed")
    func readiedWhileTyping() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        var state = fixture.state
        let filter = state.queue.filter
        #expect(state.update(.key(.character("l"))) == [.prepareLimit(filter)])
        #expect(state.update(.key(.character("s"))).isEmpty, "typing asks for nothing")
    }
}
