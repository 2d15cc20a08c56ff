import Foundation
import GRDB
import InboxModel

/// One line of a case's thread: a message from the customer, from someone else in the
/// same conversation, or one of our replies from the outbox.
public enum ThreadEntry: Equatable, Sendable {
    case message(StoredMention, inCase: Bool)
    case reply(OutboxEntry)
}

extension Inbox {
    public func thread(ofCase number: CaseNumber, othersLimit: Int = 50, now: Date = Date()) throws -> [ThreadEntry] {
        try read { db in try StoreOperations.thread(SQLiteRunner(db: db), ofCase: number, othersLimit: othersLimit, now: now) }
    }
}

extension StoreOperations {
    /// The customer's messages in case `number`, oldest first.
    static func messages(_ db: some SQLRunner, ofCase number: CaseNumber, now: Date) throws -> [StoredMention] {
        try db.rows("""
            SELECT \(StoredMention.columns) FROM mention m \(StoredMention.joins)
            WHERE m.id = :case OR m.case_id = :case ORDER BY m.id
            """, ["case": number.rawValue, "now": now.timeIntervalSince1970]).map(StoredMention.init(row:))
    }

    /// Case `number`'s thread, in the order things happened here: the customer's
    /// messages, what others wrote in the same conversations (at most `othersLimit`, the
    /// latest), and our replies. Messages are ordered by when they arrived (then by when
    /// they were posted), replies by when they were sent, so an answer to a reply always
    /// follows it. Every lookup goes through an index.
    static func thread(_ db: some SQLRunner, ofCase number: CaseNumber, othersLimit: Int, now: Date) throws -> [ThreadEntry] {
        let own = try Self.messages(db, ofCase: number, now: now)
        guard let first = own.first else { throw StoreError.noSuchMention(String(number.rawValue)) }
        let roots = Set(own.map { $0.mention.conversationID ?? $0.mention.inReplyToID ?? $0.mention.id })
        var others: [StoredMention] = []
        let ownNumbers = Set(own.map(\.number))
        for root in roots.sorted() {
            others += try db.rows("""
                SELECT \(StoredMention.columns) FROM mention m \(StoredMention.joins)
                WHERE m.platform = :platform AND m.platform_id = :root
                UNION ALL
                SELECT * FROM (SELECT \(StoredMention.columns) FROM mention m \(StoredMention.joins)
                    WHERE m.platform = :platform AND m.conversation_id = :root
                        AND m.conversation_id IS NOT NULL AND m.conversation_id != m.platform_id
                    ORDER BY m.id DESC LIMIT :limit) AS latest
                """, ["platform": first.mention.platform.rawValue, "root": root, "limit": othersLimit,
                      "now": now.timeIntervalSince1970]).map(StoredMention.init(row:))
                .filter { !ownNumbers.contains($0.number) }
        }
        var seen: Set<Int64> = []
        others = others.filter { seen.insert($0.number).inserted }
        let replies = try db.rows("\(OutboxEntry.select) WHERE o.mention_id = :case AND o.action = 'reply' ORDER BY o.id",
                                  ["case": number.rawValue]).map(OutboxEntry.init(row:))
        let messages = own.map { ThreadEntry.message($0, inCase: true) }
            + others.map { ThreadEntry.message($0, inCase: false) }
        // A reply comes after the message it answers, also one sent before that message
        // reached this inbox (a reply found in an archive).
        let arrivals = Dictionary(own.map { ($0.mention.id, $0.arrivedAt) }, uniquingKeysWith: { first, _ in first })
        let entries = messages.map { ($0, $0.sortTime) } + replies.map { reply in
            (ThreadEntry.reply(reply), max(reply.createdAt, arrivals[reply.platformMentionID] ?? reply.createdAt))
        }
        return entries.sorted { a, b in
            let (x, y) = (a.0.key, b.0.key)
            return (a.1, x.0, x.1, x.2) < (b.1, y.0, y.1, y.2)
        }.map(\.0)
    }
}

extension ThreadEntry {
    /// When it happened here: a message's arrival, a reply's sending.
    fileprivate var sortTime: Date {
        switch self {
        case .message(let stored, _): stored.arrivedAt
        case .reply(let entry): entry.createdAt
        }
    }

    /// After the time: when it was posted; a message before a reply of the same moment;
    /// then by number.
    fileprivate var key: (Double, Int, Int64) {
        switch self {
        case .message(let stored, _): (stored.mention.postedAt.timeIntervalSince1970, 0, stored.number)
        case .reply(let entry): (entry.createdAt.timeIntervalSince1970, 1, entry.id)
        }
    }
}
