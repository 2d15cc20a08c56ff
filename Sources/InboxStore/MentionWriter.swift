import Foundation
import GRDB
import GRDBSQLite
import InboxModel

/// Adds mentions inside one write transaction, many rows per INSERT statement.
///
/// One statement per mention would cost four times SQLite's own work: the triggers make
/// each INSERT a statement that can fail halfway, so SQLite opens a savepoint for it,
/// and a savepoint makes FTS5 write what it gathered as a new segment, so a statement
/// per mention meant an index segment per mention. Statements of up to
/// `rowsPerStatement` rows are prepared once each (sizes are powers of two, so a batch
/// of any length takes at most nine of them).
///
/// A mention the inbox already has (same platform and platform id) is left exactly as
/// it is: importing twice adds nothing and never resets a flow.
///
/// A new mention that continues a customer's conversation joins its case (`CaseJoiner`)
/// in the same transaction, so the case's flow hears the customer wrote. Its case is
/// decided before the row is written, so it goes in as a member: writing it as a case of
/// its own and then moving it (out of the queue index and the open counts, into the case
/// index) cost more than the rest of its import.
public final class MentionWriter {
    /// A mention as it goes in: when it arrived, when the customer's wait for an answer
    /// started (`ResponseClock`), and the kind the classifier suggested.
    public struct Row {
        public var mention: Mention
        public var suggestion: KindClassifier.Suggestion
        public var arrivedAt: Date
        public var clockFrom: Date
        /// The case it joins, decided just before it is written.
        var joins: CaseNumber?

        /// `clockFrom` defaults to the arrival, as for a replay.
        public init(_ mention: Mention, suggestion: KindClassifier.Suggestion, arrivedAt: Date, clockFrom: Date? = nil) {
            self.mention = mention
            self.suggestion = suggestion
            self.arrivedAt = arrivedAt
            self.clockFrom = clockFrom ?? arrivedAt
        }
    }

    /// Most rows in one INSERT statement (`columnCount` parameters each).
    public static let rowsPerStatement = 256
    /// The columns a new mention's row fills, in the order `Row.write(into:)` gives them.
    static let columns = """
        platform, platform_id, channel, conversation_id, in_reply_to_id, author_handle, author_name, followers,
        influence, verified, text, posted_at, language, link, arrived_at, suggested_kind, spam, kind, clock_from, clock_at,
        needs_reply, confidence, case_id, phase, step
        """
    static let columnCount = 25
    private static let placeholders = "(" + Array(repeating: "?", count: columnCount).joined(separator: ", ") + ")"
    private let db: Database
    private let cases: CaseJoiner
    /// How many of the mentions added so far were new, and how many of those joined an earlier case.
    public private(set) var added = 0, joined = 0

    init(_ db: Database, cases: CaseJoiner) {
        self.db = db
        self.cases = cases
    }

    /// Adds `rows` in order and returns how many were new; the others were already there
    /// (or repeat an earlier row).
    ///
    /// Binds through the SQLite C API: on a million rows, GRDB's boxed arguments cost
    /// about as much as SQLite's own work for the row.
    public func add(_ rows: some Collection<Row>) throws -> Int {
        let before = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM mention")) ?? 0
        var added = 0
        var buffer: [Row] = []
        buffer.reserveCapacity(Self.rowsPerStatement)
        var buffered = BufferedKeys()
        var placed: Set<Int64> = []
        for var row in rows {
            if CaseJoiner.mayJoin(row.mention) {
                // Its case may be among the rows not written yet: write them first.
                if buffered.mayHoldCase(of: row.mention) {
                    added += try write(buffer, addedAfter: before, placed: &placed)
                    buffer.removeAll(keepingCapacity: true)
                    buffered = BufferedKeys()
                }
                row.joins = try cases.caseToJoin(db, for: row.mention)
            }
            buffered.insert(row.mention)
            buffer.append(row)
            if buffer.count == Self.rowsPerStatement {
                added += try write(buffer, addedAfter: before, placed: &placed)
                buffer.removeAll(keepingCapacity: true)
                buffered = BufferedKeys()
            }
        }
        added += try write(buffer, addedAfter: before, placed: &placed)
        self.added += added
        return added
    }

