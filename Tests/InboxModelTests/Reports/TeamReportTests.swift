import Foundation
import Testing
@testable import InboxModel

/// A hand-made week-end of work, and the report's figures worked out by hand from it
/// (docs/reports.md defines each). The period is Monday 16 and Tuesday 17 November 2026,
/// in UTC; every time below is "day, hour:minute".
@Suite("The team report of a small hand-made event log")
struct TeamReportTests {
    /// Monday 16 November 2026, 00:00 UTC.
    static let monday = Date(timeIntervalSince1970: 1_794_787_200)
    static func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        monday.addingTimeInterval(TimeInterval(day * 86_400 + hour * 3600 + minute * 60))
    }
    static let sunday = -1, tuesday = 1
    static let period = ReportPeriod(start: at(0, 0), end: at(2, 0))

    static func mention(_ id: String, _ handle: String, _ text: String, on platform: Platform = .twitter,
                        _ channel: MentionChannel = .publicMention, followers: Int = 100) -> Mention {
        Mention(platform: platform, channel: channel, id: id, author: Author(handle: handle, name: handle, followers: followers),
                text: text, postedAt: monday)
    }

    static func step(_ at: Date, _ agent: String, _ event: FlowEvent) -> ReportStep {
        ReportStep(at: at, agent: agent, event: event)
    }

    static let cases: [ReportCase] = [
        // 1: a question answered in 40 minutes, asked again, answered in 30, closed.
        ReportCase(number: 1, mention: mention("q1", "anna", "Hoe zet ik mijn wachtwoord terug?"), suggestedKind: .question,
                   openedAt: at(0, 9), log: [
                    step(at(0, 9, 10), "alice", .classify(.question)),
                    step(at(0, 9, 40), "alice", .send(reply(.answer))),
                    step(at(0, 10), "@anna", .authorWrote("En op de app?")),
                    step(at(0, 10, 30), "bob", .send(reply(.answer))),
                    step(at(0, 11), "bob", .close(.answered)),
                   ]),
        // 2: a complaint on Facebook acknowledged after two hours (its deadline is one), still open.
        ReportCase(number: 2, mention: mention("c2", "bram", "Factuur klopt niet", on: .facebook, .comment),
                   suggestedKind: .complaint, openedAt: at(0, 14), log: [
                    step(at(0, 14, 5), "alice", .classify(.complaint)),
                    step(at(0, 16), "alice", .send(reply(.complaintFirst, on: .facebook))),
                   ]),
        // 3: a compliment thanked within the hour and closed.
        ReportCase(number: 3, mention: mention("p3", "fan", "Top service vandaag", followers: 1200), suggestedKind: .positive,
                   openedAt: at(tuesday, 8), log: [
                    step(at(tuesday, 8, 30), "bob", .classify(.positive)),
                    step(at(tuesday, 9), "bob", .send(reply(.thank))),
                    step(at(tuesday, 9, 5), "bob", .close(.thanked)),
                   ]),
        // 4: spam, dismissed after two minutes without being classified.
        ReportCase(number: 4, mention: mention("s4", "spammer", "Koop volgers"), suggestedKind: nil, openedAt: at(tuesday, 10),
                   log: [step(at(tuesday, 10, 2), "alice", .dismiss(.spam, note: ""))]),
        // 5: a negative direct message nobody touched (deadline two hours, waited four).
        ReportCase(number: 5, mention: mention("n5", "cor", "Slechte ervaring", .directMessage), suggestedKind: .negative,
                   openedAt: at(tuesday, 20), log: []),
        // 6: opened on Sunday, before the period: counts in the backlog, its hand-off and
        //    reply in the period count for Finance and for alice.
        ReportCase(number: 6, mention: mention("q6", "dirk", "Kan ik mijn abonnement overzetten?"), suggestedKind: .question,
                   openedAt: at(sunday, 22), log: [
                    step(at(sunday, 22, 30), "alice", .classify(.question)),
                    step(at(0, 8), "alice", .handOff(department: "Finance")),
                    step(at(0, 12), "alice", .departmentAnswered(department: "Finance", answer: "vijf werkdagen")),
                    step(at(0, 12, 30), "alice", .send(reply(.answer))),
                    step(at(tuesday, 9), "alice", .close(.answered)),
                   ]),
        // 7: an allegation: the team position taken, no reply yet.
        ReportCase(number: 7, mention: mention("a7", "eva", "Jullie verkopen klantdata"), suggestedKind: .allegation,
                   openedAt: at(tuesday, 11), log: [
                    step(at(tuesday, 11), "alice", .classify(.allegation)),
                    step(at(tuesday, 11, 1), "alice", .setPosition(privacy)),
                   ]),
        // 8, 9: two more compliments by the same fan, untouched (not due within the day).
        ReportCase(number: 8, mention: mention("p8", "Fan", "Weer geholpen", followers: 1500), suggestedKind: .positive,
                   openedAt: at(tuesday, 12), log: []),
        ReportCase(number: 9, mention: mention("p9", "fan", "Fijne winkel", followers: 900), suggestedKind: .positive,
                   openedAt: at(tuesday, 13), log: []),
    ]

    /// The opening mentions and case 1's follow-up, five mentions about an outage on
    /// Tuesday afternoon, and the period before: case 6 and fewer outage mentions; with
    /// their texts.
    static let mentions: [(mention: ReportMention, text: String)] = cases.map { c in
        (ReportMention(platform: c.mention.platform, channel: c.mention.channel, kind: c.suggestedKind, at: c.openedAt),
         c.mention.text)
    } + [(ReportMention(platform: .twitter, channel: .publicMention, kind: .question, at: at(0, 10)), "En op de app?")]
      + (15...19).map { hour in
          (ReportMention(platform: .twitter, channel: .hashtag, kind: nil, at: at(tuesday, hour)), "#storing modem kapot")
      }
      + [(ReportMention(platform: .twitter, channel: .hashtag, kind: nil, at: at(sunday, 10)), "#Storing")]
      + (1...4).map { hour in
          (ReportMention(platform: .twitter, channel: .publicMention, kind: nil, at: at(sunday, hour)), "mijn modem")
      }

    static func report(by grouping: ReportGrouping = .kind, now: Date = at(7, 0)) -> TeamReport {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        var builder = ReportBuilder(period: period, now: now, by: grouping, calendar: utc)
        for mention in mentions { builder.add(mention.mention) }
        for source in cases { builder.fold(source) }
        return builder.report(themes: ThemeSample(texts: mentions.filter { period.contains($0.mention.at) }.map(\.text)),
                              before: ThemeSample(texts: mentions.filter { period.previous.contains($0.mention.at) }
                                  .map(\.text)))
    }

    @Test("two builders that each add part of the cases and mentions, merged, make the same report")
    func mergedHalves() {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        for grouping in ReportGrouping.allCases {
            var first = ReportBuilder(period: Self.period, now: Self.at(7, 0), by: grouping, calendar: utc), second = first
            for (index, mention) in Self.mentions.enumerated() {
                if index % 2 == 0 { first.add(mention.mention) } else { second.add(mention.mention) }
            }
            for (index, source) in Self.cases.enumerated() {
                if index < 4 { first.fold(source) } else { second.fold(source) }
            }
            first.merge(second)
            let themes = ThemeSample(texts: Self.mentions.filter { Self.period.contains($0.mention.at) }.map(\.text))
            let before = ThemeSample(texts: Self.mentions.filter { Self.period.previous.contains($0.mention.at) }.map(\.text))
            #expect(first.report(themes: themes, before: before) == Self.report(by: grouping), "\(grouping)")
        }
    }

    @Test("a period still running is judged as it stands: no deadline missed and no day counted in the future")
    func periodStillRunning() {
        // Tuesday 21:00: case 5 (a direct message since 20:00, two hours allowed) is not
        // late yet; the allegation (since 11:00, half an hour) is; Monday is over.
        let report = Self.report(now: Self.at(Self.tuesday, 21))
        #expect(report.deadlines.map { "\($0.kind) \($0.met)/\($0.met + $0.missed)" }
                == ["question 1/1", "complaint 0/1", "positive 1/1", "allegation 0/1", "unclassified 1/1"])
        let monday = Self.report(now: Self.at(0, 12))
        #expect(monday.backlog.map(\.day) == ["2026-11-16"])
    }

    @Test("every hand-made step is one the flows accept")
    func logsAreValid() {
        for c in Self.cases {
            let context = FlowContext(mention: c.mention, openedAt: c.openedAt)
            let refused = MentionFlow.replaying(c.log.map { ($0.event, $0.at) }, context: context).refused
            #expect(refused.isEmpty, "case \(c.number): \(refused)")
        }
    }

    @Test("what came in: mentions per kind, platform, channel and hour, cases per kind")
    func volume() {
        let report = Self.report()
        // 8 openings in the period (not case 6), case 1's follow-up, 5 outage mentions.
        #expect(report.mentions == 14)
        #expect(report.mentionsByKind.map(\.key) == ["question", "complaint", "positive", "negative", "allegation", "unclassified"])
        #expect(report.mentionsByKind.map(\.count) == [2, 1, 3, 1, 1, 6])
        #expect(report.mentionsByPlatform.map { "\($0.key) \($0.count)" } == ["twitter 13", "facebook 1"])
        #expect(report.mentionsByChannel.map { "\($0.key) \($0.count)" } == ["mention 7", "dm 1", "hashtag 5", "comment 1"])
        #expect(report.weekdayHours[0][9] == 1 && report.weekdayHours[0][10] == 1 && report.weekdayHours[0][14] == 1)
        #expect(report.weekdayHours[1][15] == 1 && report.weekdayHours[1][8] == 1 && report.weekdayHours[6].allSatisfy { $0 == 0 })
        #expect(report.weekdayHours.joined().reduce(0, +) == 14)
        // Monday: case 1, its follow-up, case 2; Tuesday: six openings and five outage mentions.
        #expect(report.mentionsPerDay.map { "\($0.key) \($0.count)" } == ["2026-11-16 3", "2026-11-17 11"])
        #expect(report.cases == 8)
        #expect(report.casesByKind.map { "\($0.key) \($0.count)" }
                == ["question 1", "complaint 1", "positive 3", "negative 1", "allegation 1", "unclassified 1"])
    }

    @Test("how cases ended and how fast: first and next response, resolution, deadlines")
    func speed() {
        let report = Self.report()
        #expect(report.replied == 3) // cases 1, 2, 3
        #expect(report.noReply == [TeamReport.Count(key: "spam", count: 1)])
        #expect(report.closed.map { "\($0.key) \($0.count)" } == ["answered 1", "thanked 1"])
        #expect(report.open == 5) // 2, 5, 7, 8, 9
        // First responses 2400 (1), 7200 (2), 3600 (3), 120 (4, the dismissal): sorted
        // 120, 2400, 3600, 7200; median rank ⌈0.5·4⌉ = 2, p90 rank ⌈0.9·4⌉ = 4.
        #expect(report.firstResponse == .init(count: 4, median: 2400, p90: 7200))
        #expect(report.firstResponseSpread.map(\.count) == [1, 0, 2, 1, 0, 0, 0, 0])
        #expect(report.firstResponseSpread.map(\.key) == ["15m", "30m", "1h", "2h", "4h", "8h", "24h", "longer"])
        #expect(report.nextResponse == .init(count: 1, median: 1800, p90: 1800))
        // Case 3: 8:00 to 9:05; case 1: 9:00 to 11:00. The spam dismissal is no resolution.
        #expect(report.resolution == .init(count: 2, median: 3900, p90: 7200))
        #expect(report.deadlines.map { "\($0.kind) \($0.met)/\($0.met + $0.missed)" }
                == ["question 1/1", "complaint 0/1", "positive 1/1", "negative 0/1", "allegation 0/1", "unclassified 1/1"])
    }

    @Test("grouped by kind: cases, replies, first response and share within the deadline")
    func groups() {
        let groups = Self.report().groups
        #expect(groups.map(\.key) == ["question", "complaint", "positive", "negative", "allegation", "unclassified"])
        #expect(groups.map(\.cases) == [1, 1, 3, 1, 1, 1])
        #expect(groups.map(\.replied) == [1, 1, 1, 0, 0, 0])
        #expect(groups.map(\.firstResponse.median) == [2400, 7200, 3600, nil, nil, 120])
        #expect(groups.map(\.withinDeadline) == [1, 0, 1, 0, 0, 1])
        let byAgent = Self.report(by: .agent)
        // Grouped by who sent a case's first reply: alice in 1 and 2, bob in 3.
        #expect(byAgent.groups.map { "\($0.key) \($0.cases)" } == ["(no reply) 5", "alice 2", "bob 1"])
    }

    @Test("the team: replies per agent and handling time, backlog, hand-offs, positions, ambassadors, themes")
    func team() {
        let report = Self.report()
        // alice replied in 1 (9:10 → 9:40), 2 (14:05 → 16:00) and 6 (Sunday 22:30 → 12:30);
        // bob in 1 (his reply was his first step: 0) and 3 (8:30 → 9:00).
        let alice = TeamReport.Agent(agent: "alice", cases: 3, replies: 3,
                                     handling: TeamReport.Durations(count: 3, median: 6900, p90: 50_400))
        let bob = TeamReport.Agent(agent: "bob", cases: 2, replies: 2,
                                   handling: TeamReport.Durations(count: 2, median: 0, p90: 1800))
        #expect(report.agents == [alice, bob])
        // Monday night: 2 and 6 open; Tuesday night: 2, 5, 7, 8, 9.
        #expect(report.backlog == [.init(day: "2026-11-16", open: 2), .init(day: "2026-11-17", open: 5)])
        let finance = TeamReport.HandOff(department: "Finance", handedOff: 1, answered: 1,
                                         answerTime: TeamReport.Durations(count: 1, median: 14_400, p90: 14_400))
        #expect(report.handOffs == [finance])
        #expect(report.allegations == 1 && report.allegationsReplied == 0)
        #expect(report.positions == [.init(id: "privacy", version: 1, topic: "customer data", cases: 1)])
        #expect(report.ambassadors == [.init(platform: "twitter", handle: "fan", positiveCases: 3, followers: 1500)])
        // #storing: 5 against 1 before; kapot: 5 against none; modem: 5 against 4 is no rise.
        #expect(report.risingThemes == [.init(word: "#storing", mentions: 5, previous: 1),
                                        .init(word: "kapot", mentions: 5, previous: 0)])
    }
}

