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
/// in the same transaction, so the case's flow hears the customer wrote.
public final class MentionWriter {
    /// A mention as it goes in: when it arrived, when the customer's wait for an answer
    /// started (`ResponseClock`), and the kind the classifier suggested.
    public struct Row {
        public var mention: Mention
        public var suggestion: KindClassifier.Suggestion
        public var arrivedAt: Date
        public var clockFrom: Date

        /// `clockFrom` defaults to the arrival, as for a replay.
        public init(_ mention: Mention, suggestion: KindClassifier.Suggestion, arrivedAt: Date, clockFrom: Date? = nil) {
            self.mention = mention
            self.suggestion = suggestion
            self.arrivedAt = arrivedAt
            self.clockFrom = clockFrom ?? arrivedAt
        }
    }

    /// Most rows in one INSERT statement (20 parameters each).
    public static let rowsPerStatement = 256
    private static let columns = """
        platform, platform_id, channel, conversation_id, in_reply_to_id, author_handle, author_name, followers,
        influence, verified, text, posted_at, language, link, arrived_at, suggested_kind, spam, kind, clock_from, clock_at
        """
    private static let placeholders = "(" + Array(repeating: "?", count: 20).joined(separator: ", ") + ")"
    private let db: Database
    private let cases: CaseJoiner
    /// How many of the mentions added so far joined an earlier case.
    public private(set) var joined = 0

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
        var rest = rows[...]
        while !rest.isEmpty {
            var size = Self.rowsPerStatement
            while size > rest.count { size /= 2 }
            added += try insert(rest.prefix(size), statement: statement(rows: size))
            rest = rest.dropFirst(size)
        }
        try placeInCases(rows, addedAfter: before)
        return added
    }

    /// Puts the rows added after mention `before` that may continue a conversation in
    /// their cases, in the order they came (the numbers they got follow that order).
    private func placeInCases(_ rows: some Collection<Row>, addedAfter before: Int64) throws {
        var placed: Set<Int64> = []
        for row in rows where CaseJoiner.mayJoin(row.mention) {
            guard let number = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT id FROM mention WHERE platform = ? AND platform_id = ?
                """), arguments: [row.mention.platform.rawValue, row.mention.id]),
                number > before, placed.insert(number).inserted else { continue }
            if try cases.place(db, number: number, mention: row.mention, wroteAt: row.clockFrom) != nil {
                joined += 1
            }
        }
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
        for row in rows {
            let mention = row.mention, kind = row.suggestion.kind?.rawValue
            binder.bind(mention.platform.rawValue)
            binder.bind(mention.id)
            binder.bind(mention.channel.rawValue)
            binder.bind(mention.conversationID)
            binder.bind(mention.inReplyToID)
            binder.bind(mention.author.handle)
            binder.bind(mention.author.name)
            binder.bind(mention.author.followers)
            binder.bind(QueueEntry.influence(followers: mention.author.followers))
            binder.bind(mention.author.verified ? 1 : 0)
            binder.bind(mention.text)
            binder.bind(mention.postedAt.timeIntervalSince1970)
            binder.bind(mention.language)
            binder.bind(mention.link)
            binder.bind(row.arrivedAt.timeIntervalSince1970)
            binder.bind(kind)
            binder.bind(row.suggestion.looksLikeSpam ? 1 : 0)
            binder.bind(kind)
            binder.bind(row.clockFrom.timeIntervalSince1970)
            binder.bind(row.clockFrom.timeIntervalSince1970)
        }
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }
}

/// Binds the parameters of a prepared statement in order, copying each value.
private struct Binder {
    private let statement: OpaquePointer
    private var index: Int32 = 0
    /// SQLite's SQLITE_TRANSIENT: copy the bytes now, the Swift string may move.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: OpaquePointer) {
        self.statement = statement
    }

    mutating func bind(_ text: String?) {
        index += 1
        guard var text else {
            sqlite3_bind_null(statement, index)
            return
        }
        let bound = text.withUTF8 { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            let characters = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            sqlite3_bind_text(statement, index, characters, Int32(bytes.count), Self.transient)
            return true
        }
        if !bound { sqlite3_bind_text(statement, index, "", 0, Self.transient) }
    }

    mutating func bind(_ value: Int) {
        index += 1
        sqlite3_bind_int64(statement, index, Int64(value))
    }

    mutating func bind(_ value: Double) {
        index += 1
        sqlite3_bind_double(statement, index, value)
    }
}

extension Inbox {
    /// Runs `body` with a writer in one transaction: what it adds lands together, or
    /// not at all when it throws.
    public func addingMentions<T>(_ body: (MentionWriter) throws -> T) throws -> T {
        try write { db in try body(MentionWriter(db, cases: caseJoiner)) }
    }
}
