import Foundation
import Testing

/// `webcare classifier train|report|explain` through the real binary on a real database.
@Suite struct ClassifierCommandTests {
    /// A team's export in its own words: sentiment labels, an id column, one escape.
    static let export = """
        tweet_id,airline_sentiment,text
        1,negative,@SkyWings flight delayed 4 hours
        2,neutral,Just landed in Oslo with @SkyWings
        3,positive,@SkyWings thanks for the lovely crew
        4,negative,"@SkyWings lost my bag \u{1B}[2J again"
        """

    @Test func reportsPerKindWithATeamsMapping() throws {
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        let file = scratch.path + "/export.csv"
        try Self.export.write(toFile: file, atomically: true, encoding: .utf8)
        let mapping = ["--label-column", "airline_sentiment", "--map", "negative=complaint|negative|allegation,neutral=none"]
        let report = try scratch.run(["classifier", "report", file, "--mistakes"] + mapping)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.hasPrefix("4 labelled mentions: 4 right (100%)"))
        #expect(report.stdout.contains("complaint"))
        let json = try scratch.run(["classifier", "report", file, "--json"] + mapping)
        let figures = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(figures?["total"] as? Int == 4 && figures?["correct"] as? Int == 4)
        // Without the mapping the team's labels are refused, with the line and the fix.
        let refused = try scratch.run(["classifier", "report", file, "--label-column", "airline_sentiment"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("export.csv:3: airline_sentiment: 'neutral' is not a kind"))
        #expect(refused.stderr.contains("--map neutral=KIND"))
    }

    @Test func trainingTeachesTheSharedModelAndExplainSaysSo() throws {
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        let cold = try scratch.run(["classifier", "explain", "@SkyWings flight delayed"])
        #expect(cold.status == 0 && cold.stdout.contains("Suggested:   complaint"))
        #expect(cold.stdout.contains("Lists:       \"delayed\"") && cold.stdout.contains("0 confirmations"))
        let file = scratch.path + "/team.jsonl"
        let lines = (0..<300).map { index in
            index % 2 == 0 ? #"{"text": "@SkyWings flight delayed again", "label": "question", "language": "en"}"#
                : #"{"text": "@SkyWings lovely crew, thanks", "label": "positive", "language": "en"}"#
        }
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let trained = try scratch.run(["classifier", "train", file])
        #expect(trained.status == 0 && trained.stdout.contains("learned 300 of 300"))
        let taught = try scratch.run(["classifier", "explain", "@SkyWings flight delayed"])
        #expect(taught.stdout.contains("Suggested:   question") && taught.stdout.contains("300 confirmations in English"))
        #expect(taught.stdout.contains("leaning on") && taught.stdout.contains("\"delayed\""))
    }

    @Test func hostileTextStaysInertAndBadFilesSayWhere() throws {
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        let explained = try scratch.run(["classifier", "explain", "@NetVia scam \u{1B}[31m\u{202E}oplichters"])
        #expect(explained.status == 0 && !explained.stdout.contains("\u{1B}") && !explained.stdout.contains("\u{202E}"))
        let file = scratch.path + "/bad.jsonl"
        try "{\"text\": \"a\", \"label\": \"question\"}\n{\"text\": 1".write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try scratch.run(["classifier", "train", file])
        #expect(bad.status == 1 && bad.stderr.contains("bad.jsonl:2: record: not a JSON object"))
        let missing = try scratch.run(["classifier", "report", scratch.path + "/none.csv"])
        #expect(missing.status == 1 && missing.stderr.contains("cannot read it"))
        let usage = try scratch.run(["classifier", "report", file, "--only", "split"])
        #expect(usage.status == 2)
    }
}
