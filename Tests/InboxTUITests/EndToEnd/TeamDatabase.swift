import Foundation

/// The server `scripts/with-postgres` started, as a URI for its superuser; nil when the
/// tests run without one (the PostgreSQL suites are then skipped, and say so).
let testPostgres = ProcessInfo.processInfo.environment["WEBCARE_TEST_POSTGRES"]

/// A team's PostgreSQL inbox for one end-to-end test, made as a team would make it: an
/// empty database, `webcare init --postgres --team`, a login role per agent; dropped when
/// the test is done, also when it fails.
final class TeamDatabase {
    let name = "webcare_e2e_\(UUID().uuidString.prefix(8).lowercased())"
    let socketDirectory: String

    init(team: String, agents: [String]) throws {
        guard let server = testPostgres else { throw POSIXError(.ENOENT) }
        socketDirectory = String(server.split(separator: "host=").last!)
        _ = try Self.psql("CREATE DATABASE \(name)")
        let made = try WebcareProcess.run(["init", "--postgres", uri(as: "postgres"), "--team", team])
        guard made.status == 0 else { throw POSIXError(.EIO) }
        let roles = agents.map { "CREATE ROLE \($0) LOGIN IN ROLE \(team);" }.joined(separator: " ")
        _ = try Self.psql("DO $$ BEGIN \(roles) EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
    }

    deinit {
        _ = try? Self.psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// The database as `login` reaches it.
    func uri(as login: String) -> String {
        "postgresql://\(login)@/\(name)?host=\(socketDirectory)"
    }

    /// psql as the server's superuser on its `postgres` database.
    static func psql(_ sql: String) throws -> WebcareProcess.Outcome {
        try WebcareProcess.run(["-X", "-q", "-v", "ON_ERROR_STOP=1", testPostgres!, "-c", sql], executable: "/usr/bin/psql")
    }
}
