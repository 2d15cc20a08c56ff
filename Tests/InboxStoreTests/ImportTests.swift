import Foundation
import InboxModel
import Testing
@testable import InboxStore

@Suite("Import: idempotent, strict, hostile input reported by file, line and field")
struct ImportTests {
    @Test("the sample imports whole, and importing it again adds nothing and changes nothing")
    func idempotent() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let first = try inbox.importFile(sampleData + "/mentions.jsonl")
        #expect(first.totals.imported == 75 && first.messages.isEmpty)
        let opening = try inbox.mention("twitter:tw-1000")
        // Sanne wrote twice more in the same conversation: both joined her case.
        #expect(first.totals.joined == 7 && opening.messages == 3 && opening.lastSeq == 2)
        try inbox.append(.classify(.complaint), to: opening.number, seenSeq: opening.lastSeq, at: t(1))
        let second = try inbox.importFile(sampleData + "/mentions.jsonl")
        #expect(second.totals.imported == 0 && second.totals.duplicates == 75)
        #expect(try inbox.mentionCount() == 75)
        #expect(try inbox.mention("twitter:tw-1000").confirmedKind == .complaint)
    }

    @Test("the hostile file: good records in, each bad one named by line and field, nothing garbled")
    func hostile() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let (totals, messages) = try inbox.importFile(sampleData + "/hostile.jsonl")
        #expect(totals.imported == 5)
        #expect(messages == [
            "in:5: author.followers: expected a number, found a string",
            "in:6: postedAt: not a time: 'gisteren' (ISO 8601, such as 2026-11-16T08:00:00Z)",
            "in:7: author: missing",
            "in:8: platform: unknown 'myspace' (twitter, facebook, linkedin, instagram)",
            "in:9: id: contains a space or control character",
            "in:10: author.followers: negative (-5)",
            "in:11: text: empty",
            "in:12: record: not valid UTF-8 at byte 75",
            "in:13: record: not valid JSON",
            "in:14: record: expected an object, found an array",
            "in:15: author.handle: contains a space or control character",
            "in:16: author.verified: expected true or false, found a string",
            "in:17: record: not valid JSON",
            "in:19: text: contains a NUL character",
        ])
        #expect(totals.rejected == messages.count)
        // What went in is stored exactly: escapes and bidi controls too (screens show them
        // as placeholders), and all 10,000 characters.
        #expect(try inbox.mention("hostile-1").mention.text.contains("\u{1B}[2J"))
        #expect(try inbox.mention("hostile-4").mention.text.count == 10_000)
        #expect(try inbox.mention("hostile-18").mention.text.contains("\u{9B}[31m"))
    }

    @Test("--strict: a file with one bad record writes nothing; a clean one writes everything")
    func strict() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let (totals, messages) = try inbox.importFile(sampleData + "/hostile.jsonl", strict: true)
        #expect(totals.imported == 0 && totals.rejected == 14)
        #expect(messages.last == "in: rejected whole (--strict): nothing from it was imported")
        #expect(try inbox.mentionCount() == 0)
        #expect(try inbox.importFile(sampleData + "/mentions.jsonl", strict: true).totals.imported == 75)
    }

    @Test("an import cut off after a batch is completed by running it again")
    func resumes() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let lines = try String(contentsOfFile: sampleData + "/mentions.jsonl", encoding: .utf8)
            .split(separator: "\n")
        let half = try dir.file("half.jsonl", lines.prefix(30).joined(separator: "\n") + "\n")
        #expect(try inbox.importFile(half).totals.imported == 30)
        let again = try inbox.importFile(sampleData + "/mentions.jsonl")
        #expect(again.totals.imported == 45 && again.totals.duplicates == 30)
    }

    @Test("a record repeated inside one INSERT of many rows counts once, the repeat as a duplicate, and keeps the first")
    func repeatsInOneStatement() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database)
        let record = { (id: Int, text: String) in
            #"{"platform":"twitter","channel":"mention","id":"\#(id)","author":{"handle":"a\#(id)","name":"A","followers":1},"text":"\#(text)","postedAt":"2026-11-21T10:00:00Z"}"#
        }
        // 300 records, the 100th repeating the first: a statement of 256 rows holds both.
        var lines = (1...299).map { record($0, "first \($0)") }
        lines.insert(record(1, "second"), at: 99)
        let file = try dir.file("repeats.jsonl", lines.joined(separator: "\n"))
        let result = try inbox.importFile(file)
        #expect(result.totals.imported == 299 && result.totals.duplicates == 1)
        #expect(try inbox.mention("twitter:1").mention.text == "first 1")
        #expect(try inbox.mentionCount() == 299)
        #expect(try inbox.earlierMentions(by: inbox.mention("twitter:299")).isEmpty)
    }

    @Test("own posts are skipped by handle, whatever its case or @")
    func ownPosts() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let file = try dir.file("own.jsonl", """
            {"platform":"twitter","id":"1","author":{"handle":"NetVia"},"text":"Hoi!","postedAt":"2026-11-16T08:00:00Z"}
            {"platform":"twitter","id":"2","author":{"handle":"klant"},"text":"RT @NetVia: Hoi!","postedAt":"2026-11-16T08:00:00Z"}
            {"platform":"twitter","id":"3","author":{"handle":"klant"},"text":"@netvia hoi","postedAt":"2026-11-16T08:00:00Z"}
            """)
        let (totals, _) = try inbox.importFile(file, own: ["@netvia"])
        #expect(totals.imported == 1 && totals.skipped == [.ownPost: 1, .retweet: 1])
    }
}