@Suite("Themes: the ASCII fast path reads what the Unicode path reads")
struct RisingThemesTests {
    @Test("a sampled period's counts are scaled to its mentions; the minimum applies to the texts read")
    func sampledCounts() {
        // 6 of 20 texts read out of 1,000 mentions carry "storing": about 300 mentions.
        let now = ThemeSample(texts: Array(repeating: "storing", count: 6) + Array(repeating: "hallo", count: 14),
                              of: 1000)
        let before = ThemeSample(texts: ["storing"] + Array(repeating: "hallo", count: 9), of: 500)
        #expect(RisingThemes.find(now: now, before: before).map { "\($0.word) \($0.mentions) \($0.previous)" }
                == ["storing 300 50"])
        // 4 texts read is under the minimum of 5, whatever they scale to.
        let few = ThemeSample(texts: Array(repeating: "storing", count: 4) + ["hallo"], of: 5000)
        #expect(RisingThemes.find(now: few, before: ThemeSample(texts: [])).isEmpty)
        #expect(ThemeSample.every(of: 10_000) == 1 && ThemeSample.every(of: 10_001) == 2
                && ThemeSample.every(of: 1_000_000) == 100)
    }

    @Test("every text of the sample data, and mixed ones, give the same themes both ways")
    func fastPathAgrees() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let sample = try String(contentsOf: repository.appendingPathComponent("sample-data/mentions.jsonl"), encoding: .utf8)
        let texts = sample.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["text"] as? String
        } + ["#Storing!! in DELFT, zie https://netvia.nl/Storing en www.NetVia.nl", "Café #Wifi-probleem 12345 abcd1",
             "@NetVia: STORING storing Storing? #storing #Storing", "e-mail werkt niet\tWEER\nniet"]
        #expect(texts.count > 70)
        for text in texts {
            var reference: Set<String> = []
            for chunk in RisingThemes.chunks(text) { RisingThemes.unicodeThemes(Substring(chunk), into: &reference) }
            #expect(RisingThemes.themes(in: text) == reference, "\(text)")
        }
        #expect(RisingThemes.themes(in: "#Storing!! in DELFT, zie https://netvia.nl/Storing en www.NetVia.nl")
                == ["#storing", "delft"])
    }
}
