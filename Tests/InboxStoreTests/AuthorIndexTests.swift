import Foundation
import GRDB
import InboxModel
import Testing
@testable import InboxStore

@Suite("Author index: an author's mentions are found by platform and exact handle")
struct AuthorIndexTests {
    /// Mentions by "sanne" on Twitter, and by authors a loose lookup would confuse with her.
    static let crowd = [
        mention("s1", handle: "sanne", postedAt: t(10)),
        mention("s2", handle: "sanne", postedAt: t(30)),
        mention("s3", handle: "sanne", postedAt: t(20)),
        mention("case", handle: "Sanne", postedAt: t(40)),
        mention("prefix", handle: "sanne1", postedAt: t(50)),
        mention("inside", handle: "ann", postedAt: t(60)),
        mention("words", text: "@sanne twitter sanne 73616E6E65", handle: "piet", postedAt: t(70)),
        mention("fb", handle: "sanne", platform: .facebook, channel: .comment, postedAt: t(80)),
        mention("u", handle: "sänne_ü", postedAt: t(90)),
    ]

    @Test("earlier mentions: same platform and handle as stored, newest first, never the mention itself")
    func earlierMentions() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database)
        try inbox.add(Self.crowd)
        let ids = { (reference: String) in try inbox.earlierMentions(by: inbox.mention(reference)).map(\.mention.id) }
        #expect(try ids("twitter:s1") == ["s2", "s3"])
        #expect(try ids("twitter:s2") == ["s3", "s1"])
        #expect(try ids("twitter:case") == [])
        #expect(try ids("twitter:prefix") == [])
        #expect(try ids("twitter:words") == [])
        #expect(try ids("facebook:fb") == [])
        try inbox.add([mention("u2", handle: "sänne_ü", postedAt: t(100))])
        #expect(try ids("twitter:u") == ["u2"])
        #expect(try inbox.earlierMentions(by: inbox.mention("twitter:s1"), limit: 1).map(\.mention.id) == ["s2"])
    }

    @Test("the third confirmed positive mention of an author suggests an ambassador; look-alike authors do not count")
    func ambassador() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database)
        #expect(HouseRules().ambassadorThreshold == 3)
        let numbers = try inbox.add(Self.crowd)
        // Confirmed positive: s1 and every look-alike, all posted before s2.
        for (index, reference) in ["s1", "case", "prefix", "inside", "words", "fb"].enumerated() {
            let number = try inbox.mention(index == 5 ? "facebook:fb" : "twitter:\(reference)").number
            let appended = try inbox.append(.classify(.positive), to: number, seenSeq: 0)
            #expect(!appended.actions.contains(.suggestAmbassador(handle: "sanne")))
        }
        // s3 (t 20) has one earlier positive, s1 (t 10): not yet.
        let third = try inbox.append(.classify(.positive), to: numbers[2], seenSeq: 0)
        #expect(third.actions == [])
        // s2 (t 30) has two earlier: s1 and s3.
        let second = try inbox.append(.classify(.positive), to: numbers[1], seenSeq: 0)
        #expect(second.actions == [.suggestAmbassador(handle: "sanne")])
    }

    @Test("a database from before v4 gets its existing mentions into the author index when it opens")
    func migration() throws {
        let dir = try TemporaryDirectory()
        let old = try oldDatabase(dir, upTo: "v3: text index without positions")
        try old.write { db in
            for mention in Self.crowd { try insertAsVersion1(db, mention) }
        }
        try old.close()
        let inbox = try Inbox(path: dir.database)
        #expect(try inbox.earlierMentions(by: inbox.mention("twitter:s1")).map(\.mention.id) == ["s2", "s3"])
        try inbox.add([mention("s4", handle: "sanne", postedAt: t(5))])
        #expect(try inbox.earlierMentions(by: inbox.mention("twitter:s1")).map(\.mention.id) == ["s2", "s3", "s4"])
    }
}
