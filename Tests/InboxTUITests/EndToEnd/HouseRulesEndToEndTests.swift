import Foundation
import Testing

/// Each house rule in config.toml, end to end through the real binary: loaded once and
/// the same in `list`, `show`, the inbox and the store's refusals.
@Suite struct HouseRulesEndToEndTests {
    static let sample = StoreCommandTests.sample

    /// A scratch inbox with the sample, `config` as the user's config.toml (where the
    /// inbox in tmux finds it) and every mention arrived `age` seconds ago, its
    /// customer waiting since then (an import's clock runs from the posted time, two
    /// weeks before the tests run).
    static func prepare(config: String, age: Int = 0) throws -> StoreCommandTests.Scratch {
        let scratch = try StoreCommandTests.Scratch()
        #expect(try scratch.run(["import", sample + "/mentions.jsonl"]).status == 0)
        try FileManager.default.createDirectory(atPath: scratch.path + "/config/webcare", withIntermediateDirectories: true)
        try config.write(toFile: configPath(scratch), atomically: true, encoding: .utf8)
        let aged = try WebcareProcess.run([scratch.database, """
            UPDATE mention SET arrived_at = arrived_at - \(age), clock_from = arrived_at - \(age),
                clock_at = CASE WHEN clock_at IS NOT NULL THEN arrived_at - \(age) END
            """], executable: "/usr/bin/sqlite3")
        #expect(aged.status == 0)
        return scratch
    }

    static func configPath(_ scratch: StoreCommandTests.Scratch) -> String { scratch.path + "/config/webcare/config.toml" }

