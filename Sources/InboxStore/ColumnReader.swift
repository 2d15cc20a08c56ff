import Foundation
import GRDB
import GRDBSQLite

/// One row of a query read column by column (0 first), without a `Row` per row: what a
/// read of a million rows (a report) goes through. NULL reads as nil. The query selects
/// its columns through `selecting`, which names them by position too: SQLite reads them
/// by position, PostgreSQL's rows hold them by name.
protocol ColumnReader {
    func integer(_ column: Int32) -> Int64?
    func real(_ column: Int32) -> Double?
    func text(_ column: Int32) -> String?
    /// The column's text as one of `texts` (UTF-8; its place among them), nil when NULL or none.
    func index(_ column: Int32, among texts: [[UInt8]]) -> Int?
    /// `body` over the column's bytes; nil when NULL.
    func bytes<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T?
}

/// The texts a column holds of a string enumeration (a platform, a kind), kept as bytes
/// too, so a row's value is found without making a string of it.
struct ColumnNames<Value: CaseIterable & RawRepresentable>: Sendable
    where Value.RawValue == String, Value: Sendable {
    let values: [Value]
    let bytes: [[UInt8]]

    init(_ type: Value.Type) {
        values = Array(type.allCases)
        bytes = values.map { Array($0.rawValue.utf8) }
    }
}

extension ColumnReader {
    func index(_ column: Int32, among texts: [[UInt8]]) -> Int? {
        text(column).flatMap { text in texts.firstIndex { $0.elementsEqual(text.utf8) } }
    }

    /// The column as a value of `names`' enumeration.
    func value<Value>(_ column: Int32, _ names: ColumnNames<Value>) -> Value? {
        index(column, among: names.bytes).map { names.values[$0] }
    }
}

/// The select list of `expressions`, each named by its position (c0, c1, …).
func selecting(_ expressions: [String]) -> String {
    expressions.enumerated().map { "\($1) AS c\($0)" }.joined(separator: ", ")
}

extension Row: ColumnReader {
    func integer(_ column: Int32) -> Int64? { self["c\(column)"] }
    func real(_ column: Int32) -> Double? { self["c\(column)"] }
    func text(_ column: Int32) -> String? { self["c\(column)"] }

    func bytes<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T? {
        guard let data = self["c\(column)"] as Data? else { return nil }
        return try data.withUnsafeBytes(body)
    }
}

extension SQLRunner {
    /// Every row of `sql`, handed to `body` in turn: through `rows` (PostgreSQL's
    /// session reads a whole result anyway); SQLite steps its statement instead.
    func forEachRow(_ sql: String, _ arguments: [String: (any DatabaseValueConvertible)?],
                    _ body: (any ColumnReader) throws -> Void) throws {
        if let sqlite = self as? SQLiteRunner {
            try sqlite.stepping(sql, arguments, body)
            return
        }
        for row in try rows(sql, arguments) { try body(row) }
    }
}

extension SQLiteRunner {
    /// Steps the statement through SQLite's C API, each row read in place.
    func stepping(_ sql: String, _ arguments: [String: (any DatabaseValueConvertible)?],
                  _ body: (any ColumnReader) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(StatementArguments(arguments))
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let reader = SQLiteColumns(statement: handle)
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: try body(reader)
            case SQLITE_DONE: return
            case let code:
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
    }
}

/// The current row of a stepped SQLite statement.
private struct SQLiteColumns: ColumnReader {
    let statement: OpaquePointer

    func integer(_ column: Int32) -> Int64? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
    }

    func real(_ column: Int32) -> Double? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_double(statement, column)
    }

    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: bytes)
    }

    func bytes<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL else { return nil }
        let start = sqlite3_column_blob(statement, column)
        return try body(UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, column))))
    }

    func index(_ column: Int32, among texts: [[UInt8]]) -> Int? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        for (index, candidate) in texts.enumerated() where candidate.count == count {
            if count == 0 || candidate.withUnsafeBufferPointer({ memcmp($0.baseAddress!, text, count) }) == 0 {
                return index
            }
        }
        return nil
    }
}
