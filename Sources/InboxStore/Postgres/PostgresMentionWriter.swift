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
/// A round trip costs more here than the server's work, so the client and the server
/// work at once: a run's lookups are sent together and queue behind the previous run's
/// INSERT; while the server answers them, the run's columns are put together; once they
/// are answered, the rows are placed in their cases (among the stored mentions and the
/// run's own earlier rows, `UnwrittenCandidates`, under numbers taken ahead,
/// `MentionNumbers`) and the INSERT goes without waiting for it, unless a row joined a
/// case (its case hears of it once the row is there).
final class PostgresMentionWriter {
    /// Most rows in one INSERT: long enough that a statement's round trip is spread thin.
    static let rowsPerStatement = 1000
    private let session: PostgresSession
    private let cases: CaseJoiner
    private let numbers: MentionNumbers
    private(set) var added = 0, joined = 0
    /// INSERTs sent and not yet answered: how many rows each adds.
    private var unsettled: [EventLoopFuture<Int>] = []
    /// How many rows were written when the statements were last planned; they are planned
    /// again each time the rows written double (`PostgresSession.replan`).
    private var written = 0, plannedAt = 0

    init(_ session: PostgresSession, cases: CaseJoiner) {
        self.session = session
        self.cases = cases
        numbers = MentionNumbers(session)
    }

    /// Sends `rows` in order, up to `rowsPerStatement` an INSERT, without waiting for them
    /// unless a row joined a case.
    func send(_ rows: some Collection<MentionWriter.Row>) throws {
        do {
            var rest = Array(rows)[...]
            while !rest.isEmpty {
                try unsettled.append(write(Array(rest.prefix(Self.rowsPerStatement))))
                rest = rest.dropFirst(Self.rowsPerStatement)
            }
        } catch {
            // What failed first: a failed INSERT makes everything after it fail with
            // "current transaction is aborted".
            try settle()
            throw error
        }
    }

    /// Waits for the INSERTs sent, in order, counting what they added.
    func settle() throws {
        defer { unsettled.removeAll() }
        for insert in unsettled { added += try PostgresSession.wait(insert) }
    }

    /// Places the run's rows in their cases, sends its INSERT, and tells each case its new
    /// member; how many rows it adds, once the server answers.
    private func write(_ rows: [MentionWriter.Row]) throws -> EventLoopFuture<Int> {
        written += rows.count
        if written >= max(2 * plannedAt, Self.rowsPerStatement) {
            session.replan()
            plannedAt = written
        }
        let numbers = try self.numbers.take(rows.count)
        var unwritten = UnwrittenCandidates(rows, numbers: numbers)
        let joining = rows.indices.filter { CaseJoiner.mayJoin(rows[$0].mention) }
        let lookups = try BatchedLookups(joining.flatMap { index in
            CandidateLookup.all(for: rows[index].mention, before: .max).map { (index, $0) }
        }, on: session)
        let stored = try self.stored(rows, Set(unwritten.referenced + joining).sorted())
        var columns = PostgresArrayColumns()
        for row in rows {
            row.writeMention(into: &columns)
            columns.endRow()
        }
        let caseColumn = columns.columns.count
        columns.endRow(restartingAt: caseColumn)
        unwritten.stored(try PostgresSession.wait(stored).map { try PostgresSession.row($0, binary: true)["i"] as Int })
        let found = try lookups.candidates()
        var placed = rows
        for index in joining where unwritten.isWritten(index) {
            let (conversation, directMessage) = unwritten.candidates(for: index, placed: placed)
            var candidates = found[index] ?? []
            if directMessage != nil {
                candidates.removeAll { if case .directMessages = $0.relation { true } else { false } }
            }
            candidates += conversation + (directMessage.map { [$0] } ?? [])
            if case .joins(let head, _) = cases.rule.place(rows[index].mention, among: candidates) {
                placed[index].joins = head
            }
        }
        for (row, number) in zip(placed, numbers) {
            row.writeCase(into: &columns)
            columns.integer(number)
            columns.endRow(restartingAt: caseColumn)
        }
        let insert = try session.sendPrepared(Self.insertSQL(columns), values: columns.arrays)
            .flatMapThrowing { rows in try rows.first.map { try PostgresSession.row($0, binary: true)["added"] } ?? 0 }
        let joiners = placed.indices.filter { placed[$0].joins != nil && unwritten.isWritten($0) }
        guard !joiners.isEmpty else { return insert }
        let added: Int = try PostgresSession.wait(insert)
        for index in joiners {
            try cases.recordJoin(session, head: placed[index].joins!, number: numbers[index], mention: rows[index].mention,
                                 wroteAt: rows[index].clockFrom)
            joined += 1
        }
        return session.connection.eventLoop.makeSucceededFuture(added)
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
        let parameters = columns.arrayTypeNames.enumerated().map { "$\($0.offset + 1)::\($0.element)" }
        return """
            WITH added AS (
                INSERT INTO mention (\(MentionWriter.columns), id) SELECT * FROM unnest(\(parameters.joined(separator: ", ")))
                ON CONFLICT (platform, platform_id) DO NOTHING RETURNING 1)
            SELECT count(*) AS added FROM added
            """
    }

    func erase(_ platform: Platform, id: String, at now: Date) throws -> Bool {
        try revisions.erase(platform, id: id, at: now)
    }

    func edit(original: String, to edited: Mention, suggestion: KindClassifier.Suggestion, at now: Date) throws -> Bool {
        try revisions.edit(original: original, to: edited, suggestion: suggestion, at: now)
    }

    func link(_ reply: OurReply) throws -> Bool {
        try revisions.link(reply)
    }

    private var revisions: MentionRevisions<PostgresSession> {
        MentionRevisions(db: session, rules: cases.writer.rules)
    }
}
