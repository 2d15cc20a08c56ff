import Foundation
import Testing

/// Ten agents on ten machines, as far as the database can tell: ten `webcare act`
/// processes, each its own PostgreSQL login, replying to the same cases at once.
@Suite("PostgreSQL: ten agents racing on the same cases",
       .enabled(if: testPostgres != nil, "needs the PostgreSQL server scripts/test starts"))
struct PostgresRaceTests {
    static let agents = (1...10).map { "racer\($0)" }

    @Test("each case gets exactly one reply; the nine others are refused with who sent it, and nothing else lands")
    func race() throws {
        let team = try TeamDatabase(team: "webcare_race_team", agents: Self.agents)
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        let owner = team.uri(as: "postgres")

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
                process.arguments = ["act", number, "--as-of", "1", "--db", team.uri(as: agent),
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
