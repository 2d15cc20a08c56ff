import Foundation
import Testing
@testable import InboxStore

@Suite("PostgreSQL locations: connection URIs as libpq reads them, passwords as libpq finds them")
struct PostgresLocationTests {
    let none: [String: String] = [:]

    func location(_ uri: String, _ environment: [String: String] = [:]) throws -> PostgresLocation {
        try PostgresLocation(uri: uri, environment: environment, loginName: "sanne")
    }

    @Test("a socket directory in ?host=, the database in the path, the login name as user")
    func socket() throws {
        let place = try location("postgresql:///webcare?host=/run/postgresql")
        #expect(place.servers == [.init(host: "/run/postgresql", port: 5432)])
        #expect(place.servers[0].socketPath == "/run/postgresql/.s.PGSQL.5432")
        #expect(place.database == "webcare")
        #expect(place.user == "sanne")
        #expect(place.sslMode == .prefer)
    }

    @Test("user, host list with ports and IPv6, percent-encoding, postgres:// too")
    func hosts() throws {
        let place = try location("postgres://agent%40team@db1.example:5433,[::1],db2/inbox%20nl?sslmode=verify-full")
        #expect(place.user == "agent@team")
        #expect(place.servers == [.init(host: "db1.example", port: 5433), .init(host: "::1", port: 5432),
                                  .init(host: "db2", port: 5432)])
        #expect(place.database == "inbox nl")
        #expect(place.sslMode == .verifyFull)
    }

    @Test("parameters override the URI's parts; the environment fills what neither gives")
    func parameters() throws {
        let place = try location("postgresql://ignored@/?user=bob&dbname=team&port=6543&host=/tmp/pg",
                                 ["PGUSER": "env", "PGDATABASE": "envdb"])
        #expect(place.user == "bob")
        #expect(place.database == "team")
        #expect(place.servers == [.init(host: "/tmp/pg", port: 6543)])
        let fromEnvironment = try location("postgresql://", ["PGUSER": "env", "PGHOST": "db", "PGPORT": "5444",
                                                              "PGSSLMODE": "require"])
        #expect(fromEnvironment.user == "env")
        #expect(fromEnvironment.database == "env")
        #expect(fromEnvironment.servers == [.init(host: "db", port: 5444)])
        #expect(fromEnvironment.sslMode == .require)
        #expect(try location("postgresql://").servers == [.init(host: "/var/run/postgresql", port: 5432)])
    }

    @Test("a password in the URI, an unknown parameter, a bad port or sslmode are refused with why")
    func refused() {
        for (uri, says) in [("postgresql://bob:secret@db/x", "~/.pgpass"), ("postgresql://db/x?password=s", "~/.pgpass"),
                            ("postgresql://db/x?sslmod=require", "unknown URI parameter \"sslmod\""),
                            ("postgresql://db:99999/x", "port \"99999\""), ("postgresql://db/x?sslmode=always", "sslmode"),
                            ("postgresql://db/x?host", "missing \"=\""), ("mysql://db/x", "not a PostgreSQL URI")] {
            #expect(throws: PostgresLocation.Problem.self) { try location(uri) }
            do { _ = try location(uri) } catch { #expect("\(error)".contains(says), "\(uri): \(error)") }
        }
    }

    @Test("the URI shown back carries no password and names the socket directory")
    func description() throws {
        #expect(try location("postgresql:///webcare?host=/run/postgresql").description
                == "postgresql://sanne@/webcare?host=/run/postgresql")
        #expect(try location("postgresql://bob@db:5433/team").description == "postgresql://bob@db:5433/team")
    }

    @Test("pgpass: first matching line wins, * matches anything, escapes, the default socket as localhost")
    func passwordFile() throws {
        let place = try location("postgresql://bob@db.example:5433/team")
        let file = """
            # comment
            other:5433:team:bob:wrong
            db.example:5433:team:alice:wrong
            db.example:*:team:bob:pa\\:ss\\\\word
            *:*:*:*:fallback
            """
        #expect(PasswordFile.match(in: file, location: place, server: place.servers[0]) == "pa:ss\\word")
        let local = try location("postgresql://bob@/team")
        #expect(PasswordFile.match(in: "localhost:5432:team:bob:local", location: local, server: local.servers[0]) == "local")
        let custom = try location("postgresql://bob@/team?host=/tmp/pg")
        #expect(PasswordFile.match(in: "localhost:5432:team:bob:local", location: custom, server: custom.servers[0]) == nil)
        #expect(PasswordFile.match(in: "/tmp/pg:5432:team:bob:path", location: custom, server: custom.servers[0]) == "path")
    }

    @Test("pgpass: PGPASSWORD first; a file others can read is not used, and the user is told")
    func passwordFileMode() throws {
        let dir = try TemporaryDirectory()
        let place = try location("postgresql://bob@db/team")
        let path = try dir.file("pgpass", "*:*:*:*:secret\n")
        chmod(path, 0o644)
        var warnings: [String] = []
        #expect(PasswordFile.password(for: place, server: place.servers[0], environment: ["PGPASSFILE": path],
                                      warning: { warnings.append($0) }) == nil)
        #expect(warnings.count == 1 && warnings[0].contains("chmod 0600"))
        chmod(path, 0o600)
        #expect(PasswordFile.password(for: place, server: place.servers[0], environment: ["PGPASSFILE": path]) == "secret")
        #expect(PasswordFile.password(for: place, server: place.servers[0],
                                      environment: ["PGPASSFILE": path, "PGPASSWORD": "env"]) == "env")
    }
}
