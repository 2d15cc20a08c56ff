import Foundation
import InboxModel
import GRDB
import Testing
@testable import InboxStore

@Suite("Claims, drafts, positions and noticing other processes")
struct SharedStateTests {
    @Test("a claim holds for its lease, is renewed by its holder, and passes on when it expires")
    func claims() throws {
        let dir = try TemporaryDirectory()
        let alice = try Inbox(path: dir.database, agent: "alice")
        let bob = try Inbox(path: dir.database, agent: "bob")
        let number = try alice.add([mention("1")])[0]
        #expect(try alice.claim(number, at: t(0), lease: 90).agent == "alice")
        #expect(try bob.claim(number, at: t(30), lease: 90) == Claim(agent: "alice", expiresAt: t(90)))
        #expect(try bob.mention("1", now: t(30)).holder?.agent == "alice")
        #expect(try alice.claim(number, at: t(60), lease: 90).expiresAt == t(150))
        #expect(try bob.claim(number, at: t(149), lease: 90).agent == "alice")
        #expect(try bob.mention("1", now: t(151)).holder == nil)
        #expect(try bob.claim(number, at: t(151), lease: 90) == Claim(agent: "bob", expiresAt: t(241)))
        try alice.release(number)
        #expect(try alice.mention("1", now: t(160)).holder?.agent == "bob")
        try bob.release(number)
        #expect(try alice.mention("1", now: t(160)).holder == nil)
    }

    @Test("drafts are saved per agent as typed and survive a new connection")
    func drafts() throws {
        let dir = try TemporaryDirectory()
        let number: Int64
        do {
            let alice = try Inbox(path: dir.database, agent: "alice")
            number = try alice.add([mention("1")])[0]
            try alice.saveDraft("Hoi San", for: number)
            try alice.saveDraft("Hoi Sanne, we", for: number)
        }
        let again = try Inbox(path: dir.database, agent: "alice")
        let bob = try Inbox(path: dir.database, agent: "bob")
        #expect(try again.draft(for: number) == "Hoi Sanne, we")
        #expect(try bob.draft(for: number) == nil)
    }

    @Test("an emptied draft is no draft: the composer opens on the template again")
    func emptyDraft() throws {
        let dir = try TemporaryDirectory()
        let alice = try Inbox(path: dir.database, agent: "alice")
        let number = try alice.add([mention("1")])[0]
        try alice.saveDraft("Hoi Sanne", for: number)
        try alice.saveDraft(" \n ", for: number)
        #expect(try alice.draft(for: number) == nil)
        try alice.saveDraft("", for: number)
        #expect(try alice.draft(for: number) == nil)
    }

    @Test("positions get readable ids and a revision gets the next version")
    func positions() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let first = try inbox.savePosition(topic: "Storing 14 november", statement: "Monteurs zijn onderweg.")
        #expect(first == TeamPosition(id: "storing-14-november", topic: "Storing 14 november", version: 1,
                                      statement: "Monteurs zijn onderweg."))
        let other = try inbox.savePosition(topic: "Storing 14 november!", statement: "Anders.")
        #expect(other.id == "storing-14-november-2")
        let revised = try inbox.savePosition(id: first.id, topic: first.topic, statement: "Opgelost om 14:00.")
        #expect(revised.version == 2)
        #expect(try inbox.position(first.id).statement == "Opgelost om 14:00.")
        #expect(try inbox.position(first.id, version: 1).statement == "Monteurs zijn onderweg.")
        #expect(try inbox.positions().map(\.version) == [2, 1])
        #expect(throws: StoreError.noSuchPosition("nope")) { try inbox.position("nope") }
        let short = try inbox.savePosition(id: first.id, topic: first.topic, statement: "Opgelost om 14:00, excuses.",
                                           short: "Opgelost.")
        #expect(try inbox.position(first.id) == short && short.short == "Opgelost." && short.version == 3)
        #expect(try inbox.positions().first?.short == "Opgelost.")
        #expect(try inbox.position(first.id, version: 2).short == nil)
    }

    @Test("PRAGMA data_version: a watcher sees another connection's commit, and nothing when nothing happened")
    func watcher() throws {
        let dir = try TemporaryDirectory()
        let writer = try Inbox(path: dir.database, agent: "alice")
        let watcher = try ChangeWatcher(path: dir.database)
        #expect(try watcher.hasChanged() == false)
        try writer.add([mention("1")])
        #expect(try watcher.hasChanged() == true)
        #expect(try watcher.hasChanged() == false)
        try writer.saveDraft("x", for: 1)
        #expect(try watcher.hasChanged() == true)
    }

    @Test("the database is in WAL mode, and a write waits for another process's transaction instead of failing")
    func walAndWaiting() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let number = try inbox.add([mention("1")])[0]
        #expect(try inbox.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        let other = try DatabaseQueue(path: dir.database)
        let holding = DispatchSemaphore(value: 0)
        let releasing = LockedDate()
        let writer = Thread {
            try? other.inTransaction(.immediate) { db in
                try db.execute(sql: "UPDATE mention SET followers = followers + 1")
                holding.signal()
                usleep(300_000)
                releasing.set(Date())
                return .commit
            }
        }
        writer.start()
        holding.wait()
        try inbox.saveDraft("Hoi Sanne", for: number)
        // The draft waited for the other writer instead of failing: it was saved after
        // that transaction let go (order, not a duration).
        let saved = Date()
        #expect(releasing.value.map { saved >= $0 } == true)
        #expect(try inbox.draft(for: number) == "Hoi Sanne")
        #expect(try inbox.mention("1").mention.author.followers == 413)
    }

    /// $USER is not read (the inbox in tmux, started with another $USER, shows the
    /// account: InboxTUITests' agentIsTheAccount); an id without an account has a name.
    @Test("an id without an account is named by its number")
    func agentWithoutAccount() {
        #expect(AgentIdentity.name(of: 4_000_000_000) == "uid 4000000000")
    }

    @Test("the database location: --db, then $WEBCARE_DB, then the XDG data directory")
    func location() {
        #expect(DatabaseLocation.resolve(option: "/x.db", environment: ["WEBCARE_DB": "/y.db"]) == "/x.db")
        #expect(DatabaseLocation.resolve(option: nil, environment: ["WEBCARE_DB": "/y.db"]) == "/y.db")
        #expect(DatabaseLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"])
            == "/data/webcare/inbox.sqlite")
        #expect(DatabaseLocation.resolve(option: nil, environment: ["HOME": "/home/a"])
            == "/home/a/.local/share/webcare/inbox.sqlite")
    }
}

/// A date one thread sets and another reads.
final class LockedDate: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date?
    func set(_ value: Date) { lock.withLock { date = value } }
    var value: Date? { lock.withLock { date } }
}
