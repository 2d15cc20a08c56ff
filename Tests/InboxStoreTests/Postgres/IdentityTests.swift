import Foundation
import InboxModel
import Testing
@testable import InboxStore

/// What a team member could type into psql, tried against the server's rules: the agent
/// is the login, and nobody writes in another's name.
@Suite("PostgreSQL identities: the database login is the agent, and the server holds everyone to it",
       .enabled(if: TemporaryPostgres.available, "needs the PostgreSQL server scripts/test starts"))
struct IdentityTests {
    /// A database with one mention classified by bob (event 1), bob holding its claim.
    func setUp() throws -> (EngineFixture, Int64) {
        let fixture = try EngineFixture(.postgres, mentions: [mention("1")])
        let bob = try fixture.inbox("bob"), number = fixture.numbers[0]
        try bob.append(.classify(.question), to: number, seenSeq: 0, at: Date(), takingOver: false)
        try bob.claim(number, at: Date(), lease: 600)
        return (fixture, number)
    }

    func refused(_ sql: String, as login: String, in fixture: EngineFixture) throws -> String? {
        let session = try fixture.postgres!.session(as: login)
        do {
            try session.execute(sql)
            return nil
        } catch let failure as PostgresFailure {
            return failure.sqlState
        }
    }

    @Test("an agent cannot log an event, queue a reply, save a draft or a position in another agent's name")
    func noImpersonation() throws {
        let (fixture, number) = try setUp()
        let note = #"'{"note":{"_0":"x"}}'"#
        #expect(try refused("INSERT INTO flow_event (mention_id, seq, at, agent, event) VALUES (\(number), 2, 0, 'bob', \(note))",
                            as: "alice", in: fixture) == "42501")
        #expect(try refused("""
            INSERT INTO outbox (mention_id, seq, action, channel, text, agent, created_at)
            VALUES (\(number), 1, 'reply', 'twitter', 'hi', 'bob', 0)
            """, as: "alice", in: fixture) == "42501")
        // Her own name on bob's event does not pass either: an outbox entry needs her event.
        #expect(try refused("""
            INSERT INTO outbox (mention_id, seq, action, channel, text, created_at)
            VALUES (\(number), 1, 'reply', 'twitter', 'hi', 0)
            """, as: "alice", in: fixture) == "42501")
        #expect(try refused("INSERT INTO draft (mention_id, agent, text, saved_at) VALUES (\(number), 'bob', 'x', 0)",
                            as: "alice", in: fixture) == "42501")
        #expect(try refused("INSERT INTO team_position (id, version, topic, statement, agent, saved_at) VALUES ('p', 1, 't', 's', 'bob', 0)",
                            as: "alice", in: fixture) == "42501")
        // What she does as herself lands, with her name filled in by the server.
        #expect(try refused("INSERT INTO flow_event (mention_id, seq, at, event) VALUES (\(number), 2, 0, \(note))",
                            as: "alice", in: fixture) == nil)
        #expect(try fixture.inbox("bob").history(of: number).last?.agent == "alice")
    }

    @Test("a claim held by another refuses a send and a grab; a recorded take-over passes")
    func claims() throws {
        let (fixture, number) = try setUp()
        let send = #"'{"send":{"_0":{"text":"hoi","channel":"twitter"}}}'"#
        #expect(try refused("INSERT INTO flow_event (mention_id, seq, at, event) VALUES (\(number), 2, 0, \(send))",
                            as: "alice", in: fixture) == "WC001")
        #expect(try refused("UPDATE claim SET agent = 'alice' WHERE mention_id = \(number)", as: "alice", in: fixture) == "WC001")
        #expect(try refused("DELETE FROM claim WHERE mention_id = \(number)", as: "alice", in: fixture) == nil)
        #expect(try fixture.inbox("bob").mention("1", now: Date()).holder?.agent == "bob", "her delete removed nothing")
        let alice = try fixture.inbox("alice")
        #expect(throws: StoreError.heldBy(agent: "bob")) {
            try alice.append(.send(answer), to: number, seenSeq: 1, at: Date(), takingOver: false)
        }
        try alice.append(.send(answer), to: number, seenSeq: 1, at: Date(), takingOver: true)
        #expect(try alice.history(of: number).map(\.agent) == ["bob", "alice", "alice"])
    }

    @Test("a connector imports a customer's words and delivers the outbox, but cannot act on a flow")
    func connector() throws {
        let (fixture, number) = try setUp()
        let feed = try fixture.inbox("feed")
        #expect(throws: StoreError.self) {
            try feed.append(.classify(.complaint), to: number, seenSeq: 1, at: Date(), takingOver: false)
        }
        #expect(throws: StoreError.self) { try feed.claim(number, at: Date(), lease: 60) }
        #expect(try refused("""
            INSERT INTO flow_event (mention_id, seq, at, agent, event) VALUES (\(number), 2, 0, '@sanne', '{"authorWrote":{"_0":"nog iets"}}')
            """, as: "feed", in: fixture) == nil)
        #expect(try refused("UPDATE outbox SET delivered_at = 1", as: "alice", in: fixture) == "42501",
                "delivering is the connector's")
        #expect(try refused("UPDATE outbox SET delivered_at = 1", as: "feed", in: fixture) == nil)
        #expect(try fixture.inbox("alice").history(of: number).map(\.agent) == ["bob", "@sanne"])
    }
}
