import Foundation
import Testing

/// The server `scripts/with-postgres` started, as a URI for its superuser.
private let testServer = ProcessInfo.processInfo.environment["WEBCARE_TEST_POSTGRES"]

/// Ten agents on ten machines, as far as the database can tell: ten `webcare act`
/// processes, each its own PostgreSQL login, replying to the same cases at once.
@Suite("PostgreSQL: ten agents racing on the same cases",
       .enabled(if: testServer != nil, "needs the PostgreSQL server scripts/test starts"))
struct PostgresRaceTests {
    static let server = testServer
    static let agents = (1...10).map { "racer\($0)" }

    /// psql as the server's superuser, on `database`.
    static func psql(_ sql: String, database: String = "postgres") throws -> WebcareProcess.Outcome {
        let uri = server!.replacingOccurrences(of: "@/postgres?", with: "@/\(database)?")
        return try WebcareProcess.run(["-X", "-q", "-v", "ON_ERROR_STOP=1", uri, "-c", sql], executable: "/usr/bin/psql")
    }

    @Test("each case gets exactly one reply; the nine others are refused with who sent it, and nothing else lands")
    func race() throws {
        let name = "webcare_race_\(UUID().uuidString.prefix(8).lowercased())"
        let scratch = try StoreCommandTests.Scratch()
        defer {
            scratch.remove()
            _ = try? Self.psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
        #expect(try Self.psql("CREATE DATABASE \(name)").status == 0)
        let socket = String(Self.server!.split(separator: "host=").last!)
        let owner = "postgresql://postgres@/\(name)?host=\(socket)"
        #expect(try WebcareProcess.run(["init", "--postgres", owner, "--team", "webcare_race_team"]).status == 0)
        let roles = Self.agents.map { "CREATE ROLE \($0) LOGIN IN ROLE webcare_race_team;" }.joined(separator: " ")
        _ = try Self.psql("DO $$ BEGIN \(roles) EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")

        let lines = try String(contentsOfFile: StoreCommandTests.sample + "/mentions.jsonl", encoding: .utf8)
            .split(separator: "\n").prefix(3).joined(separator: "\n") + "\n"
        #expect(try scratch.run(["import", "-"], stdin: lines).status == 0)
        for number in ["1", "2", "3"] {
            #expect(try scratch.run(["act", number, "classify", "question"]).status == 0)
        }
        let moved = try WebcareProcess.run(["migrate", "--from", scratch.database, "--to", owner])
        let eventCounts = moved.stdout.split(separator: "\n").first { $0.hasPrefix("flow_event") }?.split(separator: " ")
        #expect(moved.status == 0 && eventCounts == ["flow_event", "3", "3"], "\(moved.stdout)")

        for number in ["1", "2", "3"] {
            let processes = try Self.agents.map { agent -> (String, Process, Pipe) in
                let process = Process(), errors = Pipe()
                process.executableURL = WebcareProcess.binary
                process.arguments = ["act", number, "--as-of", "1", "--db", "postgresql://\(agent)@/\(name)?host=\(socket)",
                                     "reply", "Hoi, we kijken ernaar. ^\(agent)"]
                process.environment = ProcessInfo.processInfo.environment.merging(WebcareProcess.isolated) { $1 }
                process.standardOutput = FileHandle.nullDevice
                process.standardError = errors
                try process.run()
                return (agent, process, errors)
            }
            var winners: [String] = [], refusals: [String] = []
            for (agent, process, errors) in processes {
                let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                if process.terminationStatus == 0 { winners.append(agent) } else { refusals.append(stderr) }
            }
            #expect(winners.count == 1, "case \(number): \(winners)")
            #expect(refusals.count == 9)
            for refusal in refusals {
                #expect(refusal.contains("the case changed while you were working on it: \(winners.first ?? "?") did send"),
                        "\(refusal)")
            }
            let shown = try WebcareProcess.run(["show", number, "--json", "--db", owner])
            let history = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])["history"]
                as? [[String: Any]]
            #expect(history?.compactMap { $0["name"] as? String } == ["classify", "send"])
            #expect(history?.last?["agent"] as? String == winners.first)
        }
        let outbox = try WebcareProcess.run(["outbox", "--db", owner])
        #expect(outbox.stdout.split(separator: "\n").count == 3, "\(outbox.stdout)")
    }
}
