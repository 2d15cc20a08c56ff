import Foundation
import InboxModel
import Testing
@testable import InboxStore

/// Which engine a parameterized store test runs on.
enum Engine: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

/// A database on one engine holding `mentions`, opened once per agent. On PostgreSQL the
/// mentions are written to SQLite and moved over (`DatabaseMove`), and each agent is
/// their own login.
final class EngineFixture {
    let directory: TemporaryDirectory
    let postgres: TemporaryPostgres?
    let numbers: [Int64]
    private var opened: [String: any InboxDatabase] = [:]
    let engine: Engine

    init(_ engine: Engine, mentions: [Mention]) throws {
        self.engine = engine
        directory = try TemporaryDirectory()
        let seed = try Inbox(path: directory.database, agent: "alice")
        numbers = try seed.add(mentions)
        if engine == .postgres {
            let postgres = try TemporaryPostgres()
            let counts = try DatabaseMove.move(from: seed, to: postgres.owner)
            guard counts.agree else { throw StoreError.corrupt(column: "move", value: "\(counts)") }
            self.postgres = postgres
        } else {
            postgres = nil
        }
    }

    /// The inbox as `agent` sees it.
    func inbox(_ agent: String) throws -> any InboxDatabase {
        if let inbox = opened[agent] { return inbox }
        let inbox: any InboxDatabase = try postgres.map { try $0.inbox(as: agent) }
            ?? Inbox(path: directory.database, agent: agent)
        opened[agent] = inbox
        return inbox
    }
}

@Suite("The store on both engines: the same log, guard, claims and outbox on SQLite and PostgreSQL",
       .enabled(if: TemporaryPostgres.available, "needs the PostgreSQL server scripts/test starts"))
struct BothEnginesTests {
    @Test("accepted events get 1, 2, 3, carry their agent, and the queue columns follow the flow", arguments: Engine.allCases)
    func appendAndDerive(engine: Engine) throws {
        let fixture = try EngineFixture(engine, mentions: [mention("1")])
        let alice = try fixture.inbox("alice"), number = fixture.numbers[0]
        try alice.append(.classify(.question), to: number, seenSeq: 0, at: t(60), takingOver: false)
        let sent = try alice.append(.send(answer), to: number, seenSeq: 1, at: t(120), takingOver: false)
        #expect(sent.seq == 2 && sent.outbox.count == 1)
        let stored = try alice.mention("1", now: t(130))
        #expect(stored.confirmedKind == .question)
        #expect(stored.phase == .running)
        #expect(stored.step == .at(.question, "answered"))
        #expect(stored.lastSeq == 2)
        let history = try alice.history(of: number)
        #expect(history.map(\.seq) == [1, 2])
        #expect(history.map(\.agent) == ["alice", "alice"])
        #expect(history.map(\.event) == [.classify(.question), .send(answer)])
        #expect(history.map(\.at) == [t(60), t(120)])
        #expect(try alice.flow(of: number).step == .at(.question, "answered"))
    }

