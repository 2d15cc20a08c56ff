import Foundation
import GRDB
import PostgresNIO

/// Moves a team's SQLite inbox into an empty PostgreSQL one, whole: every mention, event,
/// claim, draft, position and outbox entry, with their numbers, agents and times, in one
/// transaction (a failure leaves the target empty), then the counts of both sides.
public enum DatabaseMove {
    /// What was moved: rows per table on each side (`InboxTables.all` order).
    public struct Counts: Equatable, Sendable {
        public var source: [String: Int]
        public var target: [String: Int]
        public var agree: Bool { source == target }
    }

    /// Rows sent per INSERT: PostgreSQL takes at most 65535 parameters in one statement.
    static let rowsPerInsert = 2000

    public static func move(from source: Inbox, to target: PostgresLocation) throws -> Counts {
        let session = try PostgresSession(target)
        guard try PostgresSchema.isCurrent(session) else {
            throw StoreError.cannotOpen(path: target.description, reason: "no webcare schema: run `webcare init --postgres` first")
        }
        let held = try StoreOperations.tableCounts(session)["mention"] ?? 0
        guard held == 0 else {
            throw StoreError.cannotOpen(path: target.description,
                                        reason: "it already holds \(held) mentions: move into an empty inbox")
        }
        try session.transaction {
            for table in InboxTables.all {
                let columns = try session.rows("""
                    SELECT column_name AS name, data_type AS type FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = :table AND is_generated = 'NEVER'
                    ORDER BY ordinal_position
                    """, ["table": table]).map { (name: $0["name"] as String, type: $0["type"] as String) }
                try source.read { db in
                    let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns.map(\.name).joined(separator: ", ")) FROM \(table)")
                    var batch: [Row] = []
                    while let row = try cursor.next() {
                        batch.append(row.copy())
                        if batch.count == rowsPerInsert {
                            try insert(batch, into: table, columns: columns, session)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    try insert(batch, into: table, columns: columns, session)
                }
            }
            for table in ["mention", "outbox"] {
                try session.execute("""
                    SELECT setval(pg_get_serial_sequence('\(table)', 'id'), coalesce(max(id), 0) + 1, false) FROM \(table)
                    """)
            }
        }
        return Counts(source: try source.tableCounts(), target: try StoreOperations.tableCounts(session))
    }

    /// One multi-row INSERT of `rows`, each value as the target column's type wants it
    /// (SQLite's 0/1 as booleans, event text as jsonb, a report's kept facts as bytes).
    private static func insert(_ rows: [Row], into table: String, columns: [(name: String, type: String)],
                               _ session: PostgresSession) throws {
        guard !rows.isEmpty else { return }
        var bindings = PostgresBindings(capacity: rows.count * columns.count)
        var tuples: [String] = []
        for row in rows {
            var placeholders: [String] = []
            for (index, column) in columns.enumerated() {
                let value = row[index] as DatabaseValue
                switch (value.storage, column.type) {
                case (.null, _): bindings.appendNull()
                case (.int64(let number), "boolean"): bindings.append(number != 0)
                case (.int64(let number), _): bindings.append(number)
                case (.double(let number), _): bindings.append(number)
                case (.string(let text), _): bindings.append(text)
                case (.blob(let data), "bytea"): bindings.append(ByteBuffer(bytes: data))
                case (.blob(let data), _): bindings.append(String(decoding: data, as: UTF8.self))
                }
                placeholders.append("$\(bindings.count)" + (column.type == "jsonb" ? "::jsonb" : ""))
            }
            tuples.append("(" + placeholders.joined(separator: ", ") + ")")
        }
        let sql = "INSERT INTO \(table) (\(columns.map(\.name).joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))"
        try session.run(PostgresQuery(unsafeSQL: sql, binds: bindings))
    }
}
