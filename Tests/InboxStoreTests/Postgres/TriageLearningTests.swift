import Foundation
import GRDB
import InboxModel
import Testing
@testable import InboxStore

@Suite("Triage learns from what agents confirm, in the database the team shares, on both engines",
       .enabled(if: TemporaryPostgres.available, "needs the PostgreSQL server scripts/test starts"))
struct TriageLearningTests {
    static let outage = "@NetVia al 3 dagen geen internet in Utrecht"

    @Test("a confirmed kind is learned, a changed one taken back, a dismissal as spam teaches no reply", arguments: Engine.allCases)
    func confirmationsTeach(engine: Engine) throws {
        let fixture = try EngineFixture(engine, mentions: [
            mention("1", text: Self.outage), mention("2", text: "@NetVia verdien geld met bitcoin, klik hier"),
        ])
        let alice = try fixture.inbox("alice"), bob = try fixture.inbox("bob")
        try alice.append(.classify(.complaint), to: fixture.numbers[0], seenSeq: 0, at: t(60), takingOver: false)
        var model = try bob.learnedModel()
        #expect(model.confirmations(in: .dutch) == 1)
        #expect(model.rows.contains(.init(language: .dutch, label: .kind(.complaint), feature: "internet", count: 1)))
        // Bob changes the kind: the complaint is taken back, the negative learned instead.
        try bob.append(.classify(.negative), to: fixture.numbers[0], seenSeq: 1, at: t(70), takingOver: false)
        model = try alice.learnedModel()
        #expect(model.confirmations(in: .dutch) == 1)
        #expect(!model.rows.contains { $0.label == .kind(.complaint) })
        #expect(model.rows.contains(.init(language: .dutch, label: .kind(.negative), feature: "geen internet", count: 1)))
        try alice.append(.dismiss(.spam, note: ""), to: fixture.numbers[1], seenSeq: 0, at: t(90), takingOver: false)
        #expect(try bob.learnedModel().rows.contains(.init(language: .dutch, label: .noReply, feature: "bitcoin", count: 1)))
    }

    @Test("what a team trained classifies its next import", arguments: Engine.allCases)
    func trainingSteersTheImport(engine: Engine) throws {
        let fixture = try EngineFixture(engine, mentions: [])
        let alice = try fixture.inbox("alice")
        // This team files every delay as a question (its rule, not the lists').
        let entries = (0..<400).map { index in
            LabelledFile.Entry(line: index + 1, text: index % 2 == 0 ? "@SkyWings flight delayed again" : "@SkyWings thanks, lovely crew",
                               languageTag: "en", labels: [index % 2 == 0 ? .kind(.question) : .kind(.positive)])
        }
        #expect(try alice.train(entries) == 400)
        let file = try fixture.directory.file("delay.jsonl", """
            {"platform": "twitter", "channel": "mention", "id": "d1", "author": {"handle": "p", "name": "P", "followers": 1, "verified": false}, "text": "@SkyWings my flight is delayed", "postedAt": "2026-11-16T08:00:00Z", "language": "en"}
            """)
        #expect(try alice.importFile(file).totals.imported == 1)
        let stored = try alice.mention("twitter:d1", now: t(0))
        #expect(stored.suggestedKind == .question && stored.needsReply)
    }

    @Test("chatter needs no reply: it keeps its likely kind but sorts and counts with what nobody classified")
    func noReplySortsLast() throws {
        let fixture = try EngineFixture(.sqlite, mentions: [
            mention("1", text: "Watching the match on @NetVia tv tonight, come on lads", followers: 2_000_000),
            mention("2", text: "@NetVia bedankt voor de snelle hulp!", followers: 3),
        ])
        let inbox = try fixture.inbox("alice")
        let chatter = try inbox.mention("1", now: t(0))
        #expect(!chatter.needsReply && chatter.kind == nil && chatter.suggestedKind != nil)
        // The praise from 3 followers still comes before the chatter of a big account.
        #expect(try inbox.queue(now: t(0)).map(\.mention.id) == ["2", "1"])
    }

    @Test("v11 seeds the model from the kinds confirmed before it")
    func migrationLearnsEarlierConfirmations() throws {
        let fixture = try EngineFixture(.sqlite, mentions: [mention("1", text: Self.outage)])
        let inbox = try #require(try fixture.inbox("alice") as? Inbox)
        try inbox.append(.classify(.complaint), to: fixture.numbers[0], seenSeq: 0, at: t(60))
        // As a database from before v11: no counts, no columns.
        try inbox.write { db in
            try db.execute(sql: """
                DROP TABLE classifier_count;
                ALTER TABLE mention DROP COLUMN needs_reply;
                ALTER TABLE mention DROP COLUMN confidence;
                """)
            try Schema.migrateToLearningTriage(SQLiteRunner(db: db))
        }
        let model = try inbox.learnedModel()
        #expect(model.confirmations(in: .dutch) == 1)
        #expect(model.rows.contains(.init(language: .dutch, label: .kind(.complaint), feature: "utrecht", count: 1)))
    }
}