    /// Writes `rows` (statements of power-of-two sizes), then tells each case a new
    /// member joined, in the order the rows came (their numbers follow that order).
    private func write(_ rows: [Row], addedAfter before: Int64, placed: inout Set<Int64>) throws -> Int {
        var added = 0
        var rest = rows[...]
        while !rest.isEmpty {
            var size = Self.rowsPerStatement
            while size > rest.count { size /= 2 }
            added += try insert(rest.prefix(size), statement: statement(rows: size))
            rest = rest.dropFirst(size)
        }
        for row in rows {
            guard let head = row.joins, let number = try number(of: row.mention),
                  number > before, placed.insert(number).inserted else { continue }
            try cases.recordJoin(db, head: head, number: number, mention: row.mention, wroteAt: row.clockFrom)
            joined += 1
        }
        return added
    }

    /// The number mention `mention` has in the inbox, if it is there.
    private func number(of mention: Mention) throws -> Int64? {
        var lookup = try RawStatement(db, sql: "SELECT id FROM mention WHERE platform = ? AND platform_id = ?")
        defer { lookup.reset() }
        lookup.bind(mention.platform.rawValue)
        lookup.bind(mention.id)
        return try lookup.step() ? lookup.int64(0) : nil
    }

    /// What the rows not written yet could be the case of (`CaseJoiner.candidates`
    /// looks for these): their ids, their conversations, their authors' direct messages.
    private struct BufferedKeys {
        private var posts: Set<String> = []
        private var conversations: Set<String> = []
        private var directMessageAuthors: Set<String> = []

        mutating func insert(_ mention: Mention) {
            let platform = mention.platform.rawValue + ":"
            posts.insert(platform + mention.id)
            if let conversation = mention.conversationID { conversations.insert(platform + conversation) }
            if mention.channel == .directMessage { directMessageAuthors.insert(platform + mention.author.handle) }
        }

        func mayHoldCase(of mention: Mention) -> Bool {
            let platform = mention.platform.rawValue + ":"
            if let reply = mention.inReplyToID, posts.contains(platform + reply) { return true }
            if let conversation = mention.conversationID,
               posts.contains(platform + conversation) || conversations.contains(platform + conversation) { return true }
            return mention.channel == .directMessage && directMessageAuthors.contains(platform + mention.author.handle)
        }
    }

    /// Erases mention `id`'s words and author details (see `MentionRevisions.erase`).
    public func erase(_ platform: Platform, id: String, at now: Date) throws -> Bool {
        try revisions.erase(platform, id: id, at: now)
    }

    /// Gives a held mention its edited words (see `MentionRevisions.edit`).
    public func edit(original: String, to edited: Mention, suggestion: KindClassifier.Suggestion, at now: Date) throws
        -> Bool {
        try revisions.edit(original: original, to: edited, suggestion: suggestion, at: now)
    }

    /// Puts a reply we posted outside webcare on its case (see `MentionRevisions.link`).
    public func link(_ reply: OurReply) throws -> Bool {
        try revisions.link(reply)
    }

    private var revisions: MentionRevisions<SQLiteRunner> {
        MentionRevisions(db: SQLiteRunner(db: db), rules: cases.writer.rules)
    }

    /// Adds one mention; false when it was already there.
    public func add(_ mention: Mention, suggestion: KindClassifier.Suggestion, arrivedAt: Date) throws -> Bool {
        try add(CollectionOfOne(Row(mention, suggestion: suggestion, arrivedAt: arrivedAt))) == 1
    }

    private func statement(rows: Int) throws -> OpaquePointer {
        try db.cachedStatement(sql: """
            INSERT INTO mention (\(Self.columns))
            VALUES \(Array(repeating: Self.placeholders, count: rows).joined(separator: ", "))
            ON CONFLICT (platform, platform_id) DO NOTHING
            """).sqliteStatement
    }

    private func insert(_ rows: some Collection<Row>, statement: OpaquePointer) throws -> Int {
        var binder = Binder(statement)
        for row in rows { row.write(into: &binder) }
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }
}

extension Inbox {
    /// Runs `body` with a writer in one transaction: what it adds lands together, or
    /// not at all when it throws.
    public func addingMentions<T>(_ body: (MentionWriter) throws -> T) throws -> T {
        try write { db in try body(MentionWriter(db, cases: caseJoiner)) }
    }
}
