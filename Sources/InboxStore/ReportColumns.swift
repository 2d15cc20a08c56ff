import Foundation
import GRDB
import InboxModel

/// The columns of a case's first mention that keep what a report reads of its log
/// (`FoldedFacts`), written by `FlowWriter.record` in the same statement as the queue
/// columns, so a report over a million cases reads a million rows instead of folding
/// three million events: `report_at`, the time of the latest event folded in (the kept
/// facts hold for a report whose period ends after it; an older period's report folds
/// that case's log), `report_facts` (`ReportFactsBlob`), and `report_more`, JSON of what
/// most cases do not have (replies after the first, later waits, hand-offs, positions,
/// reopenings).
///
/// A customer's message logged without folding (`CaseJoiner.recordJoin`, on a case
/// nobody classified, whose clock runs) changes none of these facts.
enum ReportColumns {
    /// Name and type per engine, in the order `add` creates them.
    static let columns: [(name: String, sqlite: String, postgres: String)] = [
        ("report_at", "REAL", "double precision"),
        ("report_facts", "BLOB", "bytea"),
        ("report_more", "TEXT", "text"),
    ]

    /// `SET` assignments from the named parameters `arguments` gives.
    static let assignments = columns.map { "\($0.name) = :\($0.name)" }.joined(separator: ", ")

    /// The columns' values for `facts`.
    static func arguments(_ facts: FoldedFacts) throws -> [String: (any DatabaseValueConvertible)?] {
        [
            "report_at": facts.lastAt?.timeIntervalSince1970,
            "report_facts": facts.lastAt == nil ? nil : Data(ReportFactsBlob.encode(facts)),
            "report_more": try facts.more.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) },
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

    /// SQLite: what a report reads of every mention, in order of when its wait started,
    /// so the report reads this narrow index instead of the whole table (a third of the
    /// table's size; its cost to an import is measured in BENCHMARKS.md). PostgreSQL
    /// reads the table: its rows come over the connection whole anyway.
    static let sqliteIndex = """
        CREATE INDEX mention_report ON mention (clock_from, case_id, platform, channel, kind, closed_at, kind_confirmed,
            suggested_kind, \(names))
        """

    /// PostgreSQL's v4: the columns, and the team's right to write them.
    static let postgresMigration = columns.map { "ALTER TABLE mention ADD COLUMN \($0.name) \($0.postgres);" }
        .joined(separator: "\n")
    static let names = columns.map(\.name).joined(separator: ", ")

}
