import Foundation
import GRDB
import InboxModel

/// The queue as SQL: the order of `QueueEntry.precedes` (overdue first, then the cases
/// whose clock runs before those whose does not, kind urgency, influence decade, the
/// start of the wait, arrival, and the platform key).
enum QueueQuery {
    /// `ORDER BY` terms for a query that sorts; `:now` is the time the queue is read at.
    /// The open queue does not sort: `QueueSegments` reads it in this order from its index.
    static func orderBy(deadlines: ReactionDeadlines, dialect: SQLDialect = .sqlite) -> String {
        "\(dialect.flag("\(QueueSegments.deadlineExpression(deadlines)) <= :now")) DESC, m.clock_at IS NULL, m.urgency, "
            + "m.influence DESC, m.clock_at, m.arrived_at, m.platform, m.platform_id"
    }

    /// Up to this many text matches are read and sorted; more are found by walking the
    /// queue index and keeping the matches, which is quicker once they are that common.
    static let sortedMatchLimit = 20_000
}

extension Inbox {
    /// The mentions `filter` lets through, in queue order: at most `limit` from `offset`.
    /// A page of a million-mention queue is read from SQLite, never the whole queue.
    public func queue(filter: QueueFilter, limit: Int? = nil, offset: Int = 0, now: Date = Date()) throws
        -> [StoredMention]
    {
        try queue(filter: filter, limit: limit, offset: offset, now: now, sortedMatchLimit: QueueQuery.sortedMatchLimit)
    }

    /// `queue(filter:limit:offset:now:)` with the number of text matches up to which they
    /// are sorted rather than found by walking the index (tests walk small inboxes too).
    func queue(filter: QueueFilter, limit: Int?, offset: Int, now: Date, sortedMatchLimit: Int) throws
        -> [StoredMention]
    {
        try read { db in
            if let segments = try segments(db, filter: filter, now: now, sortedMatchLimit: sortedMatchLimit) {
                return try segments.page(db, limit: limit, offset: offset)
            }
            return try StoreOperations.queue(SQLiteRunner(db: db), filter: filter, agent: agent, deadlines: deadlines,
                                             limit: limit, offset: offset, now: now)
        }
    }

    /// The runs of the queue index that hold what `filter` lets through, or nil when
    /// sorting is quicker: closed mentions are not in that index, and a few text matches
    /// are sorted faster than the queue is walked for them.
    func segments(_ db: Database, filter: QueueFilter, now: Date,
                  sortedMatchLimit: Int = QueueQuery.sortedMatchLimit) throws -> QueueSegments? {
        if filter.includeClosed { return nil }
        if let match = filter.textMatch {
            let matches = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT 1 FROM mention_fts WHERE mention_fts MATCH ? LIMIT ?)
                """, arguments: [match, sortedMatchLimit + 1]) ?? 0
            if matches <= sortedMatchLimit { return nil }
        }
        let detail = filter.detailCondition(agent: agent)
        return QueueSegments(deadlines: deadlines, now: now,
                             urgencies: filter.kind.map { [$0.urgency] } ?? Array(0...MentionKind.allCases.count),
                             overdueOnly: filter.overdue, condition: detail.sql,
                             arguments: detail.arguments)
    }

    /// One mention by local number ("42") or platform key ("twitter:1234"; the platform
    /// may be left out when only one platform uses that id).
    public func mention(_ reference: String, now: Date = Date()) throws -> StoredMention {
        try read { db in try StoreOperations.mention(SQLiteRunner(db: db), reference, now: now) }
    }

    /// How many mentions the inbox holds.
    public func mentionCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM mention") ?? 0 }
    }
}

extension StoreOperations {
    /// The queue read by sorting what `filter` lets through (PostgreSQL always; SQLite
    /// when its queue index would be slower).
    static func queue(_ db: some SQLRunner, filter: QueueFilter, agent: String, deadlines: ReactionDeadlines,
                      limit: Int?, offset: Int, now: Date) throws -> [StoredMention] {
        let condition = filter.condition(agent: agent, deadlines: deadlines, dialect: db.dialect)
        var arguments: [String: (any DatabaseValueConvertible)?] = ["now": now.timeIntervalSince1970, "offset": offset,
                                                                    "limit": limit ?? Int.max]
        for (name, value) in condition.arguments { arguments[name] = value }
        return try db.rows("""
            SELECT \(StoredMention.columns) FROM mention m \(StoredMention.joins) WHERE \(condition.sql)
            ORDER BY \(QueueQuery.orderBy(deadlines: deadlines, dialect: db.dialect)) LIMIT :limit OFFSET :offset
            """, arguments).map(StoredMention.init(row:))
    }
}
