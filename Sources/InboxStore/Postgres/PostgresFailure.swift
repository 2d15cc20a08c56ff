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

    /// Whether `error` is the server ending the connection: a connection exception
    /// (SQLSTATE class 08) or an operator's intervention (57P01 terminated by an
    /// administrator, 57P02 crash shutdown, 57P03 cannot connect now).
    static func endsConnection(_ error: any Error) -> Bool {
        guard let state = (error as? PostgresFailure)?.sqlState ?? PostgresFailure(error).sqlState else { return false }
        return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let info = error.serverInfo { return info[.message] ?? "\(error.code)" }
            if let underlying = error.underlying {
                return certificateProblem(underlying) ?? "\(error.code): \(underlying)"
            }
            return "\(error.code)"
        }
        if let error = error as? PostgresDecodingError {
            // Its description hides the value; the column and type are what a report needs.
            return "cannot read column \(error.columnName) (type \(error.postgresType), \(error.postgresFormat))"
        }
        return "\(error)"
    }

    /// What a refused certificate means for the one who set sslmode, instead of the TLS
    /// library's words.
    private static func certificateProblem(_ error: any Error) -> String? {
        let text = "\(error)"
        if text.contains("failedToValidateHostname") {
            return "the server's certificate does not name this host (sslmode=verify-full checks it; verify-ca does not)"
        }
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return "the server's certificate is not signed by a root this machine trusts (give its root with sslrootcert=FILE)"
        }
        return nil
    }
}
