import Foundation
import Testing

/// A case from start to end with `webcare act` and the real binary: the customer's answers
/// to our posted replies join her case and move its flow, and her case stays one queue line.
@Suite struct CaseEndToEndTests {
    typealias Scratch = StoreCommandTests.Scratch

    /// Sanne's answer to our reply `postedID`, as a platform delivers it: no conversation
    /// id, only the reply it answers.
    static func answer(_ id: String, to postedID: String, _ text: String, at time: String) -> String {
        #"{"platform": "twitter", "channel": "mention", "id": "\#(id)", "inReplyToID": "\#(postedID)", "#
            + #""author": {"handle": "sanne_dekker", "name": "Sanne Dekker", "followers": 412}, "#
            + #""text": "\#(text)", "postedAt": "\#(time)"}"# + "\n"
    }

    /// The sample without Sanne's own follow-ups (tw-1066, tw-1067): in these tests she
    /// answers our posted replies instead.
    static func importSampleWithoutSannesFollowUps(into scratch: Scratch) throws {
        let sample = try String(contentsOfFile: StoreCommandTests.sample + "/mentions.jsonl", encoding: .utf8)
            .split(separator: "\n").filter { !$0.contains("\"tw-1066\"") && !$0.contains("\"tw-1067\"") }
        #expect(try scratch.run(["import", "-"], stdin: sample.joined(separator: "\n") + "\n").status == 0)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func sanneFromComplaintToResolved() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.importSampleWithoutSannesFollowUps(into: scratch)

        #expect(try scratch.run(["act", "tw-1000", "classify", "complaint"]).status == 0)
        let first = "Hoi Sanne, vervelend dat je al 3 dagen zonder internet zit. We zoeken het intern uit. ^Lotte"
        #expect(try scratch.run(["act", "tw-1000", "reply", first]).status == 0)
        let outbox = try Self.json(scratch.run(["outbox", "--json"]).stdout)
        let entry = try #require(outbox["id"] as? Int)
        #expect(outbox["inReplyTo"] as? String == "tw-1000")
        #expect(try scratch.run(["outbox", "ack", String(entry), "--posted-id", "tw-9001"]).status == 0)

        let dayFour = Self.answer("tw-2001", to: "tw-9001", "@NetVia nog steeds niks. Dag 4!", at: "2026-11-16T12:24:00Z")
        #expect(try scratch.run(["import", "-"], stdin: dayFour).stdout.contains("1 imported (1 joined their case)"))
        var shown = try Self.json(scratch.run(["show", "tw-2001", "--json"]).stdout)
        #expect(shown["status"] as? String == "customer-replied" && shown["messages"] as? Int == 2)
        let responses = try #require(shown["responses"] as? [[String: Any]])
        #expect(responses.count == 1 && responses[0]["kind"] as? String == "first")
        #expect(try scratch.run(["show", "tw-2001"]).stdout.contains("Responses: first response "))

        // The customer wrote since we looked: a script that read seq 2 is refused.
        let stale = try scratch.run(["act", "tw-1000", "investigated", "storing verholpen", "--as-of", "2"])
        #expect(stale.status == 1 && stale.stderr.contains("the case changed"))
        #expect(try scratch.run(["act", "tw-1000", "investigated", "de storing in je straat is om 14:00 verholpen",
                                 "--as-of", "3"]).status == 0)
        let second = "Hoi Sanne, de storing in je straat is om 14:00 verholpen. Werkt het weer? ^Lotte"
        #expect(try scratch.run(["act", "tw-1000", "reply", second]).status == 0)
        shown = try Self.json(scratch.run(["show", "tw-1000", "--json"]).stdout)
        #expect(shown["status"] as? String == "waiting-for-customer")
        let next = try Self.json(scratch.run(["outbox", "--json"]).stdout)
        #expect(next["inReplyTo"] as? String == "tw-2001")
        #expect(try scratch.run(["outbox", "ack", String(try #require(next["id"] as? Int)), "--posted-id", "tw-9002"])
            .status == 0)

        let works = Self.answer("tw-2002", to: "tw-9002", "@NetVia het werkt weer, dank voor het meedenken!",
                                at: "2026-11-16T12:29:00Z")
        #expect(try scratch.run(["import", "-"], stdin: works).status == 0)
        #expect(try scratch.run(["act", "tw-2002", "close", "resolved"]).status == 0)

        let all = try scratch.run(["list", "--all", "--json"]).stdout.split(separator: "\n")
        let sanne = try all.map { try Self.json(String($0)) }.filter {
            ($0["author"] as? [String: Any])?["handle"] as? String == "sanne_dekker"
        }
        #expect(sanne.count == 1)
        #expect(sanne.first?["messages"] as? Int == 3 && sanne.first?["status"] as? String == "closed")
        let thread = try #require(try Self.json(scratch.run(["show", "tw-1000", "--json"]).stdout)["thread"]
            as? [[String: Any]])
        #expect(thread.map { $0["type"] as? String ?? "" } == ["message", "reply", "message", "reply", "message"])
        #expect(thread.compactMap { $0["postedId"] as? String }.suffix(2) == ["tw-9002", "tw-2002"])
    }

    @Test func refusalsExitOneWithTheReason() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.run(["import", StoreCommandTests.sample + "/mentions.jsonl"]).status == 0)
        let early = try scratch.run(["act", "tw-1000", "reply", "Hoi Sanne"])
        #expect(early.status == 1 && early.stderr.contains("this step asks for no reply: Classify it"))
        let unknown = try scratch.run(["act", "tw-1000", "shout"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no step 'shout'"))
        #expect(try scratch.run(["act", "tw-1000", "classify", "complaint"]).status == 0)
        let blank = try scratch.run(["act", "tw-1000", "reply", "Hoi Sanne, {solution} ^Lotte"])
        #expect(blank.status == 1 && blank.stderr.contains("fill in {solution} first"))
        let member = try scratch.run(["act", "tw-1066", "note", "via a later message of the case"])
        #expect(member.status == 0)
        #expect(try scratch.run(["show", "tw-1000"]).stdout.contains("note via a later message of the case"))
        let missing = try scratch.run(["act", "nope", "note", "x"])
        #expect(missing.status == 1 && missing.stderr.contains("no mention nope"))
    }

    /// The same conversation in the inbox: the answer to our posted reply appears in the
    /// open case's thread and turns its queue line to "customer replied".
    @Test func theAnswerArrivesInTheOpenCase() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.importSampleWithoutSannesFollowUps(into: scratch)
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["--db", scratch.database], width: 110, height: 40)
        #expect(try tmux.wait(for: "?:help").ok)
        try tmux.send("/")
        try tmux.type("sanne_dekker")
        #expect(try tmux.press("Enter", "Enter", until: "@sanne_dekker"))
        #expect(try tmux.wait(for: "· yours").ok)
        #expect(try tmux.press("c", "Enter", until: "classified as complaint"))
        #expect(try tmux.press("r", until: "Reply on Twitter/X"))
        #expect(try tmux.press("Enter", "y", until: "sent; it is in the outbox"))
        #expect(try tmux.wait(for: "(not yet posted)").ok)

        let entry = try #require(try Self.json(scratch.run(["outbox", "--json"]).stdout)["id"] as? Int)
        #expect(try scratch.run(["outbox", "ack", String(entry), "--posted-id", "tw-9001"]).status == 0)
        let answer = Self.answer("tw-2001", to: "tw-9001", "@NetVia nog steeds niks. Dag 4!", at: "2026-11-16T12:24:00Z")
        #expect(try scratch.run(["import", "-"], stdin: answer).status == 0)
        // Another process changed the case: the open view shows the reply posted and her answer.
        #expect(try tmux.wait(for: "@sanne_dekker: @NetVia nog steeds niks. Dag 4!").ok)
        #expect(try tmux.wait(for: "(posted)").ok)
        #expect(try tmux.press("q", until: "customer replied"))
        let line = try #require(try tmux.screen().split(separator: "\n").first { $0.contains("@sanne_dekker") })
        #expect(line.contains("customer replied") && line.contains("(2) @NetVia nog steeds niks"))
    }

    /// The allegation spreading in the sample: every author has a case of their own, and
    /// each case's thread shows the whole conversation, the others dimmed.
    @Test func theAllegationThreadIsOneThreadOfSeparateCases() throws {
        let inbox = try SampleInbox(width: 100, height: 45)
        defer { inbox.stop() }
        let cases = try inbox.scratch.run(["list", "--json"]).stdout.split(separator: "\n").map { try Self.json(String($0)) }
            .filter { $0["conversationID"] as? String == "tw-1003" || $0["id"] as? String == "tw-1003" }
        let authors = cases.compactMap { ($0["author"] as? [String: Any])?["handle"] as? String }
        #expect(authors.count == 7 && Set(authors).count == 7, "\(authors)")
        let tmux = inbox.tmux
        try tmux.send("/")
        try tmux.type("tom_visser")
        #expect(try tmux.press("Enter", "Enter", until: "Thread"))
        let screen = try tmux.screen()
        for author in authors { #expect(screen.contains("@\(author):"), "\(author) missing from the thread") }
        let own = screen.split(separator: "\n").filter { $0.contains("▸") }
        #expect(own.count == 1 && own[0].contains("@tom_visser:"))
        #expect(try tmux.press("q", until: " webcare  alle"))
        try tmux.send("q")
        let exited = try tmux.wait(for: "EXIT=0")
        #expect(exited.ok, "\(exited.screen)")
    }
}
