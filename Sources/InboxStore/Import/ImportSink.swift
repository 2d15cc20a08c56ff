import Foundation
import GRDB
import InboxModel

/// What an import writes mentions with, on either engine: `MentionWriter` (SQLite) and
/// `PostgresMentionWriter`.
protocol MentionWriting {
    /// Of the rows sent up to the last `settle`: how many were new mentions, and how many
    /// of those joined an earlier case.
    var added: Int { get }
    var joined: Int { get }
    /// Hands `rows` over, in order. An engine a network away may still be writing them
    /// when this returns, so the import reads the next rows meanwhile; `settle` waits.
    func send(_ rows: some Collection<MentionWriter.Row>) throws
    /// Waits until every row sent is written; throws what failed first.
    func settle() throws
    func erase(_ platform: Platform, id: String, at now: Date) throws -> Bool
    func edit(original: String, to edited: Mention, suggestion: KindClassifier.Suggestion, at now: Date) throws -> Bool
    func link(_ reply: OurReply) throws -> Bool
}

extension MentionWriter: MentionWriting {
    func send(_ rows: some Collection<MentionWriter.Row>) throws { _ = try add(rows) }
    /// SQLite has written each row by the time `send` returns.
    func settle() {}
}
extension PostgresMentionWriter: MentionWriting {}

/// Where an import writes: one engine's transactions and its mention writer. The import
/// itself (reading, batching, commits, counting) is the same for both.
protocol ImportSink {
    associatedtype Writer: MentionWriting
    var writer: Writer { get }
    func begin() throws
    func commit() throws
    func rollback() throws
    /// The team's model as this connection reads it now.
    func learnedModel() throws -> KindModel
    /// Longest a batch stays uncommitted.
    var commitInterval: TimeInterval { get }
    /// How long the import leaves the database alone after each commit.
    var pauseAfterCommit: useconds_t { get }
}

/// An import into SQLite: IMMEDIATE transactions on the import's own connection.
struct SQLiteImportSink: ImportSink {
    let db: Database
    let writer: MentionWriter

    init(_ db: Database, cases: CaseJoiner) {
        self.db = db
        writer = MentionWriter(db, cases: cases)
    }

    func begin() throws { try db.beginTransaction(.immediate) }
    func commit() throws { try db.commit() }
    func rollback() throws { try db.rollback() }
    func learnedModel() throws -> KindModel { try TriageLearning.model(SQLiteRunner(db: db)) }
    /// How long an agent's write may wait for the import's lock.
    var commitInterval: TimeInterval { 0.1 }
    /// The write lock stays free this long, so agents waiting to write get in between batches.
    var pauseAfterCommit: useconds_t { 3000 }
}

/// An import into PostgreSQL, on the inbox's connection.
struct PostgresImportSink: ImportSink {
    let session: PostgresSession
    let writer: PostgresMentionWriter

    init(_ session: PostgresSession, cases: CaseJoiner) {
        self.session = session
        writer = PostgresMentionWriter(session, cases: cases)
    }

    func begin() throws { try session.execute("BEGIN") }
    func commit() throws { try session.execute("COMMIT") }
    func rollback() throws { try session.execute("ROLLBACK") }
    func learnedModel() throws -> KindModel { try TriageLearning.model(session) }
    /// Agents write beside an import (row versions, no lock on the table); what they wait
    /// for is a case whose customer wrote in the batch, and each commit empties the
    /// server's queue of work, so batches are longer than SQLite's.
    var commitInterval: TimeInterval { 0.5 }
    /// None: nobody waits for a lock on the whole database.
    var pauseAfterCommit: useconds_t { 0 }
}
