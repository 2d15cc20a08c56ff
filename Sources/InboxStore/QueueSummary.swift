import Foundation
import GRDB
import InboxModel

/// What the queue header counts: open mentions per kind (confirmed, else suggested),
/// those nobody classified, and how many are overdue.
public struct QueueSummary: Equatable, Sendable {
    public var perKind: [MentionKind: Int] = [:]
    public var unclassified = 0
    public var overdue = 0
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
            summary.overdue = try QueueSegments(deadlines: deadlines, now: now, overdueOnly: true).count(db)
            summary.shown = try shownCount(db, filter: filter, summary: summary, now: now)
            if let row = try Row.fetchOne(db, sql: "SELECT mention_id, agent, event, at FROM flow_event ORDER BY at DESC LIMIT 1") {
                let json: String = row["event"]
                let name = (try? JSONDecoder().decode(FlowEvent.self, from: Data(json.utf8)))?.name ?? "?"
                summary.lastEvent = QueueSummary.LastEvent(mention: row["mention_id"], agent: row["agent"], event: name,
                                                           at: Date(timeIntervalSince1970: row["at"]))
            }
            return summary
        }
    }

    /// How many mentions `filter` lets through: from the kept counts when it is the open
    /// queue or one kind of it, else counted.
    private func shownCount(_ db: Database, filter: QueueFilter, summary: QueueSummary, now: Date) throws -> Int {
        var kindOnly = QueueFilter.open
        kindOnly.kind = filter.kind
        if filter == kindOnly {
            return filter.kind.map { summary.perKind[$0] ?? 0 } ?? summary.perKind.values.reduce(summary.unclassified, +)
        }
        if filter.textMatch == nil, let segments = try segments(db, filter: filter, now: now) {
            return try segments.count(db)
        }
        let condition = filter.condition(agent: agent, deadlines: deadlines)
        var arguments = StatementArguments(condition.arguments)
        arguments += ["now": now.timeIntervalSince1970]
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM mention m WHERE \(condition.sql)", arguments: arguments) ?? 0
    }

    /// The queue position (from 0, under `filter`) of the next mention after `position`
    /// (or before it, `forward` false) whose text, handle or name contains `text`.
    public func search(_ text: String, filter: QueueFilter, from position: Int, forward: Bool = true,
                       now: Date = Date()) throws -> Int? {
        let condition = filter.condition(agent: agent, deadlines: deadlines)
        var arguments = StatementArguments(condition.arguments)
        arguments += ["now": now.timeIntervalSince1970, "from": position,
                      "pattern": "%" + QueueFilter.escapedForLike(text) + "%"]
        let sql = """
            SELECT position FROM (
                SELECT row_number() OVER (ORDER BY \(QueueQuery.orderBy(deadlines: deadlines))) - 1 AS position,
                    m.text, m.author_handle, m.author_name
                FROM mention m \(StoredMention.joins) WHERE \(condition.sql))
            WHERE position \(forward ? ">" : "<") :from AND (text LIKE :pattern ESCAPE '\\'
                OR author_handle LIKE :pattern ESCAPE '\\' OR author_name LIKE :pattern ESCAPE '\\')
            ORDER BY position \(forward ? "" : "DESC") LIMIT 1
            """
        return try read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) }
    }

    /// The author's other cases on the same platform (by the mention that opened each), newest first.
    public func earlierMentions(by stored: StoredMention, limit: Int = 5, now: Date = Date()) throws -> [StoredMention] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(StoredMention.columns) FROM mention m \(StoredMention.joins)
                WHERE \(AuthorIndex.isBy(platform: ":platform", handle: ":handle")) AND m.id != :id
                    AND m.case_id IS NULL
                ORDER BY m.posted_at DESC LIMIT :limit
                """, arguments: ["platform": stored.mention.platform.rawValue, "handle": stored.mention.author.handle,
                                 "id": stored.number, "limit": limit, "now": now.timeIntervalSince1970])
                .map(StoredMention.init(row:))
        }
    }
}
