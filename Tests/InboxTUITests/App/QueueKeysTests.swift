import Foundation
import InboxModel
import InboxStore
import Testing
@testable import InboxTUI

/// Queue keys driven through the real app core and a real database (`ScreenFixture`):
/// search and its wrap, acting on tagged mentions, and the cursor keeping its mention
/// when another agent's change reorders the queue.
@Suite struct QueueKeysTests {
    func contains(_ stored: StoredMention?, _ word: String) -> Bool {
        guard let stored else { return false }
        return [stored.mention.text, stored.mention.author.handle, stored.mention.author.name]
            .contains { $0.localizedCaseInsensitiveContains(word) }
    }

    @Test("/ finds the next match below the cursor, n goes on, and wraps to the first with a message; N goes back")
    func searchAndWrap() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        fixture.press(.character("/"))
        fixture.type("storing")
        fixture.press(.enter)
        var positions = [fixture.state.queue.cursor]
        #expect(contains(fixture.state.queue.selected, "storing"))
        while positions.count < 30 {
            fixture.press(.character("n"))
            if fixture.state.message?.text == "search wrapped" { break }
            #expect(fixture.state.queue.cursor > positions.last!)
            #expect(contains(fixture.state.queue.selected, "storing"))
            positions.append(fixture.state.queue.cursor)
        }
        #expect(positions.count >= 2)
        #expect(fixture.state.message?.text == "search wrapped")
        #expect(fixture.state.queue.cursor == positions.min())
        fixture.press(.character("N"))
        #expect(fixture.state.queue.cursor == positions.last)
        fixture.press(.character("/"))
        fixture.type("zzqx-nowhere")
        fixture.press(.enter)
        #expect(fixture.state.message == AppState.Message(text: "not found: zzqx-nowhere", isError: true, staysWhileTyping: true))
    }

    @Test("t tags and moves down; ; c a classifies every tagged mention as allegation in the database")
    func actOnTagged() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        fixture.press(.character("j"), .character("j"))
        let first = try #require(fixture.state.queue.selected).number
        fixture.press(.character("t"))
        let second = try #require(fixture.state.queue.selected).number
        fixture.press(.character("t"))
        #expect(Set(fixture.state.queue.tagged.keys) == [first, second])
        fixture.press(.character(";"), .character("c"), .character("a"))
        for number in [first, second] {
            let stored = try fixture.inbox.mention(String(number))
            #expect(stored.confirmedKind == .allegation)
        }
        #expect(fixture.state.queue.tagged.isEmpty)
    }

    @Test("another agent's change that moves the mention under the cursor: the cursor moves with it")
    func cursorKeepsItsMention() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        fixture.press(.character("G"))
        fixture.press(.character("k"), .character("k"))
        let held = try #require(fixture.state.queue.selected)
        let before = fixture.state.queue.cursor
        // bob confirms a mention below the cursor as an allegation: it jumps above it.
        let below = try #require(fixture.state.queue.row(at: before + 1))
        let bob = try Inbox(path: fixture.inbox.path, agent: "bob")
        try bob.append(.classify(.allegation), to: below.number, seenSeq: below.lastSeq, at: fixture.now)
        fixture.send(.databaseChanged)
        #expect(fixture.state.queue.selected?.number == held.number)
        #expect(fixture.state.queue.cursor == before + 1)
    }

    @Test("scrolling reads the next page ahead, after drawing, and never while the screen waits")
    func pagesAreReadAhead() throws {
        let fixture = try ScreenFixture(width: 100, height: 16)
        let rows = fixture.state.queueRows
        var state = fixture.state
        // Three screens loaded of a longer queue, as on a big inbox.
        state.queue.rows = Array(state.queue.rows.prefix(3 * rows))
        state.queue.rowsStart = 0
        #expect(state.queue.summary.shown > 4 * rows)
        // Far from the loaded rows' edge: nothing to read.
        #expect(state.update(.key(.character("j"))).isEmpty)
        // Scrolled to within half a screen of the edge: the page around it, as a prefetch.
        var effects: [AppEffect] = []
        for _ in 0..<(3 * rows) where effects.isEmpty {
            effects = state.update(.key(.character("j")))
        }
        guard case .prefetchQueue(let request)? = effects.first else {
            Issue.record("expected a prefetch, got \(effects)")
            return
        }
        #expect(request.offset == max(0, state.queue.top - rows) && request.limit == 3 * rows)
        #expect(state.queue.rowsStart + state.queue.rows.count > state.queue.top + rows, "the screen was loaded")
        // A jump past the loaded rows reads at once.
        #expect(state.update(.key(.character("G"))).contains { if case .loadQueue = $0 { true } else { false } })
    }
}
