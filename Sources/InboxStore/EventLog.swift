import Foundation
import GRDB
import InboxModel

/// One entry of a mention's append-only flow log.
public struct LoggedEvent: Equatable, Sendable {
    /// 1 for the first event of the mention, then 2, 3, … without gaps.
    public var seq: Int
    public var at: Date
    public var agent: String
    public var event: FlowEvent
}

/// What an accepted event did: its place in the log, the flow after it, and the outbox
/// entries it queued.
public struct Appended: Sendable {
    public var seq: Int
    public var flow: MentionFlow
    public var actions: [FlowAction]
    public var outbox: [Int64]
}

extension Inbox {
    /// Appends `event` to the log of mention `number` as the agent's next step after
    /// the state they saw (`seenSeq`, the mention's `lastSeq` when they opened it).
    ///
    /// In one transaction: the event takes sequence number `seenSeq + 1`, which the
    /// primary key lets only one agent have, so when someone else got there first this
    /// throws `.conflict` with what they did; the flow folded from the log must accept
    /// the event (else `.refused` and nothing is written); the queue columns follow the
    /// new state; a reply or a retweet/like goes into the outbox; a sent reply's draft
    /// is cleared.
    ///
    /// A reply onto a mention another agent holds (an unexpired claim) is refused with
    /// `.heldBy`; with `takingOver`, the claim becomes this agent's and a `takeOver`
    /// event records whose it was, in the same transaction as the reply.
    @discardableResult
    public func append(_ event: FlowEvent, to number: Int64, seenSeq: Int, at now: Date = Date(),
                       takingOver: Bool = false) throws -> Appended {
        try write { db in
            try StoreOperations.append(SQLiteRunner(db: db), writer: flowWriter, event, to: number, seenSeq: seenSeq,
                                       at: now, takingOver: takingOver)
        }
    }

    /// Appends events as this agent under this team's rules.
    var flowWriter: FlowWriter { FlowWriter(agent: agent, rules: rules) }

    /// The mention's log, oldest first.
    public func history(of number: Int64) throws -> [LoggedEvent] {
        try read { db in try Self.log(db, of: number) }
    }

    /// The mention's flow as its log leaves it.
    public func flow(of number: Int64) throws -> MentionFlow {
        try read { db in try flowWriter.replayedFlow(db, number: number, log: Self.log(db, of: number)[...]) }
    }

    static func log(_ db: Database, of number: Int64) throws -> [LoggedEvent] {
        try log(SQLiteRunner(db: db), of: number)
    }

    static func log(_ db: some SQLRunner, of number: Int64) throws -> [LoggedEvent] {
        let decoder = JSONDecoder()
        return try db.rows("SELECT seq, at, agent, event FROM flow_event WHERE mention_id = :id ORDER BY seq",
                           ["id": number]).map { row in
            let json: String = row["event"]
            guard let event = try? decoder.decode(FlowEvent.self, from: Data(json.utf8)) else {
                throw StoreError.corrupt(column: "flow_event.event", value: json)
            }
            return LoggedEvent(seq: row["seq"], at: Date(timeIntervalSince1970: row["at"]), agent: row["agent"],
                               event: event)
        }
    }

}

/// Appends to flow logs inside a caller's transaction, as one agent under one team's
/// rules: the inbox for its agent's steps, the importer for a customer writing again.
/// Written once for both engines, over `SQLRunner`.
struct FlowWriter {
    let agent: String
    let rules: HouseRules

    /// One event appended inside the caller's transaction; see `Inbox.append(_:to:seenSeq:at:takingOver:)`.
    func append(_ db: Database, _ event: FlowEvent, to number: Int64, seenSeq: Int, at now: Date) throws -> Appended {
        try append(SQLiteRunner(db: db), event, to: number, seenSeq: seenSeq, at: now)
    }

