import PostgresNIO

/// What the server (or the connection to it) said went wrong, as one readable line:
/// postgres-nio's error prints a generic text that hides the server's message.
struct PostgresFailure: Error, CustomStringConvertible {
    /// The SQLSTATE code, when the server answered (23505: unique violation; WC001:
    /// webcare's "held by another agent").
    var sqlState: String?
    var message: String
    var detail: String?

    init(_ error: any Error) {
        if let failure = error as? PostgresFailure {
            self = failure
        } else if let error = error as? PSQLError, let info = error.serverInfo {
            sqlState = info[.sqlState]
            message = info[.message] ?? "\(error.code)"
            detail = info[.detail]
        } else {
            message = Self.describe(error)
        }
    }

    var description: String { detail.map { "\(message): \($0)" } ?? message }

    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let info = error.serverInfo { return info[.message] ?? "\(error.code)" }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        if let error = error as? PostgresDecodingError {
            // Its description hides the value; the column and type are what a report needs.
            return "cannot read column \(error.columnName) (type \(error.postgresType), \(error.postgresFormat))"
        }
        return "\(error)"
    }
}
