import Foundation
import GRDB
import InboxModel

/// What the queue header counts: open mentions per kind (confirmed, else suggested),
/// those nobody classified, and how many are overdue.
public struct QueueSummary: Equatable, Sendable {
    public var perKind: [MentionKind: Int] = [:]
    public var unclassified = 0
    public var overdue = 0
    /// Overdue open cases per kind (confirmed, else suggested); the rest nobody classified.
    public var overdueByKind: [MentionKind: Int] = [:]
    /// What needs the team's attention now (`QueueAlerts`), the most pressing first.
    public var alerts: [QueueAlert] = []
    /// Mentions the current filter lets through: the length of the list on screen.
    public var shown = 0
    /// The most recent event any agent wrote, for the status line.
    public var lastEvent: LastEvent?

    public struct LastEvent: Equatable, Sendable {
        public var mention: Int64
        public var agent: String
        public var event: String
        public var at: Date
    }

    public init() {}

    /// How many mentions `filter` lets through, from the counts per kind, when it is the
    /// open queue or one kind of it; nil for any other filter.
    func kindOnlyCount(_ filter: QueueFilter) -> Int? {
        var kindOnly = QueueFilter.open
        kindOnly.kind = filter.kind
        guard filter == kindOnly else { return nil }
        return filter.kind.map { perKind[$0] ?? 0 } ?? perKind.values.reduce(unclassified, +)
    }
}

extension Inbox {
    /// Counts for the queue header, with `shown` counted under `filter`.
    public func summary(filter: QueueFilter, now: Date = Date()) throws -> QueueSummary {
        try read { db in
            var summary = QueueSummary()
            for row in try Row.fetchAll(db, sql: "SELECT kind, open FROM queue_count WHERE open > 0") {
                if let kind = MentionKind(rawValue: row["kind"]) {
                    summary.perKind[kind] = row["open"]
                } else {
                    summary.unclassified += row["open"] as Int
                }
            }
            for urgency in 0...MentionKind.allCases.count {
                let late = try QueueSegments(deadlines: deadlines, now: now, urgencies: [urgency], overdueOnly: true).count(db)
                summary.overdue += late
                if let kind = QueueSegments.kind(urgency: urgency), late > 0 { summary.overdueByKind[kind] = late }
            }
            summary.shown = try shownCount(db, filter: filter, summary: summary, now: now)
            summary.lastEvent = try StoreOperations.lastEvent(SQLiteRunner(db: db))
            return summary
        }
    }

    /// How many mentions `filter` lets through: from the kept counts when it is the open
    /// queue or one kind of it, else counted.
    private func shownCount(_ db: Database, filter: QueueFilter, summary: QueueSummary, now: Date) throws -> Int {
        if let count = summary.kindOnlyCount(filter) { return count }
        if filter.textMatch == nil, let segments = try segments(db, filter: filter, now: now) {
            return try segments.count(db)
        }
        return try StoreOperations.count(SQLiteRunner(db: db), filter: filter, agent: agent, deadlines: deadlines, now: now)
    }

    /// The queue position (from 0, under `filter`) of the next mention after `position`
    /// (or before it, `forward` false) whose text, handle or name contains `text`.
    public func search(_ text: String, filter: QueueFilter, from position: Int, forward: Bool = true,
                       now: Date = Date()) throws -> Int? {
        try read { db in
            try StoreOperations.search(SQLiteRunner(db: db), text, filter: filter, agent: agent, deadlines: deadlines,
                                       from: position, forward: forward, now: now)
        }
    }

    /// The author's other cases on the same platform (by the mention that opened each), newest first.
    public func earlierMentions(by stored: StoredMention, limit: Int = 5, now: Date = Date()) throws -> [StoredMention] {
        try read { db in try StoreOperations.earlierMentions(SQLiteRunner(db: db), by: stored, limit: limit, now: now) }
    }
}

extension StoreOperations {
    /// How many mentions `filter` lets through, counted.
    static func count(_ db: some SQLRunner, filter: QueueFilter, agent: String, deadlines: ReactionDeadlines,
                      now: Date) throws -> Int {
        let condition = filter.condition(agent: agent, deadlines: deadlines, dialect: db.dialect)
        var arguments: [String: (any DatabaseValueConvertible)?] = ["now": now.timeIntervalSince1970]
        for (name, value) in condition.arguments { arguments[name] = value }
        return try db.row("SELECT count(*) AS n FROM mention m WHERE \(condition.sql)", arguments)?["n"] ?? 0
    }

    /// The most recent event any agent wrote.
    static func lastEvent(_ db: some SQLRunner) throws -> QueueSummary.LastEvent? {
        guard let row = try db.row("SELECT mention_id, agent, event, at FROM flow_event ORDER BY at DESC LIMIT 1") else {
            return nil
        }
        let json: String = row["event"]
        let name = (try? JSONDecoder().decode(FlowEvent.self, from: Data(json.utf8)))?.name ?? "?"
        return QueueSummary.LastEvent(mention: row["mention_id"], agent: row["agent"], event: name,
                                      at: Date(timeIntervalSince1970: row["at"]))
    }

    static func search(_ db: some SQLRunner, _ text: String, filter: QueueFilter, agent: String,
                       deadlines: ReactionDeadlines, from position: Int, forward: Bool, now: Date) throws -> Int? {
        let condition = filter.condition(agent: agent, deadlines: deadlines, dialect: db.dialect)
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "now": now.timeIntervalSince1970, "from": position, "pattern": "%" + QueueFilter.escapedForLike(text) + "%"]
        for (name, value) in condition.arguments { arguments[name] = value }
        return try db.row("""
            SELECT position FROM (
                SELECT row_number() OVER (ORDER BY \(QueueQuery.orderBy(deadlines: deadlines, dialect: db.dialect))) - 1
                    AS position, m.text, m.author_handle, m.author_name
                FROM mention m \(StoredMention.joins) WHERE \(condition.sql)) AS ranked
            WHERE position \(forward ? ">" : "<") :from AND (text LIKE :pattern ESCAPE '\\'
                OR author_handle LIKE :pattern ESCAPE '\\' OR author_name LIKE :pattern ESCAPE '\\')
            ORDER BY position \(forward ? "" : "DESC") LIMIT 1
            """, arguments)?["position"]
    }

    static func earlierMentions(_ db: some SQLRunner, by stored: StoredMention, limit: Int, now: Date) throws
        -> [StoredMention] {
        try db.rows("""
            SELECT \(StoredMention.columns) FROM mention m \(StoredMention.joins)
            WHERE \(db.byAuthor) AND m.id != :id AND m.case_id IS NULL
            ORDER BY m.posted_at DESC LIMIT :limit
            """, ["platform": stored.mention.platform.rawValue, "handle": stored.mention.author.handle,
                  "id": stored.number, "limit": limit, "now": now.timeIntervalSince1970])
            .map(StoredMention.init(row:))
    }
}
