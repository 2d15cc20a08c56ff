import Foundation
import GRDB
import InboxModel

/// Puts stored mentions into cases by `CaseRule`: finds the cases a mention could belong
/// to, lets the rule choose, and when it joins one, tells the case's flow that the
/// customer wrote (`authorWrote`), inside the caller's transaction, so a mention never
/// lands without its case hearing of it. The event is logged as the customer's
/// ("@handle"): the history and the status line say who wrote, not who ran the import.
struct CaseJoiner: Sendable {
    let rule: CaseRule
    /// Writes as the agent running the import or migration (statuses recomputed by v5).
    let writer: FlowWriter

    init(rule: CaseRule = CaseRule(), agent: String, rules: HouseRules) {
        self.rule = rule
        writer = FlowWriter(agent: agent, rules: rules)
    }

    /// Whether `mention` can join an earlier case at all; the others open their own case
    /// without a lookup (a root post, a public mention that answers nothing).
    static func mayJoin(_ mention: Mention) -> Bool {
        mention.inReplyToID != nil || mention.channel == .directMessage
            || (mention.conversationID.map { $0 != mention.id } ?? false)
    }

    /// Places mention `number`, stored just now, in its case; the case it joined, if any.
    /// `wroteAt` is when its wait for an answer starts: the time of the `authorWrote`.
    @discardableResult
    func place(_ db: Database, number: Int64, mention: Mention, wroteAt: Date) throws -> CaseNumber? {
        guard Self.mayJoin(mention) else { return nil }
        guard case .joins(let head, _) = rule.place(mention, among: try candidates(db, for: mention, number: number))
        else { return nil }
        try db.execute(sql: """
            UPDATE mention SET case_id = :head, phase = '\(Schema.joinedPhase)', step = '\(Schema.joinedPhase)'
            WHERE id = :number;
            UPDATE mention SET case_messages = case_messages + 1, case_latest = :number WHERE id = :head;
            """, arguments: ["head": head.rawValue, "number": number])
        let seen = try Int.fetchOne(db, sql: "SELECT last_seq FROM mention WHERE id = ?", arguments: [head.rawValue]) ?? 0
        do {
            let customer = FlowWriter(agent: "@" + mention.author.handle, rules: writer.rules)
            try customer.append(db, .authorWrote(mention.text), to: head.rawValue, seenSeq: seen, at: wroteAt)
        } catch StoreError.refused {
            // No flow refuses a customer writing; one that would still keeps the message in its case.
        }
        return head
    }

    /// The cases mention `number` could join, among the mentions stored before it.
    func candidates(_ db: Database, for mention: Mention, number: Int64) throws -> [CaseCandidate] {
        let platform = mention.platform
        var found: [CaseCandidate] = []
        func add(_ rows: [Row], _ relation: (Row) -> CaseCandidate.Relation) {
            found += rows.map { row in
                CaseCandidate(number: CaseNumber(row["case_number"]), platform: platform, author: row["author_handle"],
                              relation: relation(row))
            }
        }
        if let reply = mention.inReplyToID {
            add(try Row.fetchAll(db, sql: """
                SELECT h.id AS case_number, h.author_handle FROM outbox o JOIN mention h ON h.id = o.mention_id
                WHERE o.posted_id = ? AND h.platform = ? AND h.id < ?
                """, arguments: [reply, platform.rawValue, number]), { _ in .answersOurReply })
        }
        let posts = [mention.conversationID, mention.inReplyToID].compactMap { $0 }
        for post in Set(posts) {
            add(try Row.fetchAll(db, sql: """
                SELECT coalesce(m.case_id, m.id) AS case_number, m.author_handle FROM mention m
                WHERE m.platform = :platform AND m.platform_id = :post AND m.id < :number
                """, arguments: ["platform": platform.rawValue, "post": post, "number": number]), { _ in .sameConversation })
        }
        if let conversation = mention.conversationID {
            add(try Row.fetchAll(db, sql: """
                SELECT coalesce(m.case_id, m.id) AS case_number, m.author_handle FROM mention m
                WHERE m.platform = :platform AND m.conversation_id = :conversation
                    AND m.conversation_id IS NOT NULL AND m.conversation_id != m.platform_id AND m.id < :number
                """, arguments: ["platform": platform.rawValue, "conversation": conversation, "number": number]),
                { _ in .sameConversation })
        }
        if mention.channel == .directMessage {
            add(try Row.fetchAll(db, sql: """
                SELECT m.id AS case_number, m.author_handle, m.phase, m.closed_at FROM mention m
                WHERE \(AuthorIndex.isBy(platform: ":platform", handle: ":handle"))
                    AND m.channel = :dm AND m.case_id IS NULL AND m.id < :number
                ORDER BY m.id DESC LIMIT 1
                """, arguments: ["platform": platform.rawValue, "handle": mention.author.handle,
                                 "dm": MentionChannel.directMessage.rawValue, "number": number]), { row in
                let phase: String = row["phase"], closedAt: Double? = row["closed_at"]
                return .directMessages(closedAt: phase == "closed"
                    ? Date(timeIntervalSince1970: closedAt ?? 0) : nil)
            })
        }
        return found
    }

    /// Puts the mentions of a database made before cases into cases, oldest first, by
    /// the same rule. A mention an agent already worked on (it has events of its own)
    /// stays a case of its own: joining it would hide that work.
    func assignExisting(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(StoredMention.columns) FROM mention m \(StoredMention.joins)
            WHERE m.last_seq = 0 AND m.case_id IS NULL AND (m.in_reply_to_id IS NOT NULL OR m.channel = :dm
                OR (m.conversation_id IS NOT NULL AND m.conversation_id != m.platform_id))
            ORDER BY m.id
            """, arguments: ["dm": MentionChannel.directMessage.rawValue, "now": 0])
        for row in rows {
            let stored = try StoredMention(row: row)
            try place(db, number: stored.number, mention: stored.mention, wroteAt: stored.clockFrom)
        }
    }

    /// Writes the status and clock of every mention with a flow, from its log (v5 and v6
    /// added them).
    func recomputeStatuses(_ db: Database) throws {
        let numbers = try Int64.fetchAll(db, sql: "SELECT id FROM mention WHERE last_seq > 0")
        for number in numbers {
            let log = try Inbox.log(db, of: number)
            let flow = try writer.replayedFlow(db, number: number, log: log[...])
            try writer.record(db, flow, of: number, seq: log.count, at: log.last?.at ?? Date())
        }
    }
}
