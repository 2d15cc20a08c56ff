import Foundation
import InboxModel
import InboxStore
import Testing

/// `webcare report` through the real binary on a real database file: the figures scripts
/// read, the interface's errors, and names from the data never reaching a terminal raw.
@Suite struct ReportCommandTests {
    /// An agent login with a right-to-left override and an escape in it.
    static let hostileAgent = "eve\u{202E}\u{1B}[2Jx"

    /// One question posted Monday 16 November 2026 at 08:00 UTC, classified at 08:10 and
    /// answered at 08:40 by the hostile agent; a complaint nobody answered.
    static func scratch() throws -> StoreCommandTests.Scratch {
        let scratch = try StoreCommandTests.Scratch()
        let lines = [
            #"{"platform":"twitter","channel":"mention","id":"1","author":{"handle":"anna","name":"Anna","followers":10},"text":"Hoe reset ik mijn modem?","postedAt":"2026-11-16T08:00:00Z"}"#,
            #"{"platform":"facebook","channel":"comment","id":"2","author":{"handle":"bram","name":"Bram","followers":10},"text":"Factuur klopt niet","postedAt":"2026-11-16T09:00:00Z"}"#,
        ]
        let file = scratch.path + "/mentions.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try scratch.run(["import", file]).status == 0)
        let inbox = try Inbox(path: scratch.database, agent: hostileAgent)
        let monday = Date(timeIntervalSince1970: 1_794_787_200)
        let question = try inbox.mention("twitter:1")
        try inbox.append(.classify(.question), to: question.number, seenSeq: 0, at: monday.addingTimeInterval(8 * 3600 + 600))
        try inbox.append(.send(Reply(text: "Dat kan in de app onder Instellingen.", channel: .twitter, moves: [.answer])),
                         to: question.number, seenSeq: 1, at: monday.addingTimeInterval(8 * 3600 + 2400))
        return scratch
    }

    static let utc = ["TZ": "UTC"]

    @Test func jsonCarriesTheFiguresInOneLine() throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        let result = try WebcareProcess.run(["report", "--from", "2026-11-16", "--to", "2026-11-16", "--json",
                                             "--db", scratch.database], environment: Self.utc)
        #expect(result.status == 0)
        #expect(result.stdout.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        #expect(object["mentions"] as? Int == 2 && object["cases"] as? Int == 2 && object["replied"] as? Int == 1)
        #expect(object["from"] as? String == "2026-11-16T00:00:00Z" && object["to"] as? String == "2026-11-17T00:00:00Z")
        let first = try #require(object["firstResponse"] as? [String: Int])
        #expect(first == ["count": 1, "median": 2400, "p90": 2400])
        let agents = try #require(object["agents"] as? [[String: Any]])
        #expect(agents.count == 1 && agents[0]["agent"] as? String == Self.hostileAgent)
        #expect(!result.stdout.contains("\u{202E}") && !result.stdout.contains("\u{1B}"))
    }

    @Test func textAndCSVShowNamesInert() throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        let period = ["report", "--from", "2026-11-16", "--to", "2026-11-16", "--by", "agent", "--db", scratch.database]
        let text = try WebcareProcess.run(period, environment: Self.utc.merging(["LC_ALL": "C"]) { $1 })
        #expect(text.status == 0)
        #expect(text.stdout.contains("In: 2 mentions, 2 cases"))
        #expect(text.stdout.contains("Cases: 1 replied"))
        #expect(!text.stdout.contains { "█▏▎▍▌▋▊▉░▒▓·".contains($0) }, "a C locale gets ASCII bars")
        #expect(text.stdout.contains("\(Self.hostileAgent.unicodeScalars.first!)ve⟨U+202E⟩␛[2Jx"))
        let csv = try WebcareProcess.run(period + ["--csv"], environment: Self.utc)
        #expect(csv.status == 0)
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first == "by,key,cases,replied,first_response_median_s,first_response_p90_s,within_deadline")
        #expect(rows.count == 3 && rows.contains("agent,(no reply),1,0,,,0.0000"))
        for output in [text.stdout, csv.stdout] {
            #expect(!output.contains("\u{202E}") && !output.contains("\u{1B}"))
        }
    }

    @Test func badDaysAreRefusedWithWhatIsWrong() throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        let month = try scratch.run(["report", "--from", "2026-13-01"])
        #expect(month.status == 2 && month.stderr.contains("--from: expected a day as YYYY-MM-DD, got '2026-13-01'"))
        let order = try scratch.run(["report", "--from", "2026-11-20", "--to", "2026-11-10"])
        #expect(order.status == 2 && order.stderr.contains("--from 2026-11-20 is after --to 2026-11-10"))
        let both = try scratch.run(["report", "--json", "--csv"])
        #expect(both.status == 2 && both.stderr.contains("choose one"))
    }
}
