import Foundation
import InboxModel
import PostgresNIO

extension CaseJoiner {
    /// `recordJoin` for an import on PostgreSQL, sent without waiting for the server. On a
    /// case nobody classified yet (most of an import's) the customer writing again changes
    /// nothing the queue shows, so one statement counts the message and logs the event
    /// without folding the log, as SQLite's import does; on any other case it only counts
    /// the message, and `finishJoin` folds the event once the answer says so.
    func sendJoin(_ session: PostgresSession, head: CaseNumber, number: Int64, mention: Mention, wroteAt: Date) throws
        -> EventLoopFuture<[PostgresRow]> {
        try session.sendPrepared("""
            WITH counted AS (
                UPDATE mention SET case_messages = case_messages + 1, case_latest = :number,
                    last_seq = last_seq + CASE WHEN phase = 'triage' AND clock_at IS NOT NULL THEN 1 ELSE 0 END
                WHERE id = :head RETURNING last_seq, phase = 'triage' AND clock_at IS NOT NULL AS unfolded),
            logged AS (
                INSERT INTO flow_event (mention_id, seq, at, agent, event)
                SELECT :head, last_seq, :at, :agent, :event::text::jsonb FROM counted WHERE unfolded RETURNING seq)
            SELECT unfolded, last_seq FROM counted
            """, ["number": number, "head": head.rawValue, "at": wroteAt.timeIntervalSince1970,
                  "agent": "@" + mention.author.handle, "event": try FlowWriter.json(.authorWrote(mention.text))])
    }

    /// Ends a join sent with `sendJoin`, given its answer: a case that was not logged to
    /// unfolded hears through its flow.
    func finishJoin(_ session: PostgresSession, answer: [PostgresRow], head: CaseNumber, mention: Mention,
                    wroteAt: Date) throws {
        guard let row = try answer.first.map({ try PostgresSession.row($0, binary: true) }), !(row["unfolded"] as Bool)
        else { return }
        // What the log holds now: a join sent later to the same case is finished after this one.
        let seq: Int = try session.row("SELECT last_seq FROM mention WHERE id = :head", ["head": head.rawValue])?["last_seq"]
            ?? row["last_seq"]
        try customerWrote(session, head: head, mention: mention, seenSeq: seq, wroteAt: wroteAt)
    }
}