    /// Reaction times decide the order, the overdue glyph and count, `l overdue`, `list` and `show`.
    @Test func reactionTimesRuleEveryView() throws {
        let scratch = try Self.prepare(config: "[reaction_times]\ncomplaint = 1\n", age: 120)
        defer { scratch.remove() }
        let config = ["--config", Self.configPath(scratch)]
        let ruled = try scratch.run(["list"] + config).stdout.split(separator: "\n")
        let overdue = ruled.filter { $0.contains(" ! ") }
        // A mention the classifier is unsure of ("not sure") sorts and runs late as its
        // likely kind, here a complaint.
        #expect(!overdue.isEmpty && overdue.allSatisfy { $0.contains("complaint") || $0.contains("not sure") })
        #expect(ruled.prefix(overdue.count).allSatisfy { $0.contains(" ! ") }, "overdue mentions come first")
        let defaults = try scratch.run(["list"]).stdout.split(separator: "\n")
        #expect(!defaults.contains { $0.contains(" ! ") } && defaults.first?.contains("allegation") == true)
        let number = try #require(overdue.first?.split(separator: " ").first.map(String.init))
        #expect(try scratch.run(["show", number] + config).stdout.contains("Clock:     overdue"))
        #expect(try scratch.run(["show", number]).stdout.contains("Clock:     on-time"))
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["--db", scratch.database])
        #expect(try tmux.wait(for: "! overdue \(overdue.count)").ok)
        try tmux.send("l")
        try tmux.type("overdue")
        #expect(try tmux.press("Enter", until: "limited to: overdue"))
        let limited = try tmux.wait(for: { screen in
            screen.split(separator: "\n").dropFirst().filter { $0.hasPrefix("  ! ") }.count == overdue.count
                && !screen.contains("allegation?")
        })
        #expect(limited.ok, "\(limited.screen)")
        #expect(try tmux.press("q", until: "EXIT=0"))
    }

    @Test func directMessageReactionTimes() throws {
        let scratch = try Self.prepare(config: "[reaction_times.dm]\ncomplaint = 1\n", age: 120)
        defer { scratch.remove() }
        let lines = try scratch.run(["list", "--config", Self.configPath(scratch)]).stdout.split(separator: "\n")
        let overdue = lines.filter { $0.contains(" ! ") }
        #expect(overdue.count >= 2 && overdue.allSatisfy { $0.contains("/dm") && $0.contains("complaint") }, "\(overdue)")
    }

    /// Mentions nothing is suggested for run on the triage time.
    @Test func triageReactionTime() throws {
        let scratch = try Self.prepare(config: "[reaction_times]\ntriage = 1\n", age: 120)
        defer { scratch.remove() }
        let lines = try scratch.run(["list", "--config", Self.configPath(scratch)]).stdout.split(separator: "\n")
        let overdue = lines.filter { $0.contains(" ! ") }
        #expect(!overdue.isEmpty, "\(lines)")
        #expect(overdue.allSatisfy { !$0.contains("allegation") && !$0.contains("complaint") && !$0.contains("question") },
                "\(overdue)")
        #expect(lines.prefix(overdue.count).allSatisfy { $0.contains(" ! ") })
    }

    @Test func theCountToTenIsTheHouses() throws {
        let scratch = try Self.prepare(config: "[house]\nallegation_wait = 60\n")
        defer { scratch.remove() }
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["--db", scratch.database])
        #expect(try tmux.wait(for: "alle 11").ok)
        #expect(try tmux.press("Enter", "c", "a", until: "count to ten:"))
        let counting = try tmux.wait(for: { screen in
            guard let range = screen.range(of: "count to ten: ") else { return false }
            return Int(screen[range.upperBound...].prefix { $0.isNumber }).map { $0 > 10 } ?? false
        })
        #expect(counting.ok, "\(counting.screen)")
        #expect(try tmux.press("q", "q", until: "EXIT=0"))
    }

    /// Under X's current rules the composer counts to 280 and the store sends what fits.
    @Test func twitterRulesInComposerAndStore() throws {
        let scratch = try Self.prepare(config: "[house]\ntwitter_rules = \"v3\"\n")
        defer { scratch.remove() }
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["--db", scratch.database])
        #expect(try tmux.wait(for: "alle 11").ok)
        try tmux.send("l")
        try tmux.type("kind:complaint")
        #expect(try tmux.press("Enter", until: "limited to: kind:complaint"))
        #expect(try tmux.press("Enter", "c", "c", "r", until: "/280"))
        try tmux.type(" Monteurs zijn onderweg naar de kast in jouw straat; we houden je hier op de hoogte van elke stap.")
        // More than 140 counted, within 280: a reply the v1 rule would refuse.
        let long = try tmux.wait(for: { screen in
            guard let range = screen.range(of: "/280") else { return false }
            let count = Int(String(screen[..<range.lowerBound].reversed().prefix { $0.isNumber }.reversed())) ?? 0
            return count > 140 && count <= 280
        })
        #expect(long.ok, "\(long.screen)")
        #expect(try tmux.press("Enter", "y", until: "sent; it is in the outbox"))
        let outbox = try WebcareProcess.run(["outbox", "--db", scratch.database, "--json"])
        #expect(outbox.stdout.contains("Monteurs zijn onderweg"))
        #expect(try tmux.press("q", "q", until: "EXIT=0"))
    }

    @Test func styleSignatureDepartmentsAndKeys() throws {
        let scratch = try Self.prepare(config: """
            [house]
            style = "en"
            signature = "^Mir"
            departments = ["Billing", "Netwerk"]
            [keys.queue]
            x = "tag"
            """)
        defer { scratch.remove() }
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["--db", scratch.database])
        #expect(try tmux.wait(for: "alle 11").ok)
        #expect(try tmux.press("t", until: "t does nothing here"))
        try tmux.send("x")
        #expect(try tmux.wait(for: { $0.split(separator: "\n").contains { $0.hasPrefix("* ") } }).ok, "x tags")
        try tmux.send("l")
        try tmux.type("kind:complaint")
        #expect(try tmux.press("Enter", until: "limited to: kind:complaint"))
        #expect(try tmux.press("Enter", "c", "c", "r", until: "Hi "))
        #expect(try tmux.wait(for: "^Mir").ok)
        #expect(try !tmux.screen().contains("^^Mir"))
        #expect(try tmux.press("Escape", "h", until: "2  Netwerk"))
        #expect(try tmux.press("2", until: "hand-off recorded"))
        #expect(try tmux.press("q", "q", until: "EXIT=0"))
    }
}
