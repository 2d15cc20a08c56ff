import Foundation
import Testing

/// The alerts and the report view in the real binary, in tmux, on the demo: as a team
/// lead glances at them between cases.
@Suite(.serialized) struct ReportEndToEndTests {
    @Test func alertsLimitTheQueueAndTheReportCountsAReply() throws {
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["demo", "--speed", "100000"], environment: ["TMPDIR": scratch.path, "TZ": "UTC"])
        // The allegation thread spreads: seven posts in one conversation within minutes.
        #expect(try tmux.wait(for: "⚠ A: conversation tw-1003: 7 in 30m").ok)
        #expect(try tmux.press("A", until: "Limit the queue to:"))
        #expect(try tmux.press("1", until: "limit: conversation:tw-1003 | 1/7"))
        // Answer a question, then read today's report.
        try tmux.send("l")
        try tmux.send("C-u")
        try tmux.type("kind:question")
        #expect(try tmux.press("Enter", until: "limit: kind:question"))
        #expect(try tmux.press("Enter", "c", "Enter", until: "question/answer"))
        #expect(try tmux.press("r", until: "Reply on "))
        // ^U clears the template before the cursor, which waits before the signature.
        try tmux.send("C-u")
        try tmux.type("Hoi, dat kan in de app onder Instellingen.")
        #expect(try tmux.press("Enter", "y", until: "sent; it is in the outbox"))
        #expect(try tmux.press("q", "R", until: "Report · today"))
        #expect(try tmux.wait(for: "Cases: 1 replied").ok)
        #expect(try tmux.press("Tab", until: "Report · this week"))
        #expect(try tmux.press("G", until: "Mentions per weekday and hour"))
        #expect(try tmux.press("q", until: "limit: kind:question"))
    }
}