    func append(_ db: some SQLRunner, _ event: FlowEvent, to number: Int64, seenSeq: Int, at now: Date) throws -> Appended {
        if let head = try db.row("SELECT case_id FROM mention WHERE id = :id", ["id": number])?["case_id"] as Int64? {
            throw StoreError.partOfCase(mention: number, case: CaseNumber(head))
        }
        let json = try Self.json(event)
        do {
            try db.recoverable {
                try db.execute("""
                    INSERT INTO flow_event (mention_id, seq, at, agent, event)
                    VALUES (:id, :seq, :at, :agent, \(db.json(":event")))
                    """, ["id": number, "seq": seenSeq + 1, "at": now.timeIntervalSince1970, "agent": agent,
                          "event": json])
            }
        } catch where db.isUniqueViolation(error) {
            guard try db.row("SELECT 1 FROM mention WHERE id = :id", ["id": number]) != nil else {
                throw StoreError.noSuchMention(String(number))
            }
            let newer = try Inbox.log(db, of: number).filter { $0.seq > seenSeq }
            throw StoreError.conflict(Conflict(mentionID: number, seenSeq: seenSeq, newer: newer))
        }
        let log = try Inbox.log(db, of: number)
        guard log.count == seenSeq + 1 else {
            // A gap: the agent claims to have seen more than the log holds.
            throw StoreError.conflict(Conflict(mentionID: number, seenSeq: seenSeq, newer: []))
        }
        let opening = try StoredMention.fetch(db, number: number)
        var flow = try replayedFlow(db, opening: opening, log: log.dropLast(),
                                    countingEarlierPositive: event == .classify(.positive))
        let confirmedBefore = flow.kind
        let actions: [FlowAction]
        switch flow.handle(event, at: now) {
        case .refused(let refusal): throw StoreError.refused(refusal)
        case .accepted(let accepted): actions = accepted
        }
        try record(db, flow, facts: facts(of: opening, log: log), of: number, seq: seenSeq + 1, at: now)
        try TriageLearning.learn(from: event, before: confirmedBefore, opening: opening.mention, db)
        let outbox = try queueOutbox(db, actions: actions, number: number, seq: seenSeq + 1, at: now)
        if !outbox.isEmpty {
            try db.execute("DELETE FROM draft WHERE mention_id = :id AND agent = :agent", ["id": number, "agent": agent])
        }
        return Appended(seq: seenSeq + 1, flow: flow, actions: actions, outbox: outbox)
    }

    /// `event` as the log stores it.
    static func json(_ event: FlowEvent) throws -> String {
        String(decoding: try JSONEncoder().encode(event), as: UTF8.self)
    }

    /// Logs `event` as event `seq` of case `number` without folding the log, for an event
    /// the caller knows leaves every queue column as it is and whose `last_seq` it already
    /// moved to `seq` (`CaseJoiner`'s customer writing on an unclassified case); the
    /// primary key still refuses a sequence number taken twice.
    func logUnfolded(_ db: Database, _ event: FlowEvent, to number: Int64, seq: Int, at now: Date) throws {
        let json = try Self.json(event)
        var insert = try RawStatement(db, sql: "INSERT INTO flow_event (mention_id, seq, at, agent, event) VALUES (?, ?, ?, ?, ?)")
        defer { insert.reset() }
        insert.bind(number)
        insert.bind(Int64(seq))
        insert.bind(now.timeIntervalSince1970)
        insert.bind(agent)
        insert.bind(json)
        _ = try insert.step()
    }

    /// What a report reads of case `opening`'s `log` (`FoldedFacts`), folded as a report folds it.
    func facts(of opening: StoredMention, log: [LoggedEvent]) -> FoldedFacts {
        FoldedFacts(log: log.map { ReportStep(at: $0.at, agent: $0.agent, event: $0.event) },
                    context: FlowContext(mention: opening.mention, rules: rules, openedAt: opening.clockFrom))
    }

