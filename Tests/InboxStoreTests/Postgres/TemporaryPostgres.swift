import Foundation
import InboxModel
@testable import InboxStore

/// A database of its own on the test server `scripts/with-postgres` started
/// (`$WEBCARE_TEST_POSTGRES`), created empty for one test and dropped when the value goes
/// away; the team's roles (`webcare_test_team`, its connector role, the agents alice, bob
/// and carol, the connector feed) are the server's and shared by every test.
final class TemporaryPostgres {
    static let serverURI = ProcessInfo.processInfo.environment["WEBCARE_TEST_POSTGRES"]
    static var available: Bool { serverURI != nil }
    static let team = "webcare_test_team"

    /// The superuser's location of this test's database (it owns the schema).
    let owner: PostgresLocation
    let name = "webcare_test_\(UUID().uuidString.prefix(8).lowercased())"

    init() throws {
        guard let uri = Self.serverURI else { throw StoreError.cannotOpen(path: "", reason: "no WEBCARE_TEST_POSTGRES: run scripts/test") }
        let server = try PostgresLocation(uri: uri, environment: [:])
        let admin = try PostgresSession(server)
        try admin.execute("CREATE DATABASE \(name)")
        try admin.script("""
            DO $$ BEGIN
                CREATE ROLE \(Self.team) NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
            DO $$ BEGIN
                CREATE ROLE \(Self.team)_connector NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
            DO $$ BEGIN
                CREATE ROLE alice LOGIN IN ROLE \(Self.team); CREATE ROLE bob LOGIN IN ROLE \(Self.team);
                CREATE ROLE carol LOGIN IN ROLE \(Self.team); CREATE ROLE feed LOGIN IN ROLE \(Self.team)_connector;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
            """)
        var owner = server
        owner.database = name
        self.owner = owner
        try PostgresInbox.initialize(owner, team: Self.team)
    }

    deinit {
        guard let uri = Self.serverURI, let server = try? PostgresLocation(uri: uri, environment: [:]),
              let admin = try? PostgresSession(server) else { return }
        try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// This database as `login` sees it.
    func location(as login: String) -> PostgresLocation {
        var location = owner
        location.user = login
        return location
    }

    /// The inbox as agent (or connector) `login`.
    func inbox(as login: String) throws -> PostgresInbox {
        try PostgresInbox(location(as: login))
    }

    /// A raw connection as `login`, for what a user could type into psql.
    func session(as login: String) throws -> PostgresSession {
        try PostgresSession(location(as: login))
    }
}
