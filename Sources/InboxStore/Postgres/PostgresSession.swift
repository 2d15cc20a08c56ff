import Foundation
import GRDB
import Logging
import PostgresNIO

/// One connection to a PostgreSQL inbox, used synchronously: the commands and the store's
/// callers are synchronous, so each call waits (on an `EventLoopFuture`) for its answer
/// on the caller's thread while postgres-nio's event loop does the work. Not through
/// Swift concurrency: a caller blocking a thread of the cooperative pool (a test, an
/// async command) would starve the task that should answer it. Never call it from an
/// event loop.
///
/// Queries are written with named parameters (`:name`) as the SQLite store's are, and
/// rows come back as GRDB `Row`s, so a value type reads itself from either engine with
/// one initializer (`StoredMention(row:)`, `OutboxEntry(row:)`).
final class PostgresSession: @unchecked Sendable {
    let connection: PostgresConnection
    let location: PostgresLocation
    private let logger = Logger(label: "webcare.postgres")

    /// Connects to the first of the location's servers that answers, with the password
    /// libpq would use and TLS as sslmode asks.
    init(_ location: PostgresLocation, warning: @escaping @Sendable (String) -> Void = { _ in }) throws {
        self.location = location
        var failures: [String] = []
        for server in location.servers {
            let password = PasswordFile.password(for: location, server: server, warning: warning)
            do {
                let configuration = try Self.configuration(location, server: server, password: password)
                connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                            configuration: configuration, id: 1, logger: logger).wait()
                return
            } catch {
                failures.append("\(server.isSocket ? server.socketPath : "\(server.host):\(server.port)"): \(PostgresFailure.describe(error))")
            }
        }
        throw StoreError.cannotOpen(path: location.description, reason: failures.joined(separator: "; "))
    }

    static func configuration(_ location: PostgresLocation, server: PostgresLocation.Server,
                              password: String?) throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if server.isSocket {
            configuration = .init(unixSocketPath: server.socketPath, username: location.user, password: password,
                                  database: location.database)
        } else {
            configuration = .init(host: server.host, port: server.port, username: location.user, password: password,
                                  database: location.database, tls: try tls(location))
        }
        // No JIT compilation: it pays off for long analytic queries, and costs the inbox's
        // short reads up to a hundred milliseconds each.
        configuration.options.additionalStartupParameters = [("application_name", location.applicationName),
                                                             ("jit", "off")]
        return configuration
    }

    /// libpq's sslmode as postgres-nio's TLS: `require` encrypts without checking the
    /// certificate (as libpq does without a root certificate), `verify-ca` checks the
    /// chain, `verify-full` the chain and the host name.
    static func tls(_ location: PostgresLocation) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let root = location.sslRootCert {
            tls.trustRoots = .file(root)
        }
        switch location.sslMode {
        case .disable: return .disable
        case .allow, .prefer:
            tls.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: tls))
        case .require:
            tls.certificateVerification = location.sslRootCert == nil ? .none : .noHostnameVerification
            return .require(try NIOSSLContext(configuration: tls))
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
            return .require(try NIOSSLContext(configuration: tls))
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            return .require(try NIOSSLContext(configuration: tls))
        }
    }

    deinit {
        try? connection.close().wait()
    }

    /// The rows `sql` returns, with `:name` parameters bound from `arguments`.
    @discardableResult
    func rows(_ sql: String, _ arguments: [String: (any DatabaseValueConvertible)?] = [:]) throws -> [Row] {
        try run(try NamedParameters.query(sql, arguments))
    }

    /// The rows of a query built with its bindings.
    @discardableResult
    func run(_ query: PostgresQuery) throws -> [Row] {
        try Self.wait(send(query)).rows.map { try Self.row($0) }
    }

    func execute(_ sql: String, _ arguments: [String: (any DatabaseValueConvertible)?] = [:]) throws {
        try rows(sql, arguments)
    }

    /// Sends `query` without waiting for its answer. The connection runs what it is sent
    /// in order, so a query sent later sees what this one wrote; the caller waits on the
    /// answers it needs, and meanwhile goes on with its own work (an import builds the
    /// next rows while the server writes these).
    func send(_ query: PostgresQuery) -> EventLoopFuture<PostgresQueryResult> {
        connection.query(query, logger: logger)
    }

    /// The answer of a query sent with `send`, or its failure as a `PostgresFailure`.
    static func wait<T: Sendable>(_ answer: EventLoopFuture<T>) throws -> T {
        do {
            return try answer.wait()
        } catch {
            throw PostgresFailure(error)
        }
    }

    /// Statements this connection prepared, by their text.
    private var preparedQueries: [String: PreparedQuery] = [:]

    /// The rows of `sql` as a statement prepared on this connection and planned once,
    /// generically (`plan_cache_mode`): for a statement whose planning costs more than
    /// running it (the queue's hundreds of index runs), asked again and again.
    func prepared(_ sql: String, _ arguments: [String: (any DatabaseValueConvertible)?]) throws -> [Row] {
        // The statement's description, made before any result, says "text" for every
        // column; the rows come in binary, as asked.
        try Self.wait(sendPrepared(sql, arguments)).map { try Self.row($0, binary: true) }
    }

    /// `prepared` without waiting for the answer: an import sends its lookups together.
    func sendPrepared(_ sql: String, _ arguments: [String: (any DatabaseValueConvertible)?]) throws
        -> EventLoopFuture<[PostgresRow]> {
        let (text, values) = try NamedParameters.ordered(sql, arguments)
        return try sendPrepared(text, values: values.map(Self.data))
    }

    /// Runs statement `sql` (with `$1, $2, …`), prepared the first time it is asked,
    /// on `values`, without waiting for the answer.
    func sendPrepared(_ sql: String, values: [PostgresData]) throws -> EventLoopFuture<[PostgresRow]> {
        let query: PreparedQuery
        if let known = preparedQueries[sql] {
            query = known
        } else {
            try execute("SET plan_cache_mode = force_generic_plan")
            query = try Self.wait(connection.prepare(query: sql))
            preparedQueries[sql] = query
        }
        return query.execute(values)
    }

    /// Prepares every statement afresh when next asked: a generic plan is made for the
    /// table as it is then, and one made while an import fills an empty table (scanning
    /// a whole index for a lookup, say) goes stale as the table grows.
    func replan() {
        for query in preparedQueries.values { _ = query.deallocate() }
        preparedQueries.removeAll()
    }

    private static func data(_ value: (any DatabaseValueConvertible)?) -> PostgresData {
        if let flag = value as? Bool { return PostgresData(bool: flag) }
        switch value?.databaseValue.storage ?? .null {
        case .null: return .null
        case .int64(let number): return PostgresData(int64: number)
        case .double(let number): return PostgresData(double: number)
        case .string(let text): return PostgresData(string: text)
        case .blob(let data): return PostgresData(bytes: data)
        }
    }

    /// Runs several statements without parameters (a migration, a role script) one by
    /// one, as psql runs a file.
    func script(_ sql: String) throws {
        for statement in SQLScript.statements(sql) {
            try run(PostgresQuery(unsafeSQL: statement))
        }
    }

    /// Runs `body` in one transaction: all of it lands or none of it.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try bracketed(begin: "BEGIN", end: "COMMIT", undo: "ROLLBACK", body)
    }

    /// Runs `begin`, `body` and `end`, or `undo` when `body` fails (its error is the one thrown).
    func bracketed<T>(begin: String, end: String, undo: String, _ body: () throws -> T) throws -> T {
        try execute(begin)
        do {
            let value = try body()
            try execute(end)
            return value
        } catch {
            try? execute(undo)
            throw error
        }
    }

    /// bytea as its text form gives it: `\x` and two hex digits a byte (anything else: none).
    static func hexBytes(_ text: String) -> Data {
        let digits = Array(text.utf8.dropFirst(2))
        func nibble(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        guard text.hasPrefix("\\x"), digits.count % 2 == 0 else { return Data() }
        var bytes = Data(capacity: digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return Data() }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    /// A PostgreSQL row as a GRDB row: text, numbers, booleans, bytes and JSON by column name.
    static func row(_ row: PostgresRow, binary: Bool = false) throws -> Row {
        var values: [String: DatabaseValue] = [:]
        for var cell in row {
            if binary { cell.format = .binary }
            guard var bytes = cell.bytes else {
                values[cell.columnName] = .null
                continue
            }
            switch cell.dataType {
            case .bool: values[cell.columnName] = try cell.decode(Bool.self).databaseValue
            case .int2, .int4, .int8, .oid: values[cell.columnName] = try cell.decode(Int64.self).databaseValue
            case .float4, .float8, .numeric: values[cell.columnName] = try cell.decode(Double.self).databaseValue
            case .bytea:
                values[cell.columnName] = (cell.format == .binary ? Data(bytes.readableBytesView)
                    : Self.hexBytes(String(buffer: bytes))).databaseValue
            case .jsonb:
                // jsonb's binary format starts with its version; as text it is the JSON alone.
                if cell.format == .binary { _ = bytes.readInteger(as: UInt8.self) }
                values[cell.columnName] = String(buffer: bytes).databaseValue
            default: values[cell.columnName] = try cell.decode(String.self).databaseValue
            }
        }
        return Row(values)
    }
}

extension PostgresSession: SQLRunner {
    func isUniqueViolation(_ error: any Error) -> Bool {
        (error as? PostgresFailure)?.sqlState == "23505"
    }

    var dialect: SQLDialect { .postgres }

    var byAuthor: String { "m.platform = :platform AND m.author_handle = :handle" }

    func json(_ parameter: String) -> String { parameter + "::jsonb" }

    func recoverable<T>(_ body: () throws -> T) throws -> T {
        try bracketed(begin: "SAVEPOINT recoverable", end: "RELEASE SAVEPOINT recoverable",
                      undo: "ROLLBACK TO SAVEPOINT recoverable", body)
    }
}
