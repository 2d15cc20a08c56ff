import Foundation
import GRDB
import InboxModel
import TestSupport
import Testing
@testable import InboxStore

/// The facts a case's row keeps for reports (`ReportColumns`), written as events are
/// appended, must say what folding its log says: the report of a period read from them
/// and the report of the same period with every log folded are compared, on a database
/// where random agents worked random cases and customers wrote in between.
@Suite("A report from the facts each case keeps is the report of its folded logs")
struct ReportFactsTests {
    static let position = TeamPosition(id: "privacy", topic: "klantdata", version: 1,
                                       statement: "Wij verkopen geen klantgegevens.")

    /// A step an agent may try; the flow refuses what does not fit the case's state.
    static func step(_ random: inout SeededGenerator, expecting reply: ReplyExpectation?) -> FlowEvent {
        let kinds = MentionKind.allCases
        switch Int.random(in: 0..<12, using: &random) {
        case 0, 1: return .classify(kinds[Int.random(in: 0..<kinds.count, using: &random)])
        case 2, 3, 11:
            // The reply the step asks for, when it asks for one.
            return .send(Reply(text: "Hoi, dank je. Wij verkopen geen klantgegevens. Wat is er gebeurd? Mail ons via service@netvia.nl. ^Lotte",
                               channel: reply?.channel ?? .twitter, moves: reply?.moves ?? [.answer]))
        case 4: return .handOff(department: ["Finance", "Legal"][Int.random(in: 0..<2, using: &random)])
        case 5: return .departmentAnswered(department: "Finance", answer: "vijf werkdagen")
        case 6: return .setPosition(position)
        case 7: return .close([.answered, .resolved, .unresolved][Int.random(in: 0..<3, using: &random)])
        case 8: return .dismiss(.spam, note: "")
        case 9: return .note("gebeld")
        default: return .withdrawHandOff
        }
    }

    @Test("random work on 90 cases with customers writing between: reports of five periods alike both ways")
    func keptFactsAgreeWithTheFold() throws {
        var random = SeededGenerator(seed: SeededGenerator.seed)
        print("ReportFactsTests seed \(SeededGenerator.seed)")
        let dir = try TemporaryDirectory()
        let agents = try ["alice", "bob"].map { try Inbox(path: dir.database, agent: $0) }
        var numbers: [Int64] = []
        for index in 0..<90 {
            let channel: MentionChannel = index % 3 == 0 ? .directMessage : .publicMention
            numbers += try agents[0].add([mention("m\(index)", handle: "klant\(index % 30)", channel: channel,
                                                  postedAt: t(Double(index) * 900))], arrivedAt: t(Double(index) * 900))
        }
        var moment = 90.0 * 900
        for round in 0..<10 {
            for (index, number) in numbers.enumerated() where Bool.random(using: &random) {
                let inbox = agents[Int.random(in: 0..<2, using: &random)]
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    moment += Double(Int.random(in: 30...4000, using: &random))
                    let seen = try inbox.mention("twitter:m\(index)").lastSeq
                    let expected = try inbox.flow(of: number).expectedReply
                    _ = try? inbox.append(Self.step(&random, expecting: expected), to: number, seenSeq: seen, at: t(moment))
                }
                if Int.random(in: 0..<4, using: &random) == 0 {
                    // The customer writes again: joins the case (folded, or logged unfolded
                    // on a case nobody classified).
                    moment += 60
                    let channel: MentionChannel = index % 3 == 0 ? .directMessage : .publicMention
                    try agents[0].add([Mention(platform: .twitter, channel: channel, id: "r\(round)-\(index)",
                                               inReplyToID: "m\(index)",
                                               author: Author(handle: "klant\(index % 30)", name: "Klant", followers: 10),
                                               text: "Nog steeds niets gehoord", postedAt: t(moment))],
                                      arrivedAt: t(moment))
                }
            }
        }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let day = 86_400.0
        let periods = [ReportPeriod(start: t(-day), end: t(moment + day)), ReportPeriod(start: t(0), end: t(moment / 2)),
                       ReportPeriod(start: t(moment / 3), end: t(moment * 2 / 3)),
                       ReportPeriod(start: t(moment / 2), end: t(moment + 1)), ReportPeriod(start: t(0), end: t(20_000))]
        for period in periods {
            for grouping in [ReportGrouping.kind, .agent] {
                let builder = ReportBuilder(period: period, now: t(moment + 2 * day), by: grouping, calendar: utc)
                let (fromKept, fromLogs) = try agents[0].read { db in
                    (try StoreOperations.report(SQLiteRunner(db: db), builder),
                     try StoreOperations.report(SQLiteRunner(db: db), builder, keeping: false))
                }
                #expect(fromKept == fromLogs, "\(period) by \(grouping)")
                // Read by two threads on two connections, half of the period each: the same.
                #expect(try #require(try agents[0].reportOnTwoConnections(builder)) == fromKept,
                        "\(period) by \(grouping)")
            }
        }
        // Customers' later messages count under their case's kind: as plain SQL counts them.
        let whole = try agents[0].report(ReportBuilder(period: periods[0], now: t(moment + 2 * day), calendar: utc))
        let counted = try agents[0].read { db in
            try Row.fetchAll(db, sql: """
                SELECT coalesce(CASE WHEN m.case_id IS NULL THEN m.kind ELSE h.kind END, 'unclassified') AS kind,
                    count(*) AS n
                FROM mention m LEFT JOIN mention h ON h.id = m.case_id GROUP BY 1
                """).map { "\($0["kind"] as String) \($0["n"] as Int)" }.sorted()
        }
        #expect(whole.mentionsByKind.map { "\($0.key) \($0.count)" }.sorted() == counted)
        #expect(try agents[0].read { try Int.fetchOne($0, sql: "SELECT count(*) FROM mention WHERE case_id IS NOT NULL") }
                ?? 0 > 20)
        // The work covered what the kept columns hold beyond the first reply, and some
        // periods end before some of their cases' events (those are folded).
        let facts = try agents[0].read { db in
            try numbers.map { number in
                let opening = try StoredMention.fetch(db, number: number)
                return FlowWriter(agent: "alice", rules: HouseRules()).facts(of: opening, log: try Inbox.log(db, of: number))
            }
        }
        #expect(facts.count { $0.replies.count > 1 } > 3 && facts.count { !$0.nextResponses.isEmpty } > 3)
        #expect(facts.count { $0.transitions.count > 1 } > 0 && facts.count { !$0.handOffs.isEmpty } > 3)
        #expect(facts.count { !$0.positions.isEmpty } > 0 && facts.count { $0.outcome?.isNoReply == true } > 3)
        #expect(facts.count { ($0.lastAt ?? .distantPast) >= periods[1].end && $0.lastAt != nil } > 10)
    }

    @Test("kept facts that cannot be read are reported as corrupt, not counted as something else")
    func corruptFacts() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let number = try inbox.add([mention("1")])[0]
        try inbox.append(.classify(.question), to: number, seenSeq: 0, at: t(60))
        let period = ReportPeriod(start: t(-86_400), end: t(86_400))
        #expect(try inbox.report(ReportBuilder(period: period, now: t(86_400))).cases == 1)
        try inbox.write { try $0.execute(sql: "UPDATE mention SET report_facts = x'02ff' WHERE id = ?", arguments: [number]) }
        #expect(throws: StoreError.self) { try inbox.report(ReportBuilder(period: period, now: t(86_400))) }
    }
}