    /// Writes the queue columns of case `number` as `flow` leaves them after event `seq`,
    /// and the report's facts of its log (`ReportColumns`).
    func record(_ db: some SQLRunner, _ flow: MentionFlow, facts: FoldedFacts, of number: Int64, seq: Int,
                at now: Date) throws {
        let status = CaseStatus(flow)
        let queue: [String: (any DatabaseValueConvertible)?] = [
            "kind": flow.kind?.rawValue, "confirmed": flow.kind != nil, "phase": flow.casePhase.rawValue,
            "step": flow.step.code, "outcome": flow.outcome?.summary, "seq": seq,
            "status": status.code, "department": status.department, "closed": flow.isClosed,
            "now": now.timeIntervalSince1970, "id": number,
            "clock": flow.clock.isRunning ? flow.clock.waitingSince?.timeIntervalSince1970 : nil]
        try db.execute("""
            UPDATE mention SET kind = coalesce(:kind, CASE WHEN needs_reply THEN suggested_kind END), kind_confirmed = :confirmed, phase = :phase,
                step = :step, outcome = :outcome, last_seq = :seq, status = :status, department = :department,
                closed_at = CASE WHEN :closed THEN coalesce(closed_at, :now) END, clock_at = :clock,
                \(ReportColumns.assignments)
            WHERE id = :id
            """, queue.merging(try ReportColumns.arguments(facts)) { queue, _ in queue })
    }

    func replayedFlow(_ db: Database, number: Int64, log: ArraySlice<LoggedEvent>,
                      countingEarlierPositive: Bool = false) throws -> MentionFlow {
        try replayedFlow(SQLiteRunner(db: db), number: number, log: log, countingEarlierPositive: countingEarlierPositive)
    }

    /// Folds `log` into the mention's flow. With `countingEarlierPositive`, the context
    /// counts the author's earlier mentions confirmed positive, which only classifying a
    /// mention positive needs (the ambassador suggestion). Left out otherwise: the count
    /// asks the author index, and an FTS5 query inside an import's transaction writes out
    /// what the index gathered so far, a segment per joined mention.
    func replayedFlow(_ db: some SQLRunner, number: Int64, log: ArraySlice<LoggedEvent>,
                      countingEarlierPositive: Bool = false) throws -> MentionFlow {
        try replayedFlow(db, opening: StoredMention.fetch(db, number: number), log: log,
                         countingEarlierPositive: countingEarlierPositive)
    }

    /// The same, for a case whose opening mention the caller already read.
    func replayedFlow(_ db: some SQLRunner, opening mention: StoredMention, log: ArraySlice<LoggedEvent>,
                      countingEarlierPositive: Bool = false) throws -> MentionFlow {
        let number = mention.number
        let earlierPositive = countingEarlierPositive ? try db.row("""
            SELECT count(*) AS n FROM mention m WHERE \(db.byAuthor)
                AND m.id != :id AND m.posted_at < :postedAt AND m.kind = 'positive' AND m.kind_confirmed
            """, ["platform": mention.mention.platform.rawValue, "handle": mention.mention.author.handle,
                  "id": number, "postedAt": mention.mention.postedAt.timeIntervalSince1970])?["n"] as Int? ?? 0 : 0
        let context = FlowContext(mention: mention.mention, earlierPositiveMentions: earlierPositive, rules: rules,
                                  openedAt: mention.clockFrom)
        return MentionFlow.replaying(log.map { ($0.event, $0.at) }, context: context).flow
    }
}

extension MentionFlow {
    /// triage, running or closed: the queue's coarse state.
    var casePhase: CasePhase {
        switch phase {
        case .triage: .triage
        case .running: .running
        case .closed: .closed
        }
    }

    var outcome: Outcome? {
        if case .closed(let outcome, _) = phase { outcome } else { nil }
    }
}

extension StoredMention {
    static func fetch(_ db: Database, number: Int64, now: Date = Date()) throws -> StoredMention {
        try fetch(SQLiteRunner(db: db), number: number, now: now)
    }

    static func fetch(_ db: some SQLRunner, number: Int64, now: Date = Date()) throws -> StoredMention {
        guard let row = try db.row("SELECT \(columns) FROM mention m \(joins) WHERE m.id = :id",
                                   ["id": number, "now": now.timeIntervalSince1970]) else {
            throw StoreError.noSuchMention(String(number))
        }
        return try StoredMention(row: row)
    }
}
