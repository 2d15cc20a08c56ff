import Foundation
import GRDB
import InboxModel

/// The columns of a case's first mention that keep what a report reads of its log
/// (`FoldedFacts`), written by `FlowWriter.record` in the same statement as the queue
/// columns, so a report over a million cases reads a million rows instead of folding
/// three million events. What a row cannot hold in a column (replies after the first,
/// later waits, hand-offs, positions, reopenings: most cases have none) is JSON in
/// `report_more`.
///
/// `report_at` is the time of the latest event folded in: the kept facts hold for a
/// report whose period ends after it; an older period's report folds that case's log.
/// A customer's message logged without folding (`CaseJoiner.recordJoin`, on a case
/// nobody classified, whose clock runs) changes none of these facts.
enum ReportColumns {
    /// Name and type per engine, in the order `add` creates them.
    static let columns: [(name: String, sqlite: String, postgres: String)] = [
        ("report_at", "REAL", "double precision"),
        ("report_first", "INTEGER", "bigint"),
        ("report_waiting", "REAL", "double precision"),
        ("report_outcome", "TEXT", "text"),
        ("report_closed", "REAL", "double precision"),
        ("report_agent", "TEXT", "text"),
        ("report_reply_at", "REAL", "double precision"),
        ("report_reply_from", "REAL", "double precision"),
        ("report_more", "TEXT", "text"),
    ]

    /// `SET` assignments from the named parameters `arguments` gives.
    static let assignments = columns.map { "\($0.name) = :\($0.name)" }.joined(separator: ", ")

    /// The columns' values for `facts`.
    static func arguments(_ facts: FoldedFacts) throws -> [String: (any DatabaseValueConvertible)?] {
        let first = facts.replies.first, rest = facts.rest
        return [
            "report_at": facts.lastAt?.timeIntervalSince1970,
            "report_first": facts.firstResponse,
            "report_waiting": facts.waitingSince?.timeIntervalSince1970,
            "report_outcome": facts.outcome?.code,
            "report_closed": facts.closedAt?.timeIntervalSince1970,
            "report_agent": first?.agent,
            "report_reply_at": first?.at.timeIntervalSince1970,
            "report_reply_from": first?.handlingFrom.timeIntervalSince1970,
            "report_more": rest.isEmpty ? nil : String(decoding: try JSONEncoder().encode(rest), as: UTF8.self),
        ]
    }

    /// SQLite: adds the columns unless they are there. v5's migration adds them before
    /// it folds existing logs (which writes them), v12 to a file made after v5.
    static func add(_ db: Database) throws {
        let present = Set(try Row.fetchAll(db, sql: "PRAGMA table_info(mention)").map { $0["name"] as String })
        for column in columns where !present.contains(column.name) {
            try db.execute(sql: "ALTER TABLE mention ADD COLUMN \(column.name) \(column.sqlite)")
        }
    }

    /// PostgreSQL's v4: the columns, and the team's right to write them.
    static let postgresMigration = columns.map { "ALTER TABLE mention ADD COLUMN \($0.name) \($0.postgres);" }
        .joined(separator: "\n")
    static let names = columns.map(\.name).joined(separator: ", ")
    /// The columns of mention `m`, for a query that joins another.
    static let selected = columns.map { "m." + $0.name }
}
