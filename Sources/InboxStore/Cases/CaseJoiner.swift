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

    /// The case `mention` joins, by `CaseRule`, among the mentions stored before number
    /// `number` (all of them for one not stored yet); nil when it opens its own.
    func caseToJoin(_ db: Database, for mention: Mention, before number: Int64 = .max) throws -> CaseNumber? {
        guard Self.mayJoin(mention) else { return nil }
        guard case .joins(let head, _) = rule.place(mention, among: try candidates(db, for: mention, number: number))
        else { return nil }
        return head
    }

    /// Folds the customer writing `mention` into case `head`'s flow, as the customer, on
    /// any engine.
    func customerWrote(_ db: some SQLRunner, head: CaseNumber, mention: Mention, seenSeq: Int, wroteAt: Date) throws {
        let customer = FlowWriter(agent: "@" + mention.author.handle, rules: writer.rules)
        do {
            _ = try customer.append(db, .authorWrote(mention.text), to: head.rawValue, seenSeq: seenSeq, at: wroteAt)
        } catch StoreError.refused {
            // No flow refuses a customer writing; one that would still keeps the message in its case.
        }
    }

    /// Places mention `number`, stored as a case of its own, in its case; the case it
    /// joined, if any. (An import decides before storing, and stores the mention joined.)
    @discardableResult
    func place(_ db: Database, number: Int64, mention: Mention, wroteAt: Date) throws -> CaseNumber? {
        guard let head = try caseToJoin(db, for: mention, before: number) else { return nil }
        try db.cachedStatement(sql: """
            UPDATE mention SET case_id = ?, phase = '\(Schema.joinedPhase)', step = '\(Schema.joinedPhase)' WHERE id = ?
            """).execute(arguments: [head.rawValue, number])
        try recordJoin(db, head: head, number: number, mention: mention, wroteAt: wroteAt)
        return head
    }

    /// Tells case `head` that mention `number`, stored as its member, is the customer
    /// writing: counts it, makes it the case's latest message, and appends `authorWrote`.
    /// `wroteAt` is when its wait for an answer starts: the time of the event.
    func recordJoin(_ db: Database, head: CaseNumber, number: Int64, mention: Mention, wroteAt: Date) throws {
        // Nobody has classified the case: the customer writing again changes nothing the
        // queue shows (still new, the wait runs from their first message), so the event is
        // logged without folding the log, and this one statement takes its sequence number
        // too: most joins in a busy import.
        var counting = try RawStatement(db, sql: """
            UPDATE mention SET case_messages = case_messages + 1, case_latest = ?,
                last_seq = last_seq + (phase = 'triage' AND clock_at IS NOT NULL)
            WHERE id = ? RETURNING last_seq, phase = 'triage' AND clock_at IS NOT NULL
            """)
        defer { counting.reset() }
        counting.bind(number)
        counting.bind(head.rawValue)
        guard try counting.step() else { return }
        let seq = Int(counting.int64(0)), unfolded = counting.int64(1) != 0
        // RETURNING rows come from a finished update: done with the statement.
        counting.reset()
        if unfolded {
            let customer = FlowWriter(agent: "@" + mention.author.handle, rules: writer.rules)
            try customer.logUnfolded(db, .authorWrote(mention.text), to: head.rawValue, seq: seq, at: wroteAt)
            return
        }
        try customerWrote(SQLiteRunner(db: db), head: head, mention: mention, seenSeq: seq, wroteAt: wroteAt)
    }

    /// The cases mention `number` could join, among the mentions stored before it. Each
    /// lookup is one seek in an index, through statements prepared once per import.
    func candidates(_ db: Database, for mention: Mention, number: Int64) throws -> [CaseCandidate] {
        var found: [CaseCandidate] = []
        for lookup in CandidateLookup.all(for: mention, before: number) {
            var statement = try RawStatement(db, sql: lookup.sql({ "INDEXED BY \($0)" }))
            defer { statement.reset() }
            // Named parameters appear once each, in order: SQLite numbers them so.
            for (_, value) in lookup.arguments {
                switch value {
                case .text(let text): statement.bind(text)
                case .number(let number): statement.bind(number)
                }
            }
            while try statement.step() {
                found.append(lookup.candidate(number: statement.int64(0), author: statement.text(1),
                                              closed: lookup.readsClosed ? statement.int64(2) != 0 : false,
                                              closedAt: lookup.readsClosed ? statement.double(3) : nil))
            }
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

    /// Writes the status, clock and report facts of every case with a flow, from its log
    /// (v5, v6 and v12 added them; PostgreSQL's v4 the facts), on any engine.
    func recomputeStatuses(_ db: some SQLRunner) throws {
        let numbers = try db.rows("SELECT id FROM mention WHERE last_seq > 0 ORDER BY id", [:])
            .map { $0["id"] as Int64 }
        for number in numbers {
            let log = try Inbox.log(db, of: number)
            let opening = try StoredMention.fetch(db, number: number)
            let flow = try writer.replayedFlow(db, opening: opening, log: log[...])
            try writer.record(db, flow, facts: writer.facts(of: opening, log: log), of: number, seq: log.count,
                              at: log.last?.at ?? Date())
        }
    }
}
