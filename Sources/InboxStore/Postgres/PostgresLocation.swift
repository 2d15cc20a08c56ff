import Foundation

/// Where a PostgreSQL inbox is, read from a connection URI as libpq reads it
/// (`postgresql://[user@][host][:port][,host[:port]…][/dbname][?param=value&…]`, also
/// `postgres://`): host names or a socket directory (`?host=/run/postgresql`), port,
/// database, `user=`, `sslmode=`, `sslrootcert=`, `application_name=`. What the URI leaves
/// out comes from libpq's environment (PGHOST, PGPORT, PGDATABASE, PGUSER, PGSSLMODE),
/// then libpq's defaults (Debian's socket directory, port 5432, the login name).
///
/// A password is never taken from the URI: `--db` lands in shell histories and in `ps`
/// for every user of the box. It comes from `~/.pgpass` (or `$PGPASSFILE`) or
/// `$PGPASSWORD`, as for psql.
public struct PostgresLocation: Equatable, Sendable, CustomStringConvertible {
    /// One server to try: a host name or address, or a socket directory (starts with `/`).
    public struct Server: Equatable, Sendable {
        public var host: String
        public var port: Int
        public var isSocket: Bool { host.hasPrefix("/") }
        /// The socket file libpq connects to in a socket directory.
        public var socketPath: String { host + "/.s.PGSQL.\(port)" }
    }

    /// libpq's sslmode: how much of TLS a connection insists on.
    public enum SSLMode: String, Equatable, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// Tried in order until one answers, as libpq does with a host list.
    public var servers: [Server]
    public var user: String
    public var database: String
    public var sslMode: SSLMode
    /// The CA certificates a verify-ca/verify-full connection trusts (libpq's
    /// `~/.postgresql/root.crt` when not given).
    public var sslRootCert: String?
    public var applicationName: String

    /// Debian's compiled-in socket directory, where libpq looks without a host.
    public static let defaultSocketDirectory = "/var/run/postgresql"

    /// True for what names a PostgreSQL server rather than an SQLite file.
    public static func isURI(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// What is wrong with a connection URI, said so the user can fix it.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    public init(uri: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                loginName: String = AgentIdentity.current) throws {
        guard let schemeEnd = uri.range(of: "://"), Self.isURI(uri) else {
            throw Problem(description: "not a PostgreSQL URI (postgresql://…)")
        }
        var rest = Substring(uri[schemeEnd.upperBound...])
        var parameters: [String: String] = [:]
        if let query = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: query)...].split(separator: "&", omittingEmptySubsequences: true) {
                guard let equals = pair.firstIndex(of: "=") else {
                    throw Problem(description: "missing \"=\" after \"\(pair)\" in the URI's parameters")
                }
                let key = try Self.decoded(pair[..<equals])
                guard Self.parameters.contains(key) else {
                    throw Problem(description: "unknown URI parameter \"\(key)\" (known: \(Self.parameters.sorted().joined(separator: ", ")))")
                }
                parameters[key] = try Self.decoded(pair[pair.index(after: equals)...])
            }
            rest = rest[..<query]
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var uriUser: String?
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            if userInfo.contains(":") {
                throw Problem(description: "a password in the URI would be seen in shell histories and ps: "
                              + "put it in ~/.pgpass (mode 0600) or $PGPASSWORD")
            }
            uriUser = try Self.decoded(userInfo)
            rest = rest[rest.index(after: at)...]
        }
        if parameters["password"] != nil {
            throw Problem(description: "a password in the URI would be seen in shell histories and ps: "
                          + "put it in ~/.pgpass (mode 0600) or $PGPASSWORD")
        }
        let defaultPort = try Self.port(parameters["port"] ?? environment["PGPORT"] ?? "5432")
        var servers: [Server] = []
        if let host = parameters["host"] ?? (rest.isEmpty ? environment["PGHOST"] : nil) {
            servers = host.split(separator: ",").map { Server(host: String($0), port: defaultPort) }
        } else {
            servers = try rest.split(separator: ",").map { try Self.server($0, defaultPort: defaultPort) }
        }
        if servers.isEmpty { servers = [Server(host: Self.defaultSocketDirectory, port: defaultPort)] }
        self.servers = servers
        user = parameters["user"] ?? uriUser ?? environment["PGUSER"] ?? loginName
        let name = try Self.decoded(path)
        database = parameters["dbname"] ?? (name.isEmpty ? nil : name) ?? environment["PGDATABASE"] ?? user
        let mode = parameters["sslmode"] ?? environment["PGSSLMODE"] ?? SSLMode.prefer.rawValue
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw Problem(description: "sslmode \"\(mode)\" is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.sslMode = sslMode
        sslRootCert = parameters["sslrootcert"] ?? environment["PGSSLROOTCERT"]
        applicationName = parameters["application_name"] ?? "webcare"
    }

    /// The parameters webcare reads; libpq refuses others, and so do we rather than
    /// ignoring a setting the user relies on.
    static let parameters: Set<String> = ["host", "port", "dbname", "user", "password", "sslmode", "sslrootcert",
                                          "application_name", "connect_timeout"]

    private static func server(_ text: Substring, defaultPort: Int) throws -> Server {
        // [::1]:5433, host:5433, host, :5433
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw Problem(description: "unclosed [ in host \"\(text)\"") }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...]
            return Server(host: host, port: after.hasPrefix(":") ? try port(String(after.dropFirst())) : defaultPort)
        }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let host = try decoded(parts[0])
        return Server(host: host.isEmpty ? defaultSocketDirectory : host,
                      port: parts.count == 2 ? try port(String(parts[1])) : defaultPort)
    }

    private static func port(_ text: String) throws -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw Problem(description: "port \"\(text)\" is not a number from 1 to 65535")
        }
        return port
    }

    private static func decoded(_ text: Substring) throws -> String {
        guard let decoded = String(text).removingPercentEncoding else {
            throw Problem(description: "invalid percent-encoding in \"\(text)\"")
        }
        return decoded
    }

    /// The database and its server in few words, for a status line: "webcare on db1", or
    /// "webcare on PostgreSQL" through a local socket.
    public var label: String {
        guard let server = servers.first, !server.isSocket else { return "\(database) on PostgreSQL" }
        return "\(database) on \(server.host)"
    }

    /// The location as a URI again, without a password: for messages and `init`'s hints.
    public var description: String {
        let hosts = servers.map { $0.isSocket ? "" : ($0.host.contains(":") ? "[\($0.host)]" : $0.host) + ":\($0.port)" }
        let sockets = servers.filter(\.isSocket)
        var uri = "postgresql://\(user)@\(hosts.filter { !$0.isEmpty }.joined(separator: ","))/\(database)"
        if let socket = sockets.first { uri += "?host=\(socket.host)" + (socket.port == 5432 ? "" : "&port=\(socket.port)") }
        return uri
    }
}
