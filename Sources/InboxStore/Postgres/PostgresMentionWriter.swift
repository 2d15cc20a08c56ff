import Foundation
import GRDB
import InboxModel
import PostgresNIO

/// Adds mentions to a PostgreSQL inbox inside the caller's transaction: up to
/// `rowsPerStatement` per INSERT of column arrays (a round trip per row would cost more
/// than the server's work), `ON CONFLICT (platform, platform_id) DO NOTHING` so importing
/// twice adds nothing. As in SQLite, a mention that continues a case is decided before it
/// is written and goes in as a member, and its case hears the customer wrote.
///
/// The server's work on a row is most of an import's time, so it should never wait for
/// the client: a run's lookups (batched, `BatchedLookups`) and the question which of its
/// rows are stored already go out first, then the INSERT of the run before it (held until
/// now), so the lookups are answered at once while the server writes. Meanwhile the
/// run's columns are put together; once answered, its rows are placed in their cases,
/// among the stored mentions and the rows not written yet (`UnwrittenCandidates`, under
/// numbers taken ahead, `MentionNumbers`), and the run is held. Cases are told of their
/// new members without waiting (`CaseJoiner.sendJoin`). Nothing waits for the server
/// but the lookups and `settle`, at each commit.
final class PostgresMentionWriter {
    /// Most rows in one INSERT: long enough that a statement's round trip is spread thin.
    static let rowsPerStatement = 1000
    private let session: PostgresSession
    private let cases: CaseJoiner
    private let numbers: MentionNumbers
    private(set) var added = 0, joined = 0
    /// What was sent and not yet answered, in order: INSERTs (how many rows each adds),
    /// and cases told of a new member (`CaseJoiner.sendJoin`).
    private enum Sent {
        case insert(EventLoopFuture<Int>)
        case join(EventLoopFuture<[PostgresRow]>, head: CaseNumber, mention: Mention, wroteAt: Date)
    }

    private var sent: [Sent] = []
    /// Customers (platform:handle) of the joins sent and not yet answered: a direct message
    /// of theirs is looked up once those are.
    private var writers: Set<String> = []
    /// How many rows were written when the statements were last planned; they are planned
    /// again each time the rows written double (`PostgresSession.replan`).
    private var written = 0, plannedAt = 0

    init(_ session: PostgresSession, cases: CaseJoiner) {
        self.session = session
        self.cases = cases
        numbers = MentionNumbers(session)
    }

    /// A run placed in its cases and put together, its INSERT not sent yet: it goes once
    /// the next run's lookups are on their way, so those are answered before the server
    /// starts writing it, and the next run is put together while it writes.
    private struct HeldRun {
        var rows: [MentionWriter.Row]
        var numbers: [Int64]
        /// Rows the server will leave out (already stored, or repeats).
        var leftOut: [Int]
        var columns: PostgresArrayColumns
        /// Rows that join a case: the case hears of each once it is written.
        var joiners: [Int]

        /// Their customers (platform:handle).
        var writers: Set<String> { Set(joiners.map { PostgresMentionWriter.writer(of: rows[$0]) }) }
    }

    private var held: HeldRun?

    /// Sends `rows` in order, up to `rowsPerStatement` an INSERT, without waiting for the
    /// server unless a row joined a case.
    func send(_ rows: some Collection<MentionWriter.Row>) throws {
        do {
            var rest = Array(rows)[...]
            while !rest.isEmpty {
                try prepare(Array(rest.prefix(Self.rowsPerStatement)))
                rest = rest.dropFirst(Self.rowsPerStatement)
            }
        } catch {
            // What failed first: a failed INSERT makes everything after it fail with
            // "current transaction is aborted".
            held = nil
            try settle()
            throw error
        }
    }

    /// Sends what is held, and waits for everything sent, in order: counts what the
    /// INSERTs added, and lets a classified case fold its customer's message.
    func settle() throws {
        defer {
            sent.removeAll()
            writers.removeAll()
        }
        try tell(releaseHeld())
        for item in sent {
            switch item {
            case .insert(let answer):
                added += try PostgresSession.wait(answer)
            case .join(let answer, let head, let mention, let wroteAt):
                try cases.finishJoin(session, answer: PostgresSession.wait(answer), head: head, mention: mention,
                                     wroteAt: wroteAt)
            }
        }
    }

