import GRDB
import GRDBSQLite

/// A prepared statement driven through the SQLite C API, for the statements an import
/// runs once per mention: GRDB's boxed arguments and rows cost as much as SQLite's own
/// seek there. Prepared once per connection (GRDB's statement cache), reset after use.
struct RawStatement {
    private let statement: OpaquePointer
    private let connection: OpaquePointer?
    private var binder: Binder

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql).sqliteStatement
        connection = db.sqliteConnection
        binder = Binder(statement)
        reset()
    }

    mutating func bind(_ text: String?) { binder.bind(text) }
    mutating func bind(_ value: Int64?) { binder.bind(value) }
    mutating func bind(_ value: Double) { binder.bind(value) }

    /// Runs the statement to its next row; false when there is none (or it was not a query).
    mutating func step() throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(statement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func double(_ column: Int32) -> Double? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_double(statement, column)
    }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        return String(cString: bytes)
    }

    /// Ready for the next use, bindings cleared.
    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }
}

/// Binds the parameters of a prepared statement in order, copying each value.
struct Binder {
    private let statement: OpaquePointer
    private var index: Int32 = 0
    /// SQLite's SQLITE_TRANSIENT: copy the bytes now, the Swift string may move.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: OpaquePointer) {
        self.statement = statement
    }

    mutating func bind(_ text: String?) {
        index += 1
        guard var text else {
            sqlite3_bind_null(statement, index)
            return
        }
        let bound = text.withUTF8 { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            let characters = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            sqlite3_bind_text(statement, index, characters, Int32(bytes.count), Self.transient)
            return true
        }
        if !bound { sqlite3_bind_text(statement, index, "", 0, Self.transient) }
    }

    mutating func bind(_ value: Int64?) {
        index += 1
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func bind(_ value: Int) {
        index += 1
        sqlite3_bind_int64(statement, index, Int64(value))
    }

    mutating func bind(_ value: Double) {
        index += 1
        sqlite3_bind_double(statement, index, value)
    }
}

