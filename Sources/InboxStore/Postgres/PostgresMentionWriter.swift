import Foundation
import GRDB
import InboxModel
import PostgresNIO

/// Adds mentions to a PostgreSQL inbox inside the caller's transaction: up to
/// `rowsPerStatement` per multi-row INSERT (a round trip per row would cost more than the
/// server's work), `ON CONFLICT (platform, platform_id) DO NOTHING` so importing twice
/// adds nothing. As in SQLite, a mention that continues a case is decided before it is
/// written and goes in as a member, and its case hears the customer wrote.
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
        var added = 0
        var buffer: [MentionWriter.Row] = []
        var buffered = MentionWriter.BufferedKeys()
        for var row in rows {
            if CaseJoiner.mayJoin(row.mention) {
                if buffered.mayHoldCase(of: row.mention) {
                    added += try write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                    buffered = MentionWriter.BufferedKeys()
                }
                row.joins = try cases.caseToJoin(session, for: row.mention)
            }
            buffered.insert(row.mention)
            buffer.append(row)
            if buffer.count == Self.rowsPerStatement {
                added += try write(buffer)
                buffer.removeAll(keepingCapacity: true)
                buffered = MentionWriter.BufferedKeys()
            }
        }
        return try added + write(buffer)
    }

    /// One INSERT of `rows`; then each new member tells its case, in the rows' order.
    private func write(_ rows: [MentionWriter.Row]) throws -> Int {
        guard !rows.isEmpty else { return 0 }
        var bindings = PostgresBindings(capacity: rows.count * MentionWriter.columnCount)
        var tuples: [String] = []
        tuples.reserveCapacity(rows.count)
        for row in rows {
            let start = bindings.count
            row.write(into: &bindings)
            tuples.append("(" + (start + 1...start + MentionWriter.columnCount).map { "$\($0)" }.joined(separator: ", ") + ")")
        }
        let inserted = try session.run(PostgresQuery(unsafeSQL: """
            INSERT INTO mention (\(MentionWriter.columns)) VALUES \(tuples.joined(separator: ", "))
            ON CONFLICT (platform, platform_id) DO NOTHING RETURNING id, platform, platform_id
            """, binds: bindings))
        let numbers = Dictionary(inserted.map { ($0["platform"] as String + ":" + $0["platform_id"], $0["id"] as Int64) },
                                 uniquingKeysWith: { first, _ in first })
        var placed: Set<Int64> = []
        for row in rows {
            guard let head = row.joins, let number = numbers[row.mention.platform.rawValue + ":" + row.mention.id],
                  placed.insert(number).inserted else { continue }
            try cases.recordJoin(session, head: head, number: number, mention: row.mention, wroteAt: row.clockFrom)
            joined += 1
        }
        return inserted.count
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