    /// Places run `rows` in their cases, among the stored mentions, the held run and its
    /// own earlier rows; sends the held run; puts this one together and holds it.
    private func prepare(_ rows: [MentionWriter.Row]) throws {
        written += rows.count
        if written >= max(2 * plannedAt, Self.rowsPerStatement) {
            session.replan()
            plannedAt = written
        }
        // A case that heard from its customer in the held run may have reopened: a direct
        // message of the same customer here is looked up once the server knows.
        if Self.mayFollow(rows, writers: writers.union(held?.writers ?? [])) { try settle() }
        let previous = held
        let offset = previous?.rows.count ?? 0
        let numbers = try self.numbers.take(rows.count)
        var unwritten = UnwrittenCandidates((previous?.rows ?? []) + rows, numbers: (previous?.numbers ?? []) + numbers)
        unwritten.stored(previous?.leftOut ?? [])
        let joining = rows.indices.filter { CaseJoiner.mayJoin(rows[$0].mention) }.map { $0 + offset }
        var placed = (previous?.rows ?? []) + rows
        let lookups = try BatchedLookups(joining.flatMap { index in
            CandidateLookup.all(for: placed[index].mention, before: .max).map { (index, $0) }
        }, on: session)
        let stored = try self.stored(placed, Set(unwritten.referenced.filter { $0 >= offset } + joining).sorted())
        let heard = try releaseHeld()
        var columns = PostgresArrayColumns()
        for row in rows {
            row.writeMention(into: &columns)
            columns.endRow()
        }
        let caseColumn = columns.columns.count
        columns.endRow(restartingAt: caseColumn)
        unwritten.stored(try PostgresSession.wait(stored).map { try PostgresSession.row($0, binary: true)["i"] as Int })
        let found = try lookups.candidates()
        for index in joining where unwritten.isWritten(index) {
            let (conversation, directMessage) = unwritten.candidates(for: index, placed: placed)
            var candidates = found[index] ?? []
            if directMessage != nil {
                candidates.removeAll { if case .directMessages = $0.relation { true } else { false } }
            }
            candidates += conversation + (directMessage.map { [$0] } ?? [])
            if case .joins(let head, _) = cases.rule.place(placed[index].mention, among: candidates) {
                placed[index].joins = head
            }
        }
        placed.removeFirst(offset)
        for (row, number) in zip(placed, numbers) {
            row.writeCase(into: &columns)
            columns.integer(number)
            columns.endRow(restartingAt: caseColumn)
        }
        try tell(heard)
        let leftOut = placed.indices.filter { !unwritten.isWritten($0 + offset) }
        held = HeldRun(rows: placed, numbers: numbers, leftOut: leftOut, columns: columns,
                       joiners: placed.indices.filter { placed[$0].joins != nil && !leftOut.contains($0) })
    }

    /// Whether a direct message in `rows` comes from one of `writers`.
    private static func mayFollow(_ rows: [MentionWriter.Row], writers: Set<String>) -> Bool {
        !writers.isEmpty && rows.contains { $0.mention.channel == .directMessage && writers.contains(writer(of: $0)) }
    }

    private static func writer(of row: MentionWriter.Row) -> String {
        row.mention.platform.rawValue + ":" + row.mention.author.handle
    }

    /// Sends the held run's INSERT; the joiners its cases are to hear of.
    private func releaseHeld() throws -> (rows: [MentionWriter.Row], numbers: [Int64], joiners: [Int])? {
        guard let run = held else { return nil }
        held = nil
        sent.append(.insert(try session.sendPrepared(Self.insertSQL(run.columns), values: run.columns.arrays)
            .flatMapThrowing { rows in try rows.first.map { try PostgresSession.row($0, binary: true)["added"] } ?? 0 }))
        return (run.rows, run.numbers, run.joiners)
    }

    /// Tells each case of a released run its new member, without waiting.
    private func tell(_ released: (rows: [MentionWriter.Row], numbers: [Int64], joiners: [Int])?) throws {
        guard let released else { return }
        for index in released.joiners {
            let row = released.rows[index]
            sent.append(.join(try cases.sendJoin(session, head: row.joins!, number: released.numbers[index],
                                                 mention: row.mention, wroteAt: row.clockFrom),
                              head: row.joins!, mention: row.mention, wroteAt: row.clockFrom))
            writers.insert(Self.writer(of: row))
            joined += 1
        }
    }

    /// Asks which of rows `indices` the inbox already holds: the answer's rows name them (`i`).
    private func stored(_ rows: [MentionWriter.Row], _ indices: [Int]) throws -> EventLoopFuture<[PostgresRow]> {
        guard !indices.isEmpty else { return session.connection.eventLoop.makeSucceededFuture([]) }
        var keys = PostgresArrayColumns()
        for index in indices {
            keys.text(rows[index].mention.platform.rawValue)
            keys.text(rows[index].mention.id)
            keys.integer(Int64(index))
            keys.endRow()
        }
        return try session.sendPrepared("""
            SELECT k.i FROM unnest($1::text[], $2::text[], $3::bigint[]) AS k(platform, post, i)
            WHERE EXISTS (SELECT FROM mention m WHERE m.platform = k.platform AND m.platform_id = k.post)
            """, values: keys.arrays)
    }

    /// One INSERT of the rows in `columns` (`MentionWriter.columns`, then the numbers):
    /// its answer says how many it added.
    private static func insertSQL(_ columns: PostgresArrayColumns) -> String {
        """
        WITH added AS (
            INSERT INTO mention (\(MentionWriter.columns), id) SELECT * FROM unnest(\(columns.parameters))
            ON CONFLICT (platform, platform_id) DO NOTHING RETURNING 1)
        SELECT count(*) AS added FROM added
        """
    }

    /// Each revision waits for what was sent before it: a case's log keeps the order
    /// the file gave.
    func erase(_ platform: Platform, id: String, at now: Date) throws -> Bool {
        try settle()
        return try revisions.erase(platform, id: id, at: now)
    }

    func edit(original: String, to edited: Mention, suggestion: KindClassifier.Suggestion, at now: Date) throws -> Bool {
        try settle()
        return try revisions.edit(original: original, to: edited, suggestion: suggestion, at: now)
    }

    func link(_ reply: OurReply) throws -> Bool {
        try settle()
        return try revisions.link(reply)
    }

    private var revisions: MentionRevisions<PostgresSession> {
        MentionRevisions(db: session, rules: cases.writer.rules)
    }
}
