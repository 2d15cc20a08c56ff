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
        try db.cachedStatement(sql: """
            UPDATE mention SET case_id = ?, phase = '\(Schema.joinedPhase)', step = '\(Schema.joinedPhase)' WHERE id = ?
            """).execute(arguments: [head.rawValue, number])
        // Nobody has classified the case: the customer writing again changes nothing the
        // queue shows (still new, the wait runs from their first message), so the event is
        // logged without folding the log, and this one statement takes its sequence number
        // too: most joins in a busy import.
        guard let state = try Row.fetchOne(db.cachedStatement(sql: """
            UPDATE mention SET case_messages = case_messages + 1, case_latest = ?,
                last_seq = last_seq + (phase = 'triage' AND clock_at IS NOT NULL)
            WHERE id = ? RETURNING last_seq, phase = 'triage' AND clock_at IS NOT NULL
            """), arguments: [number, head.rawValue]) else { return head }
        let seq: Int = state[0], unfolded: Bool = state[1]
        let customer = FlowWriter(agent: "@" + mention.author.handle, rules: writer.rules)
        if unfolded {
            try customer.logUnfolded(db, .authorWrote(mention.text), to: head.rawValue, seq: seq, at: wroteAt)
            return head
        }
        let seen = seq
        do {
            try customer.append(db, .authorWrote(mention.text), to: head.rawValue, seenSeq: seen, at: wroteAt)
        } catch StoreError.refused {
            // No flow refuses a customer writing; one that would still keeps the message in its case.
        }
        return head
    }

    /// The cases mention `number` could join, among the mentions stored before it. Each
    /// lookup is one seek in an index, through statements prepared once per import.
    func candidates(_ db: Database, for mention: Mention, number: Int64) throws -> [CaseCandidate] {
        let platform = mention.platform
        var found: [CaseCandidate] = []
        func add(_ sql: String, _ arguments: StatementArguments, _ relation: (Row) -> CaseCandidate.Relation) throws {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            while let row = try rows.next() {
                found.append(CaseCandidate(number: CaseNumber(row[0]), platform: platform, author: row[1],
                                           relation: relation(row)))
            }
        }
        if let reply = mention.inReplyToID {
            try add("""
                SELECT h.id, h.author_handle FROM outbox o JOIN mention h ON h.id = o.mention_id
                WHERE o.posted_id = ? AND h.platform = ? AND h.id < ?
                """, [reply, platform.rawValue, number], { _ in .answersOurReply })
        }
        for post in Set([mention.conversationID, mention.inReplyToID].compactMap { $0 }) {
            try add("""
                SELECT coalesce(m.case_id, m.id), m.author_handle FROM mention m
                WHERE m.platform = ? AND m.platform_id = ? AND m.id < ?
                """, [platform.rawValue, post, number], { _ in .sameConversation })
        }
        if let conversation = mention.conversationID {
            try add("""
                SELECT coalesce(m.case_id, m.id), m.author_handle FROM mention m
                WHERE m.platform = ? AND m.conversation_id = ?
                    AND m.conversation_id IS NOT NULL AND m.conversation_id != m.platform_id AND m.id < ?
                """, [platform.rawValue, conversation, number], { _ in .sameConversation })
        }
        if mention.channel == .directMessage {
            try add("""
                SELECT m.id, m.author_handle, m.phase, m.closed_at FROM mention m INDEXED BY mention_dm_case
                WHERE m.platform = ? AND m.author_handle = ? AND m.channel = 'dm' AND m.case_id IS NULL AND m.id < ?
                ORDER BY m.id DESC LIMIT 1
                """, [platform.rawValue, mention.author.handle, number], { row in
                let phase: String = row[2], closedAt: Double? = row[3]
                return .directMessages(closedAt: phase == "closed" ? Date(timeIntervalSince1970: closedAt ?? 0) : nil)
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
