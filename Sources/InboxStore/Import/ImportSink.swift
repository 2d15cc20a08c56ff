import Foundation
import GRDB
import InboxModel

/// Where an import writes: one engine's transactions and mention writer. The import
/// itself (reading, batching, commits, counting) is the same for both.
protocol ImportSink {
    /// How many mentions added so far joined an earlier case.
    var joined: Int { get }
    func begin() throws
    func commit() throws
    func rollback() throws
    /// Adds `rows`; how many were new.
    func add(_ rows: [MentionWriter.Row]) throws -> Int
    func erase(_ platform: Platform, id: String, at now: Date) throws -> Bool
    func edit(original: String, to edited: Mention, suggestion: KindClassifier.Suggestion, at now: Date) throws -> Bool
    func link(_ reply: OurReply) throws -> Bool
}

/// An import into SQLite: IMMEDIATE transactions on the import's own connection.
struct SQLiteImportSink: ImportSink {
    let db: Database
    let writer: MentionWriter

    init(_ db: Database, cases: CaseJoiner) {
        self.db = db
        writer = MentionWriter(db, cases: cases)
    }

    var joined: Int { writer.joined }
    func begin() throws { try db.beginTransaction(.immediate) }
    func commit() throws { try db.commit() }
    func rollback() throws { try db.rollback() }
    func add(_ rows: [MentionWriter.Row]) throws -> Int { try writer.add(rows) }
    func erase(_ platform: Platform, id: String, at now: Date) throws -> Bool { try writer.erase(platform, id: id, at: now) }
    func edit(original: String, to edited: Mention, suggestion: KindClassifier.Suggestion, at now: Date) throws -> Bool {
        try writer.edit(original: original, to: edited, suggestion: suggestion, at: now)
    }
    func link(_ reply: OurReply) throws -> Bool { try writer.link(reply) }
}

/// An import into PostgreSQL, on the inbox's connection.
struct PostgresImportSink: ImportSink {
    let session: PostgresSession
    let writer: PostgresMentionWriter

    init(_ session: PostgresSession, cases: CaseJoiner) {
        self.session = session
        writer = PostgresMentionWriter(session, cases: cases)
    }

    var joined: Int { writer.joined }
    func begin() throws { try session.execute("BEGIN") }
    func commit() throws { try session.execute("COMMIT") }
    func rollback() throws { try session.execute("ROLLBACK") }
    func add(_ rows: [MentionWriter.Row]) throws -> Int { try writer.add(rows) }
    func erase(_ platform: Platform, id: String, at now: Date) throws -> Bool { try writer.erase(platform, id: id, at: now) }
    func edit(original: String, to edited: Mention, suggestion: KindClassifier.Suggestion, at now: Date) throws -> Bool {
        try writer.edit(original: original, to: edited, suggestion: suggestion, at: now)
    }
    func link(_ reply: OurReply) throws -> Bool { try writer.link(reply) }
}
