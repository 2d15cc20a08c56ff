import Foundation

/// The password for a PostgreSQL login, found as libpq finds it: `$PGPASSWORD`, else the
/// first matching line of `$PGPASSFILE` or `~/.pgpass`
/// (`hostname:port:database:username:password`, `*` matching anything, `\:` and `\\`
/// escaped). Like libpq, a password file others can read is not used: it says so instead.
public enum PasswordFile {
    /// The password for `user` on `server`/`database`, or nil when none is set (peer or
    /// trust authentication, certificates). `warning` hears why a file was not used.
    public static func password(for location: PostgresLocation, server: PostgresLocation.Server,
                                environment: [String: String] = ProcessInfo.processInfo.environment,
                                warning: (String) -> Void = { _ in }) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let path = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        if status.st_mode & 0o077 != 0 {
            warning("\(path) can be read by others (mode \(String(status.st_mode & 0o777, radix: 8))): not used; chmod 0600 it")
            return nil
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return match(in: text, location: location, server: server)
    }

    /// The password of the first line of a pgpass file matching the connection.
    static func match(in text: String, location: PostgresLocation, server: PostgresLocation.Server) -> String? {
        // libpq matches a socket in its default directory as "localhost"; any other socket
        // directory by its path.
        let hostNames = server.isSocket && server.host == PostgresLocation.defaultSocketDirectory
            ? [server.host, "localhost"] : [server.host]
        let wanted = [hostNames, [String(server.port)], [location.database], [location.user]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let fields = self.fields(line)
            guard fields.count == 5 else { continue }
            let matches = zip(fields.prefix(4), wanted).allSatisfy { field, values in
                field == "*" || values.contains(field)
            }
            if matches { return fields[4] }
        }
        return nil
    }

    /// A line split at its unescaped colons, escapes removed.
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line where character != "\r" {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