    @Test("two agents at one step: the second append fails, says who did what, and writes nothing", arguments: Engine.allCases)
    func conflict(engine: Engine) throws {
        let fixture = try EngineFixture(engine, mentions: [mention("1")])
        let alice = try fixture.inbox("alice"), bob = try fixture.inbox("bob"), number = fixture.numbers[0]
        try alice.append(.classify(.question), to: number, seenSeq: 0, at: t(10), takingOver: false)
        try alice.append(.send(answer), to: number, seenSeq: 1, at: t(20), takingOver: false)
        #expect {
            try bob.append(.send(answer), to: number, seenSeq: 1, at: t(21), takingOver: false)
        } throws: { error in
            guard case StoreError.conflict(let conflict) = error else { return false }
            return conflict.newer.map(\.agent) == ["alice"] && conflict.description.contains("alice did send")
        }
        #expect(try bob.history(of: number).count == 2)
        #expect(try bob.outbox(afterID: 0, includeDelivered: true).count == 1)
    }

    @Test("a refused event writes nothing: no log entry, no state change, no outbox entry", arguments: Engine.allCases)
    func refusal(engine: Engine) throws {
        let fixture = try EngineFixture(engine, mentions: [mention("1")])
        let alice = try fixture.inbox("alice"), number = fixture.numbers[0]
        #expect {
            try alice.append(.send(answer), to: number, seenSeq: 0, at: t(10), takingOver: false)
        } throws: { error in
            guard case StoreError.refused(let refusal) = error else { return false }
            return refusal.reason == "classify it first"
        }
        #expect(try alice.history(of: number).isEmpty)
        #expect(try alice.mention("1", now: t(10)).lastSeq == 0)
        #expect(try alice.outbox(afterID: 0, includeDelivered: true).isEmpty)
    }

    @Test("a claim holds for its lease; a reply onto another's case is refused, a take-over is recorded", arguments: Engine.allCases)
    func claimsAndTakeOver(engine: Engine) throws {
        let fixture = try EngineFixture(engine, mentions: [mention("1")])
        let alice = try fixture.inbox("alice"), bob = try fixture.inbox("bob"), number = fixture.numbers[0]
        let now = Date()
        #expect(try alice.claim(number, at: now, lease: 90).agent == "alice")
        #expect(try bob.claim(number, at: now + 10, lease: 90).agent == "alice")
        try bob.append(.classify(.question), to: number, seenSeq: 0, at: now + 20, takingOver: false)
        #expect(throws: StoreError.heldBy(agent: "alice")) {
            try bob.append(.send(answer), to: number, seenSeq: 1, at: now + 30, takingOver: false)
        }
        let sent = try bob.append(.send(answer), to: number, seenSeq: 1, at: now + 30, takingOver: true)
        #expect(sent.seq == 3)
        #expect(try bob.history(of: number).map(\.event) == [.classify(.question), .takeOver(from: "alice"), .send(answer)])
        #expect(try alice.mention("1", now: now + 31).holder?.agent == "bob")
        try alice.release(number)
        #expect(try alice.mention("1", now: now + 31).holder?.agent == "bob")
        try bob.release(number)
        #expect(try alice.mention("1", now: now + 31).holder == nil)
        #expect(throws: StoreError.noSuchMention("999")) { try alice.claim(999, at: now, lease: 90) }
    }

    @Test("an outbox entry is delivered once, with the platform's id", arguments: Engine.allCases)
    func outboxDelivery(engine: Engine) throws {
        let fixture = try EngineFixture(engine, mentions: [mention("tw-9")])
        let alice = try fixture.inbox("alice"), number = fixture.numbers[0]
        try alice.append(.classify(.question), to: number, seenSeq: 0, at: t(10), takingOver: false)
        let sent = try alice.append(.send(answer), to: number, seenSeq: 1, at: t(20), takingOver: false)
        let entry = try #require(try alice.outbox(afterID: 0, includeDelivered: false).first)
        #expect(entry.id == sent.outbox.first && entry.platformMentionID == "tw-9" && entry.agent == "alice")
        let deliverer = try fixture.inbox(engine == .postgres ? "feed" : "alice")
        try deliverer.acknowledge(outbox: entry.id, postedID: "1999", at: t(30))
        #expect(try alice.outbox(afterID: 0, includeDelivered: false).isEmpty)
        #expect(try alice.outbox(afterID: 0, includeDelivered: true).first?.postedID == "1999")
        #expect(throws: StoreError.alreadyDelivered(entry.id)) {
            try deliverer.acknowledge(outbox: entry.id, postedID: nil, at: t(40))
        }
        #expect(throws: StoreError.noSuchOutboxEntry(77)) { try deliverer.acknowledge(outbox: 77, postedID: nil, at: t(40)) }
    }

    @Test("a mention is found by number, platform:id and id; a joined mention's case is its opener", arguments: Engine.allCases)
    func references(engine: Engine) throws {
        let first = mention("1"), second = Mention(platform: .twitter, channel: .publicMention, id: "2",
                                                    conversationID: "1", inReplyToID: "1", author: first.author,
                                                    text: "@NetVia nog steeds niks", postedAt: t(60))
        let fixture = try EngineFixture(engine, mentions: [first, second])
        let alice = try fixture.inbox("alice")
        #expect(try alice.mention("twitter:2", now: t(70)).number == fixture.numbers[1])
        #expect(try alice.openingMention(of: "2", now: t(70)).number == fixture.numbers[0])
        #expect(throws: StoreError.noSuchMention("nope")) { try alice.mention("nope", now: t(70)) }
    }

    @Test("an import puts the sample into the same cases, with the same logs, on both engines; again adds nothing")
    func importsAlike() throws {
        let keys = try String(contentsOfFile: sampleData + "/mentions.jsonl", encoding: .utf8).split(separator: "\n")
            .map { line -> String in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                return "\(object["platform"]!):\(object["id"]!)"
            }
        var seen: [Engine: [String]] = [:]
        for engine in Engine.allCases {
            let fixture = try EngineFixture(engine, mentions: [])
            let importer = try fixture.inbox(engine == .postgres ? "feed" : "alice")
            let first = try importer.importFile(sampleData + "/mentions.jsonl").totals
            #expect(first.imported == 75 && first.joined == 7, "\(engine)")
            let again = try importer.importFile(sampleData + "/mentions.jsonl").totals
            #expect(again.imported == 0 && again.duplicates == 75, "\(engine)")
            let agent = try fixture.inbox("alice")
            seen[engine] = try keys.map { key in
                let stored = try agent.mention(key, now: t0)
                let head = try agent.mention(String(stored.caseNumber.rawValue), now: t0)
                let log = try agent.history(of: head.number).map { "\($0.agent) \($0.event.name)" }
                return "\(key) in \(head.key): \(stored.stepLabel) \(head.status.code) \(head.messages) \(head.lastSeq) \(log)"
            }
        }
        #expect(seen[.postgres] == seen[.sqlite])
        #expect(seen[.sqlite]?.filter { $0.contains("author-wrote") }.isEmpty == false, "the comparison covers joins")
    }

    /// Customers who answer themselves a few rows and hundreds of rows later, in public
    /// threads and in direct messages, with repeated records: over many INSERTs and
    /// commits, so a case's messages come in the same run, the next, and later ones.
    static func conversations(part: Int) -> String {
        var lines: [String] = []
        func line(_ id: String, _ channel: String, _ handle: String, conversation: String?, replyTo: String?, _ second: Int) {
            var fields = ["\"platform\": \"twitter\"", "\"channel\": \"\(channel)\"", "\"id\": \"\(id)\"",
                          "\"author\": {\"handle\": \"\(handle)\", \"name\": \"Klant\", \"followers\": \(second % 900)}",
                          "\"text\": \"@NetVia bericht \(id), nog steeds geen internet\"",
                          "\"postedAt\": \"\(ISO8601DateFormatter().string(from: t(Double(second))))\""]
            if let conversation { fields.append("\"conversationID\": \"\(conversation)\"") }
            if let replyTo { fields.append("\"inReplyToID\": \"\(replyTo)\"") }
            lines.append("{" + fields.joined(separator: ", ") + "}")
        }
        for round in part * 3..<part * 3 + 3 {
            for customer in 0..<300 {
                let id = "p\(customer)-\(round)"
                line(id, "mention", "klant\(customer)", conversation: "p\(customer)-0",
                     replyTo: round == 0 ? nil : "p\(customer)-\(round - 1)", round * 1000 + customer)
                if customer % 7 == 0 {
                    // An answer a few rows later, in the same run.
                    line(id + "b", "mention", "klant\(customer)", conversation: "p\(customer)-0", replyTo: id,
                         round * 1000 + customer + 1)
                }
                if customer % 5 == 0 {
                    line("d\(customer)-\(round)", "dm", "dm\(customer % 40)", conversation: nil, replyTo: nil,
                         round * 1000 + customer)
                }
                if customer % 97 == 0, let earlier = lines.dropLast().last { lines.append(earlier) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("conversations spread over many INSERTs and commits, with repeats and classified cases, land in the same cases with the same logs on both engines")
    func conversationsAlike() throws {
        var seen: [Engine: [String]] = [:]
        for engine in Engine.allCases {
            let fixture = try EngineFixture(engine, mentions: [])
            let importer = try fixture.inbox(engine == .postgres ? "feed" : "alice")
            let first = try importer.importFile(fixture.directory.file("one.jsonl", Self.conversations(part: 0))).totals
            #expect(first.imported > 1_000 && first.joined > 900 && first.duplicates > 0, "\(engine): \(first)")
            // A case an agent classified hears the rest of its customer's thread through its flow.
            let alice = try fixture.inbox("alice")
            for customer in [0, 7, 35] {
                let head = try alice.mention("twitter:p\(customer)-0", now: t0)
                try alice.append(.classify(.complaint), to: head.number, seenSeq: head.lastSeq, at: t(5_000), takingOver: false)
            }
            let second = try importer.importFile(fixture.directory.file("two.jsonl", Self.conversations(part: 1))).totals
            #expect(second.imported > 1_000 && second.joined > 1_000, "\(engine): \(second)")
            let keys = (Self.conversations(part: 0) + Self.conversations(part: 1)).split(separator: "\n").map { line in
                "twitter:" + line.split(separator: "\"id\": \"")[1].prefix { $0 != "\"" }
            }
            seen[engine] = try Set(keys).sorted().map { key in
                let stored = try alice.mention(key, now: t0)
                let head = try alice.mention(String(stored.caseNumber.rawValue), now: t0)
                let log = try alice.history(of: head.number).map { "\($0.agent) \($0.event.name) \($0.seq)" }
                return "\(key) in \(head.key): \(stored.stepLabel) \(head.status.code) \(head.messages) \(head.lastSeq) \(log)"
            }
        }
        let sqlite = seen[.sqlite] ?? [], postgres = seen[.postgres] ?? []
        #expect(sqlite.count == postgres.count)
        let differing = zip(sqlite, postgres).filter { $0 != $1 }
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(2))")
        #expect(seen[.sqlite]?.contains { $0.hasPrefix("twitter:p7-5 in twitter:p7-0") && $0.contains("classify") } == true,
                "a classified case heard the customer")
        #expect(seen[.sqlite]?.contains { $0.hasPrefix("twitter:d5-4 in twitter:d") } == true, "direct messages joined")
    }

    @Test("an import cut off after a batch is completed by running it again", arguments: Engine.allCases)
    func resumes(engine: Engine) throws {
        let fixture = try EngineFixture(engine, mentions: [])
        let importer = try fixture.inbox(engine == .postgres ? "feed" : "alice")
        let lines = try String(contentsOfFile: sampleData + "/mentions.jsonl", encoding: .utf8).split(separator: "\n")
        let half = try fixture.directory.file("half.jsonl", lines.prefix(30).joined(separator: "\n") + "\n")
        #expect(try importer.importFile(half).totals.imported == 30)
        let again = try importer.importFile(sampleData + "/mentions.jsonl").totals
        #expect(again.imported == 45 && again.duplicates == 30)
        #expect(try importer.tableCounts()["mention"] == 75)
    }

    @Test("the queue and its limits read the same cases in the same order on both engines")
    func queuesAlike() throws {
        let filters = ["", "all", "kind:complaint", "kind:question platform:twitter", "storing", "utrecht internet",
                       "sanne", "overdue", "state:running", "mine", "conversation:tw-1003", "author:SANNE_DEKKER",
                       "!!!", "state:closed"]
        var seen: [Engine: [String]] = [:]
        for engine in Engine.allCases {
            let fixture = try EngineFixture(engine, mentions: [])
            _ = try fixture.inbox(engine == .postgres ? "feed" : "alice").importFile(sampleData + "/mentions.jsonl")
            let alice = try fixture.inbox("alice")
            // Some work done, so the order has more than arrival to go by.
            for (key, kind) in [("twitter:tw-1001", MentionKind.question), ("twitter:tw-1000", .complaint)] {
                let stored = try alice.openingMention(of: key, now: t0)
                try alice.append(.classify(kind), to: stored.number, seenSeq: stored.lastSeq, at: t(60), takingOver: false)
            }
            let now = t(86_400 * 30)
            try alice.claim(try alice.mention("twitter:tw-1000", now: t0).number, at: now, lease: 600)
            // A page is the same slice of the whole queue, read from the index (no words) or sorted.
            for text in ["", "storing"] {
                let filter = try QueueFilter(parsing: text)
                let whole = try alice.queue(filter: filter, limit: nil, offset: 0, now: now).map(\.key)
                let page = try alice.queue(filter: filter, limit: 7, offset: 5, now: now).map(\.key)
                #expect(page == Array(whole.dropFirst(5).prefix(7)), "\(engine) \(text)")
            }
            seen[engine] = try filters.map { text in
                let filter = try QueueFilter(parsing: text)
                return text + ": " + (try alice.queue(filter: filter, limit: nil, offset: 0, now: now).map(\.key))
                    .joined(separator: " ")
            }
        }
        #expect(seen[.postgres] == seen[.sqlite])
        // Words that match many mentions are found by walking the queue index instead.
        for engine in Engine.allCases {
            let fixture = try EngineFixture(engine, mentions: [])
            _ = try fixture.inbox(engine == .postgres ? "feed" : "alice").importFile(sampleData + "/mentions.jsonl")
            let alice = try fixture.inbox("alice")
            let now = t(86_400 * 30)
            // "monteur" and "incasso" are only in a customer's later message of a case.
            for text in ["storing", "utrecht internet", "sanne", "monteur", "incasso"] {
                let filter = try QueueFilter(parsing: text)
                let walked: [StoredMention]
                if let sqlite = alice as? Inbox {
                    walked = try sqlite.queue(filter: filter, limit: nil, offset: 0, now: now, sortedMatchLimit: 0)
                } else {
                    walked = try #require(alice as? PostgresInbox).queue(filter: filter, limit: nil, offset: 0, now: now,
                                                                         sortedMatchLimit: 0)
                }
                let sorted = try alice.queue(filter: filter, limit: nil, offset: 0, now: now)
                #expect(!sorted.isEmpty && walked.map(\.key) == sorted.map(\.key), "\(engine) \(text)")
            }
        }
        let empty = (seen[.sqlite] ?? []).filter { $0.hasSuffix(": ") }.map { $0.dropLast(2) }
        #expect(empty == ["!!!", "state:closed"],
                "every filter but the last two finds something: \(seen[.sqlite] ?? [])")
    }

    @Test("a team report, the alerts' reads and the overdue counts per kind are the same from both engines")
    func reportsAlike() throws {
        var reports: [Engine: TeamReport] = [:]
        var seen: [Engine: [Int]] = [:]
        for engine in Engine.allCases {
            let fixture = try EngineFixture(engine, mentions: [])
            _ = try fixture.inbox(engine == .postgres ? "feed" : "alice").importFile(sampleData + "/mentions.jsonl")
            let alice = try fixture.inbox("alice")
            let stored = try alice.openingMention(of: "twitter:tw-1001", now: t0)
            try alice.append(.classify(.question), to: stored.number, seenSeq: stored.lastSeq, at: t(60), takingOver: false)
            let period = ReportPeriod(start: t(-86_400 * 30), end: t(86_400 * 30))
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            reports[engine] = try alice.report(ReportBuilder(period: period, now: t(86_400), calendar: utc))
            let alerts = try alice.alertInput(since: t(-86_400 * 30), followersOver: 10_000)
            let overdue = try alice.summary(filter: .open, now: t(86_400)).overdueByKind
            seen[engine] = [alerts.recent.count, alerts.waiting.count] + alerts.waiting.map(\.followers)
                + MentionKind.allCases.map { overdue[$0] ?? 0 }
        }
        #expect(seen[.sqlite]?.first == 75 && seen[.postgres] == seen[.sqlite], "\(seen)")
        #expect(reports[.sqlite]?.cases == 68 && reports[.sqlite]?.mentions == 75)
        #expect(reports[.postgres] == reports[.sqlite])
    }
}
