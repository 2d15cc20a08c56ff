import Foundation
import InboxModel
import Testing
@testable import InboxStore

@Suite("PostgreSQL connections: other agents' changes by NOTIFY, a dropped connection made again",
       .enabled(if: TemporaryPostgres.available, "needs the PostgreSQL server scripts/test starts"))
struct PostgresConnectionTests {
    /// Asks `watcher` until it says something changed, for at most ten seconds (a bound
    /// against hanging, not a measure: NOTIFY arrives in milliseconds).
    func heard(_ watcher: any ChangeWatching) throws -> Bool {
        for _ in 0..<1000 {
            if try watcher.hasChanged() { return true }
            usleep(10_000)
        }
        return false
    }

    @Test("an agent's inbox hears another agent's commit, and not its own")
    func notifications() throws {
        let fixture = try EngineFixture(.postgres, mentions: [mention("1")])
        let alice = try fixture.inbox("alice") as! PostgresInbox, bob = try fixture.inbox("bob")
        let watcher = try alice.changes()
        #expect(try !watcher.hasChanged())
        try alice.saveDraft("hoi", for: fixture.numbers[0], writtenFor: nil, at: t(1))
        try bob.saveDraft("hallo", for: fixture.numbers[0], writtenFor: nil, at: t(2))
        #expect(try heard(watcher))
        // Alice's own draft was not news: after bob's, nothing more is pending.
        #expect(try !watcher.hasChanged())
        try alice.append(.classify(.question), to: fixture.numbers[0], seenSeq: 0, at: t(3), takingOver: false)
        usleep(200_000)
        #expect(try !watcher.hasChanged(), "her own step is not news to her")
    }

    @Test("a limit readied while its words are typed plans nothing when it comes, and finds the same cases")
    func preparedLimit() throws {
        let fixture = try EngineFixture(.postgres, mentions: [mention("1"), mention("2", text: "@NetVia storing in Utrecht")])
        let alice = try fixture.inbox("alice") as! PostgresInbox
        func prepared() throws -> Int { try alice.session.rows("SELECT count(*) AS n FROM pg_prepared_statements")[0]["n"] }
        try alice.prepareLimit(on: .open, now: t(10))
        let before = try prepared()
        let found = try alice.queue(filter: QueueFilter(parsing: "storing"), limit: 50, offset: 0, now: t(10), sortedMatchLimit: 0)
        #expect(found.map(\.mention.id) == ["2"])
        #expect(try prepared() == before, "the walk with words was planned ahead")
        _ = try alice.queue(filter: QueueFilter(parsing: "kind:question storing"), limit: 50, offset: 0, now: t(10),
                            sortedMatchLimit: 0)
        #expect(try prepared() == before + 1, "another filter is another statement")
    }

    @Test("a connection the server drops is made again; the step it cut off wrote nothing, the next one lands")
    func reconnects() throws {
        let fixture = try EngineFixture(.postgres, mentions: [mention("1")])
        let alice = try fixture.inbox("alice") as! PostgresInbox, number = fixture.numbers[0]
        let admin = try fixture.postgres!.session(as: "postgres")
        try admin.execute("SELECT pg_terminate_backend(CAST(:pid AS integer))", ["pid": Int64(alice.backendPID)])
        var lost = 0
        do {
            try alice.saveDraft("hoi", for: number, writtenFor: nil, at: t(1))
        } catch StoreError.connectionLost(_, let reason) {
            lost += 1
            #expect(!reason.isEmpty)
            #expect(try admin.rows("SELECT 1 FROM draft").isEmpty, "nothing of the cut-off step was written")
            try alice.saveDraft("hoi", for: number, writtenFor: nil, at: t(1))
        }
        #expect(lost <= 1)
        #expect(alice.takeNotice()?.contains("dropped and was made again; nothing was lost") == true)
        #expect(alice.takeNotice() == nil, "told once")
        #expect(try alice.savedDraft(for: number)?.text == "hoi")
        #expect(try admin.rows("SELECT agent FROM draft").map { $0["agent"] as String } == ["alice"])
    }
}
