import Foundation
import GRDB

/// What the store's engine-neutral writers (the flow log's) need of a database inside
/// the caller's transaction: run SQL with named (`:name`) arguments and read rows. The
/// SQLite connection and the PostgreSQL session both provide it, so the rules of
/// appending an event (the sequence guard, the fold, the queue columns, the outbox in the
/// same transaction) are written once.
protocol SQLRunner {
    func rows(_ sql: String, _ arguments: [String: (any DatabaseValueConvertible)?]) throws -> [Row]
    func execute(_ sql: String, _ arguments: [String: (any DatabaseValueConvertible)?]) throws
    /// The error was a uniqueness or primary-key violation (another agent took the sequence number).
    func isUniqueViolation(_ error: any Error) -> Bool
    /// Where this engine's SQL differs from the other's.
    var dialect: SQLDialect { get }
    /// SQL true for mentions `m` by the author `:platform`/`:handle`, through this engine's index.
    var byAuthor: String { get }
    /// A parameter holding JSON text as this engine stores JSON (text in SQLite, jsonb in PostgreSQL).
    func json(_ parameter: String) -> String
    /// Runs `body` so that when it fails, the transaction can go on (to read what the
    /// other agent did): PostgreSQL aborts a whole transaction on an error, unless the
    /// failing statement ran inside a savepoint; SQLite needs nothing.
    func recoverable<T>(_ body: () throws -> T) throws -> T
}

extension SQLRunner {
    func row(_ sql: String, _ arguments: [String: (any DatabaseValueConvertible)?] = [:]) throws -> Row? {
        try rows(sql, arguments).first
    }
}

/// A GRDB connection inside a transaction, as a runner.
struct SQLiteRunner: SQLRunner {
    let db: Database

    func rows(_ sql: String, _ arguments: [String: (any DatabaseValueConvertible)?]) throws -> [Row] {
        try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
    }

    func execute(_ sql: String, _ arguments: [String: (any DatabaseValueConvertible)?]) throws {
        try db.execute(sql: sql, arguments: StatementArguments(arguments))
    }

    func isUniqueViolation(_ error: any Error) -> Bool {
        (error as? DatabaseError)?.resultCode == .SQLITE_CONSTRAINT
    }

    var dialect: SQLDialect { .sqlite }

    var byAuthor: String { AuthorIndex.isBy(platform: ":platform", handle: ":handle") }

    func json(_ parameter: String) -> String { parameter }

    func recoverable<T>(_ body: () throws -> T) throws -> T { try body() }
}
