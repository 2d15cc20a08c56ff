import Foundation
import GRDB
import InboxModel

/// One way a mention can find the case it continues (`CaseRule`'s candidates), as a query
/// both engines run: the case of our reply it answers, the cases of the posts in its
/// conversation, the author's latest direct-message case. Each row: the case's number and
/// author (and for direct messages, whether and when it closed), by position and by name.
struct CandidateLookup {
    enum Value {
        case text(String)
        case number(Int64)
    }

    /// The query, its index hint left to the engine (`INDEXED BY` in SQLite, nothing in
    /// PostgreSQL).
    let sql: (_ indexedBy: (String) -> String) -> String
    /// Named parameters in the order the query first uses them, each used once.
    let arguments: [(String, Value)]
    let platform: Platform
    let relation: (_ closed: Bool, _ closedAt: Double?) -> CaseCandidate.Relation
    /// Columns 2 and 3 say whether the case closed and when.
    var readsClosed = false

    func candidate(number: Int64, author: String, closed: Bool, closedAt: Double?) -> CaseCandidate {
        CaseCandidate(number: CaseNumber(number), platform: platform, author: author, relation: relation(closed, closedAt))
    }

    /// The candidate a row of the query names (columns by name, any engine).
    func candidate(_ row: Row) -> CaseCandidate {
        candidate(number: row["number"], author: row["author"], closed: readsClosed ? row["closed"] : false,
                  closedAt: readsClosed ? row["closed_at"] : nil)
    }

    /// `arguments` by name, as `SQLRunner` and `PostgresSession` take them.
    var namedArguments: [String: (any DatabaseValueConvertible)?] {
        Dictionary(uniqueKeysWithValues: arguments.map { name, value in
            switch value {
            case .text(let text): (name, text)
            case .number(let number): (name, number)
            }
        })
    }

    /// Every lookup `mention` needs, among the mentions stored before number `before`.
    static func all(for mention: Mention, before: Int64) -> [CandidateLookup] {
        let platform = mention.platform
        var lookups: [CandidateLookup] = []
        if let reply = mention.inReplyToID {
            lookups.append(CandidateLookup(sql: { _ in """
                SELECT h.id AS number, h.author_handle AS author FROM outbox o JOIN mention h ON h.id = o.mention_id
                WHERE o.posted_id = :posted AND h.platform = :platform AND h.id < :before
                """ }, arguments: [("posted", .text(reply)), ("platform", .text(platform.rawValue)), ("before", .number(before))],
                platform: platform, relation: { _, _ in .answersOurReply }))
        }
        for post in Set([mention.conversationID, mention.inReplyToID].compactMap { $0 }).sorted() {
            lookups.append(CandidateLookup(sql: { _ in """
                SELECT coalesce(m.case_id, m.id) AS number, m.author_handle AS author FROM mention m
                WHERE m.platform = :platform AND m.platform_id = :post AND m.id < :before
                """ }, arguments: [("platform", .text(platform.rawValue)), ("post", .text(post)), ("before", .number(before))],
                platform: platform, relation: { _, _ in .sameConversation }))
        }
        if let conversation = mention.conversationID {
            lookups.append(CandidateLookup(sql: { _ in """
                SELECT coalesce(m.case_id, m.id) AS number, m.author_handle AS author FROM mention m
                WHERE m.platform = :platform AND m.conversation_id = :conversation
                    AND m.conversation_id IS NOT NULL AND m.conversation_id != m.platform_id AND m.id < :before
                """ }, arguments: [("platform", .text(platform.rawValue)), ("conversation", .text(conversation)),
                                   ("before", .number(before))],
                platform: platform, relation: { _, _ in .sameConversation }))
        }
        if mention.channel == .directMessage {
            lookups.append(CandidateLookup(sql: { indexedBy in """
                SELECT m.id AS number, m.author_handle AS author, m.phase = 'closed' AS closed, m.closed_at FROM mention m \(indexedBy("mention_dm_case"))
                WHERE m.platform = :platform AND m.author_handle = :author AND m.channel = 'dm' AND m.case_id IS NULL
                    AND m.id < :before
                ORDER BY m.id DESC LIMIT 1
                """ }, arguments: [("platform", .text(platform.rawValue)), ("author", .text(mention.author.handle)),
                                   ("before", .number(before))],
                platform: platform, relation: { closed, closedAt in
                    .directMessages(closedAt: closed ? Date(timeIntervalSince1970: closedAt ?? 0) : nil)
                }, readsClosed: true))
        }
        return lookups
    }
}
