import Foundation
import InboxModel
import InboxStore
import Testing

/// The database commands driven through the real binary on a real database file:
/// what scripts and connectors see, and what a crash leaves behind.
@Suite struct StoreCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sample = repository.appendingPathComponent("sample-data").path

    /// A directory for one test's database and files.
    struct Scratch {
        let path = NSTemporaryDirectory() + "webcare-cli-\(UUID().uuidString)"
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        var database: String { path + "/inbox.sqlite" }
        func run(_ arguments: [String], stdin: String = "") throws -> WebcareProcess.Outcome {
            try WebcareProcess.run(arguments + ["--db", database], stdin: stdin)
        }
        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test func importSummaryAndExitStatus() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let clean = try scratch.run(["import", Self.sample + "/mentions.jsonl"])
        #expect(clean.status == 0)
        #expect(clean.stdout == "\(Self.sample)/mentions.jsonl: 75 read: 75 imported (7 joined their case), 0 duplicates, 0 skipped, 0 rejected\n")
        let again = try scratch.run(["import", Self.sample + "/mentions.jsonl"])
        #expect(again.stdout.contains("0 imported, 75 duplicates"))
        let hostile = try scratch.run(["import", Self.sample + "/hostile.jsonl"])
        #expect(hostile.status == 1)
        #expect(hostile.stderr.contains("\(Self.sample)/hostile.jsonl:5: author.followers: expected a number, found a string\n"))
        #expect(!hostile.stderr.contains("\u{1B}"))
        let missing = try scratch.run(["import", Self.sample + "/nope.jsonl"])
        #expect(missing.status == 2 && missing.stderr.contains("nope.jsonl: No such file or directory"))
        let badMap = try scratch.run(["import", "--map", "Foo=bar", "-"])
        #expect(badMap.status == 2 && badMap.stderr.contains("'bar' is not a field"))
    }

    @Test func strictWritesNothingFromABadFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try scratch.run(["import", "--strict", Self.sample + "/hostile.jsonl"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("0 imported") && result.stdout.contains("14 rejected"))
        #expect(try Inbox(path: scratch.database).mentionCount() == 0)
    }

    @Test func pipedMentionsAreVisibleWithinASecond() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.run(["init"])
        let process = Process()
        process.executableURL = WebcareProcess.binary
        process.arguments = ["import", "-", "--db", scratch.database]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = Pipe()
        try process.run()
        let inbox = try Inbox(path: scratch.database)
        let line = #"{"platform":"twitter","id":"live-1","author":{"handle":"a"},"text":"@NetVia storing?","postedAt":"2026-11-16T08:00:00Z"}"#
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
        // Visible while the import still waits for more input: it committed the line
        // as it came, not at the end. How fast is for the benchmarks.
        let deadline = Date().addingTimeInterval(30)
        var seen = false
        while Date() < deadline {
            if try inbox.mentionCount() == 1 { seen = true; break }
            usleep(20_000)
        }
        #expect(seen, "the piped mention did not show while the pipe stayed open")
        #expect(process.isRunning, "the import should still be waiting for more input")
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func killedImportLeavesAConsistentDatabaseAndARerunCompletesIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // 40,000 mentions: long enough to kill in the middle, even in a release build.
        let file = scratch.path + "/many.jsonl"
        var lines = ""
        for i in 0..<40_000 {
            lines += #"{"platform":"twitter","id":"k\#(i)","author":{"handle":"u\#(i % 997)","followers":\#(i)},"text":"@NetVia al \#(i % 9) dagen geen internet","postedAt":"2026-11-16T08:00:00Z"}"# + "\n"
        }
        try lines.write(toFile: file, atomically: true, encoding: .utf8)
        _ = try scratch.run(["init"])
        let process = Process()
        process.executableURL = WebcareProcess.binary
        process.arguments = ["import", file, "--db", scratch.database]
        process.standardOutput = Pipe()
        try process.run()
        let inbox = try Inbox(path: scratch.database)
        while try inbox.mentionCount() == 0 && process.isRunning { usleep(5_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = try inbox.mentionCount()
        #expect(partial > 0)
        let rerun = try scratch.run(["import", file])
        #expect(rerun.status == 0)
        #expect(rerun.stdout.contains("\(40_000 - partial) imported, \(partial) duplicates"))
        #expect(try inbox.mentionCount() == 40_000)
        let check = try scratch.run(["list", "--json", "--limit", "1"])
        #expect(check.status == 0 && check.stdout.hasPrefix("{"))
    }

    @Test func listShowAndOutboxForScripts() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.run(["import", Self.sample + "/mentions.jsonl"])
        let list = try scratch.run(["list", "--json", "--limit", "5"])
        let rows = try list.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0["suggestedKind"] as? String == "allegation" })
        for field in ["number", "key", "platform", "channel", "id", "author", "text", "postedAt", "arrivedAt",
                      "suggestedKind", "suggestedWords", "confirmedKind", "phase", "step", "outcome", "lastSeq", "clock", "holder"] {
            #expect(rows[0].keys.contains(field), "list --json lacks \(field)")
        }
        // An agent answers a question through the store; scripts see it in show and outbox.
        let inbox = try Inbox(path: scratch.database, agent: "alice")
        let question = try inbox.mention("twitter:tw-1001")
        try inbox.append(.classify(.question), to: question.number, seenSeq: 0)
        let reply = Reply(text: "Hoi Peter, houd de resetknop 10 seconden ingedrukt; je instellingen blijven. ^Lotte",
                          channel: .twitter, moves: [.answer])
        try inbox.append(.send(reply), to: question.number, seenSeq: 1)
        let show = try scratch.run(["show", "tw-1001", "--json"])
        let shown = try #require(JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(shown["confirmedKind"] as? String == "question" && shown["step"] as? String == "question/answered")
        let history = try #require(shown["history"] as? [[String: Any]])
        #expect(history.map { $0["name"] as? String } == ["classify", "send"])
        #expect(history.map { $0["agent"] as? String } == ["alice", "alice"])
        let human = try scratch.run(["show", "twitter:tw-1001"])
        #expect(human.stdout.contains("Confirmed: question"))
        #expect(human.stdout.contains(" alice: classify question\n"))
        #expect(human.stdout.contains(" alice: send (twitter) \(reply.text)\n"))
        let outbox = try scratch.run(["outbox", "--json"])
        let entry = try #require(JSONSerialization.jsonObject(with: Data(outbox.stdout.utf8)) as? [String: Any])
        #expect(entry["text"] as? String == reply.text && entry["inReplyTo"] as? String == "tw-1001")
        #expect(entry["to"] as? String == "pjansen" && entry["action"] as? String == "reply")
        let id = try #require(entry["id"] as? Int)
        #expect(try scratch.run(["outbox", "ack", "\(id)"]).status == 0)
        #expect(try scratch.run(["outbox", "--json"]).stdout.isEmpty)
        let twice = try scratch.run(["outbox", "ack", "\(id)"])
        #expect(twice.status == 1 && twice.stderr.contains("already delivered"))
        let unknown = try scratch.run(["show", "nope"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no mention nope"))
    }

    @Test func replayStampsArrivalWithTheReplayClock() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Two mentions posted 20 s apart, replayed 40 times faster: 0.5 s apart.
        let file = scratch.path + "/two.jsonl"
        try """
            {"platform":"twitter","id":"r1","author":{"handle":"a"},"text":"hoi","postedAt":"2026-11-16T08:00:00Z"}
            {"platform":"twitter","id":"r2","author":{"handle":"b"},"text":"hoi","postedAt":"2026-11-16T08:00:20Z"}

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let started = Date()
        let result = try scratch.run(["replay", file, "--speed", "40"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let inbox = try Inbox(path: scratch.database)
        let first = try inbox.mention("r1"), second = try inbox.mention("r2")
        let gap = second.arrivedAt.timeIntervalSince(first.arrivedAt)
        // A replay sleeps until a mention is due and never wakes early: at least the
        // 0.5 s the speed gives, whatever else the machine is doing (no upper bound).
        #expect(gap >= 0.49, "arrivals \(gap) s apart")
        #expect(first.mention.postedAt == Date(timeIntervalSince1970: 1_794_816_000))
        #expect(first.arrivedAt >= started.addingTimeInterval(-1), "arrival is stamped with the replay's clock, not the post's")
        let bad = try scratch.run(["replay", file, "--speed", "0"])
        #expect(bad.status == 2)
    }

    @Test func outboxFollowPrintsWhatAgentsSendAsTheySendIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.run(["import", Self.sample + "/mentions.jsonl"])
        let process = Process()
        process.executableURL = WebcareProcess.binary
        process.arguments = ["outbox", "--follow", "--json", "--db", scratch.database]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let received = LockedData()
        output.fileHandleForReading.readabilityHandler = { received.append($0.availableData) }
        try process.run()
        // SIGKILL: a child of the test runner may inherit a blocked SIGTERM.
        defer { kill(process.processIdentifier, SIGKILL) }
        usleep(300_000)
        let inbox = try Inbox(path: scratch.database, agent: "bob")
        let fan = try inbox.mention("twitter:tw-1001")
        try inbox.append(.classify(.question), to: fan.number, seenSeq: 0)
        let reply = Reply(text: "Hoi Peter, houd de resetknop 10 seconden ingedrukt. ^Bob", channel: .twitter, moves: [.answer])
        try inbox.append(.send(reply), to: fan.number, seenSeq: 1)
        let deadline = Date().addingTimeInterval(30)
        while !received.value.contains(0x0A), Date() < deadline { usleep(10_000) }
        output.fileHandleForReading.readabilityHandler = nil
        let entry = try #require(JSONSerialization.jsonObject(with: received.value) as? [String: Any],
                                 "printed: \(String(decoding: received.value, as: UTF8.self))")
        #expect(entry["text"] as? String == reply.text && entry["agent"] as? String == "bob")
    }

    @Test func replayLoopBringsTheFileBackAsNewMentions() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let process = Process()
        process.executableURL = WebcareProcess.binary
        process.arguments = ["replay", Self.sample + "/mentions.jsonl", "--speed", "max", "--loop", "--db", scratch.database]
        process.standardOutput = Pipe()
        try process.run()
        let inbox = try Inbox(path: scratch.database)
        let start = Date()
        while try inbox.mentionCount() < 3 * 75, Date().timeIntervalSince(start) < 20 { usleep(50_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try inbox.mentionCount() >= 3 * 75)
        let third = try inbox.mention("twitter:tw-1004~3").mention
        #expect(third.conversationID == "tw-1003~3")
        #expect(third.text == (try inbox.mention("twitter:tw-1004").mention.text))
    }
}

/// Bytes gathered from a pipe's handler thread.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) {
        lock.lock()
        data.append(more)
        lock.unlock()
    }

    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
