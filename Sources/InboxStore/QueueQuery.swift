import Foundation
import GRDB
import InboxModel

/// The queue as SQL: the order of `QueueEntry.precedes` (overdue first, then kind
/// urgency, influence decade, arrival, and the platform key), written as an ORDER BY so
/// SQLite pages through a million mentions without the program holding them.
enum QueueQuery {
    /// `ORDER BY` terms; `:now` is bound to the time the queue is read at.
    static func orderBy(deadlines: ReactionDeadlines) -> String {
        "(\(deadlineExpression(deadlines)) <= :now) DESC, \(urgencyExpression), m.influence DESC, m.arrived_at, "
            + "m.platform || ':' || m.platform_id"
    }

    /// The kind's place in the queue, mentions without a kind last.
    static var urgencyExpression: String {
        let cases = MentionKind.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.urgency)" }.joined(separator: " ")
        return "CASE m.kind \(cases) ELSE \(MentionKind.allCases.count) END"
    }

    /// When the mention's reaction time runs out, by its kind and the channel a reply
    /// goes back on (a DM stays a DM), as `ReactionDeadlines.seconds` says.
    static func deadlineExpression(_ deadlines: ReactionDeadlines) -> String {
        let home = "(CASE WHEN m.channel = '\(MentionChannel.directMessage.rawValue)' THEN '\(ReplyChannel.dm.rawValue)' ELSE m.platform END)"
        let perKind = MentionKind.allCases.map { kind -> String in
            let overrides = ReplyChannel.allCases.compactMap { channel -> String? in
                guard let seconds = deadlines.perChannel[.init(kind, channel)] else { return nil }
                return "WHEN \(home) = '\(channel.rawValue)' THEN \(seconds)"
            }
            let base = deadlines.perKind[kind] ?? deadlines.triage
            let seconds = overrides.isEmpty ? "\(base)" : "CASE \(overrides.joined(separator: " ")) ELSE \(base) END"
            return "WHEN '\(kind.rawValue)' THEN \(seconds)"
        }
        return "m.arrived_at + CASE m.kind \(perKind.joined(separator: " ")) ELSE \(deadlines.triage) END"
    }
}

extension Inbox {
    /// Which mentions a queue read returns.
    public enum QueueScope: Sendable {
        /// Everything not closed: what still needs someone.
        case open
        /// Closed ones too.
        case all
    }

    /// The queue in queue order, read at `now`: at most `limit` mentions from `offset`.
    public func queue(scope: QueueScope = .open, limit: Int? = nil, offset: Int = 0, now: Date = Date()) throws
        -> [StoredMention]
    {
        var filter = QueueFilter.open
        filter.includeClosed = scope == .all
        return try queue(filter: filter, limit: limit, offset: offset, now: now)
    }

    /// The mentions `filter` lets through, in queue order: at most `limit` from `offset`.
    /// A page of a million-mention queue is read from SQLite, never the whole queue.
    public func queue(filter: QueueFilter, limit: Int? = nil, offset: Int = 0, now: Date = Date()) throws
        -> [StoredMention]
    {
        let condition = filter.condition(agent: agent, deadlines: deadlines)
        let sql = """
            SELECT \(StoredMention.columns) FROM mention m \(StoredMention.claimJoin) WHERE \(condition.sql)
            ORDER BY \(QueueQuery.orderBy(deadlines: deadlines)) LIMIT :limit OFFSET :offset
            """
        var arguments = StatementArguments(condition.arguments.mapValues { $0 as (any DatabaseValueConvertible)? })
        arguments += ["now": now.timeIntervalSince1970, "limit": limit ?? -1, "offset": offset]
        return try read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(StoredMention.init(row:)) }
    }

    /// One mention by local number ("42") or platform key ("twitter:1234"; the platform
    /// may be left out when only one platform uses that id).
    public func mention(_ reference: String, now: Date = Date()) throws -> StoredMention {
        let select = "SELECT \(StoredMention.columns) FROM mention m \(StoredMention.claimJoin)"
        let rows: [Row] = try read { db in
            if let number = Int64(reference) {
                let byNumber = try Row.fetchAll(db, sql: "\(select) WHERE m.id = :n",
                                                arguments: ["now": now.timeIntervalSince1970, "n": number])
                if !byNumber.isEmpty { return byNumber }
            }
            let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2, Platform(rawValue: parts[0]) != nil {
                return try Row.fetchAll(db, sql: "\(select) WHERE m.platform = :p AND m.platform_id = :id",
                                        arguments: ["now": now.timeIntervalSince1970, "p": parts[0], "id": parts[1]])
            }
            return try Row.fetchAll(db, sql: "\(select) WHERE m.platform_id = :id LIMIT 2",
                                    arguments: ["now": now.timeIntervalSince1970, "id": reference])
        }
        if rows.isEmpty { throw StoreError.noSuchMention(reference) }
        if rows.count > 1 { throw StoreError.ambiguousMention(reference) }
        return try StoredMention(row: rows[0])
    }

    /// How many mentions the inbox holds.
    public func mentionCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM mention") ?? 0 }
    }
}
