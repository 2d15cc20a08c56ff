import Foundation
import GRDB
import GRDBSQLite
import InboxModel

/// Adds mentions inside one write transaction with one prepared statement, so an import
/// of a million pays for parsing the SQL once. A mention the inbox already has (same
/// platform and platform id) is left exactly as it is: importing twice adds nothing and
/// never resets a flow.
public struct MentionWriter {
    private let statement: Statement
    private let db: Database

    init(_ db: Database) throws {
        self.db = db
        statement = try db.cachedStatement(sql: """
            INSERT INTO mention (platform, platform_id, channel, conversation_id, in_reply_to_id, author_handle,
                author_name, followers, influence, verified, text, posted_at, language, link, arrived_at,
                suggested_kind, spam, kind)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (platform, platform_id) DO NOTHING
            """)
    }

    /// Adds `mention`, arrived at `arrivedAt`, with the kind the classifier suggested.
    /// Returns false when it was already there.
    ///
    /// Binds through the SQLite C API: on a million rows, GRDB's boxed arguments cost
    /// about as much as SQLite's own work for the row.
    public func add(_ mention: Mention, suggestion: KindClassifier.Suggestion, arrivedAt: Date) throws -> Bool {
        let kind = suggestion.kind?.rawValue
        var binder = Binder(statement.sqliteStatement)
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
        binder.bind(arrivedAt.timeIntervalSince1970)
        binder.bind(kind)
        binder.bind(suggestion.looksLikeSpam ? 1 : 0)
        binder.bind(kind)
        let code = sqlite3_step(statement.sqliteStatement)
        sqlite3_reset(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return sqlite3_changes(db.sqliteConnection) > 0
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
        try write { db in try body(MentionWriter(db)) }
    }
}
