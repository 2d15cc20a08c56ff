import Foundation
import GRDB
import InboxModel
import PostgresNIO

/// Adds mentions to a PostgreSQL inbox inside the caller's transaction: up to
/// `rowsPerStatement` per multi-row INSERT (a round trip per row would cost more than the
/// server's work), `ON CONFLICT (platform, platform_id) DO NOTHING` so importing twice
/// adds nothing. As in SQLite, a mention that continues a case is decided before it is
/// written and goes in as a member, and its case hears the customer wrote.
///
/// A round trip costs more here than the server's work on a lookup, so rows are written
/// in runs that no earlier row of the run can be the case of (`MentionWriter.BufferedKeys`):
/// a run's lookups are sent together and answered in one wait, and its INSERT is sent
/// without waiting unless a row joined a case (its number is needed to tell the case);
/// the server writes one run while the next is put together.
final class PostgresMentionWriter {
    /// `MentionWriter.columnCount` parameters a row; PostgreSQL takes at most 65535 in one statement.
    static let rowsPerStatement = 1000
    private let session: PostgresSession
    private let cases: CaseJoiner
    private(set) var joined = 0

    init(_ session: PostgresSession, cases: CaseJoiner) {
        self.session = session
        self.cases = cases
    }

    /// Adds `rows` in order; how many were new.
    func add(_ rows: some Collection<MentionWriter.Row>) throws -> Int {
        var run: [MentionWriter.Row] = []
        var buffered = MentionWriter.BufferedKeys()
        var inserts: [EventLoopFuture<Int>] = []
        func endRun() throws {
            try inserts.append(write(run))
            run.removeAll(keepingCapacity: true)
            buffered = MentionWriter.BufferedKeys()
        }
        do {
            for row in rows {
                if CaseJoiner.mayJoin(row.mention) && buffered.mayHoldCase(of: row.mention) { try endRun() }
                buffered.insert(row.mention)
                run.append(row)
                if run.count == Self.rowsPerStatement { try endRun() }
            }
            try endRun()
        } catch {
            // What failed first: a failed INSERT makes everything after it fail with
            // "current transaction is aborted".
            _ = try settle(inserts)
            throw error
        }
        return try settle(inserts)
    }

    /// Waits for `inserts` in order; how many rows they added.
    private func settle(_ inserts: [EventLoopFuture<Int>]) throws -> Int {
        try inserts.reduce(0) { $0 + (try PostgresSession.wait($1)) }
    }

    /// Decides which cases the run's rows join, sends its INSERT, and tells each case its
    /// new member; how many rows it adds, once the server answers.
    private func write(_ rows: [MentionWriter.Row]) throws -> EventLoopFuture<Int> {
        guard !rows.isEmpty else { return session.connection.eventLoop.makeSucceededFuture(0) }
        let placed = try placed(rows)
        let joining = placed.contains { $0.joins != nil }
        let insert = session.send(insertQuery(placed, returning: joining))
        guard joining else { return insert.map { $0.metadata.rows ?? 0 } }
        let inserted = try PostgresSession.wait(insert).rows.map { try PostgresSession.row($0) }
        let numbers = Dictionary(inserted.map { ($0["platform"] as String + ":" + $0["platform_id"], $0["id"] as Int64) },
                                 uniquingKeysWith: { first, _ in first })
        var told: Set<Int64> = []
        for row in placed {
            guard let head = row.joins, let number = numbers[row.mention.platform.rawValue + ":" + row.mention.id],
                  told.insert(number).inserted else { continue }
            try cases.recordJoin(session, head: head, number: number, mention: row.mention, wroteAt: row.clockFrom)
            joined += 1
        }
        return session.connection.eventLoop.makeSucceededFuture(inserted.count)
    }

    /// `rows` with the case each joins, by `CaseRule` over the candidates stored so far:
    /// every lookup of the run sent at once, then the answers read.
    private func placed(_ rows: [MentionWriter.Row]) throws -> [MentionWriter.Row] {
        var rows = rows
        let asked = try rows.indices.filter { CaseJoiner.mayJoin(rows[$0].mention) }.map { index in
            (index, try CandidateLookup.all(for: rows[index].mention, before: .max).map { lookup in
                (lookup, session.send(try NamedParameters.query(lookup.sql({ _ in "" }), lookup.namedArguments)))
            })
        }
        for (index, lookups) in asked {
            let candidates = try lookups.flatMap { lookup, answer in
                try PostgresSession.wait(answer).rows.map { lookup.candidate(try PostgresSession.row($0)) }
            }
            if case .joins(let head, _) = cases.rule.place(rows[index].mention, among: candidates) {
                rows[index].joins = head
            }
        }
        return rows
    }

    /// One INSERT of `rows`, with the numbers of the rows it added when `returning`.
    private func insertQuery(_ rows: [MentionWriter.Row], returning: Bool) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: rows.count * MentionWriter.columnCount)
        var tuples: [String] = []
        tuples.reserveCapacity(rows.count)
        for row in rows {
            let start = bindings.count
            row.write(into: &bindings)
            tuples.append("(" + (start + 1...start + MentionWriter.columnCount).map { "$\($0)" }.joined(separator: ", ") + ")")
        }
        return PostgresQuery(unsafeSQL: """
            INSERT INTO mention (\(MentionWriter.columns)) VALUES \(tuples.joined(separator: ", "))
            ON CONFLICT (platform, platform_id) DO NOTHING \(returning ? "RETURNING id, platform, platform_id" : "")
            """, binds: bindings)
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
