import Foundation

extension TeamReport {
    /// The report of what `builder` added up.
    init(_ builder: ReportBuilder, risingThemes: [Theme]) {
        let period = builder.period, tally = builder.cases
        from = period.start
        to = period.end
        timeZone = builder.calendar.timeZone.identifier
        mentions = builder.mentions
        mentionsByKind = Self.counted(Self.kindOrder, builder.mentionKinds)
        mentionsByPlatform = Self.counted(Platform.allCases.map(\.rawValue), builder.platforms)
        mentionsByChannel = Self.counted(MentionChannel.allCases.map(\.rawValue), builder.channels)
        var grid = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        var perDay: [String: Int] = [:]
        for (quarter, count) in builder.quarterCounts {
            let moment = builder.local.moment(ofQuarter: quarter)
            grid[moment.weekday][moment.hour] += count
            perDay[moment.day, default: 0] += count
        }
        weekdayHours = grid
        mentionsPerDay = Self.days(of: period, builder.calendar).map { Count(key: $0.day, count: perDay[$0.day] ?? 0) }
        cases = tally.cases
        casesByKind = Self.counted(Self.kindOrder, tally.byKind)
        replied = tally.replied
        noReply = Self.counted(DismissReason.allCases.map(\.rawValue), tally.noReply)
        closed = Self.counted(Self.closedOrder.map(\.summary), tally.closed)
        open = tally.cases - tally.closedCases
        firstResponse = Durations(tally.firsts)
        firstResponseSpread = Self.spread(tally.firsts)
        nextResponse = Durations(tally.nexts)
        resolution = Durations(tally.resolutions)
        deadlines = zip(Self.kindOrder, tally.verdicts).compactMap { kind, verdicts in
            verdicts.due == 0 ? nil
                : Deadline(kind: kind, met: verdicts.met, missed: verdicts.due - verdicts.met, share: verdicts.share)
        }
        by = builder.grouping.rawValue
        let order: [String] = switch builder.grouping {
        case .kind: Self.kindOrder
        case .platform: Platform.allCases.map(\.rawValue)
        case .channel: MentionChannel.allCases.map(\.rawValue)
        case .agent, .day, .hour: []
        }
        groups = Self.ordered(builder.groupCounts.map { key, group in
            Group(key: key, cases: group.cases, replied: group.replied, firstResponse: Durations(group.firsts),
                  withinDeadline: group.verdicts.share)
        }, by: \.key, order: order)
        agents = builder.agents.map { agent, cases, handling in
            Agent(agent: agent, cases: cases, replies: handling.count, handling: Durations(handling))
        }.sorted { ($0.replies, $1.agent) > ($1.replies, $0.agent) }
        backlog = builder.backlog.open
        handOffs = builder.handOffs.map { department, handOffs in
            HandOff(department: department, handedOff: handOffs.handedOff, answered: handOffs.answered.count,
                    answerTime: Durations(handOffs.answered))
        }.sorted { ($0.handedOff, $1.department) > ($1.handedOff, $0.department) }
        allegations = tally.allegations
        allegationsReplied = tally.allegationsReplied
        positions = builder.positions.values.map {
            PositionUse(id: $0.position.id, version: $0.position.version, topic: $0.position.topic, cases: $0.cases.count)
        }.sorted { ($0.cases, $1.id, $1.version) > ($1.cases, $0.id, $0.version) }
        ambassadors = builder.positive.values.filter { $0.positiveCases >= Self.ambassadorCases }
            .sorted { ($0.positiveCases, $1.handle) > ($1.positiveCases, $0.handle) }
        self.risingThemes = risingThemes
    }

    /// Kinds in the order the queue header shows them, then mentions nobody classified.
    static let kindOrder = MentionKind.allCases.map(\.rawValue) + [unclassified]
    static let unclassified = "unclassified"

    static func kindKey(_ kind: MentionKind?) -> String { kind?.rawValue ?? unclassified }

    /// Outcomes other than no reply, in the order the report lists them.
    public static let closedOrder: [Outcome] = [.resolved, .answered, .thanked, .unresolved]

    /// `outcome`'s place in `closedOrder` (a no-reply outcome is not in it: 0).
    static func closedIndex(_ outcome: Outcome) -> Int { closedOrder.firstIndex(of: outcome) ?? 0 }

    /// The counts under `keys` (same order) that are not zero.
    static func counted(_ keys: [String], _ counts: [Int]) -> [Count] {
        zip(keys, counts).filter { $0.1 > 0 }.map { Count(key: $0, count: $1) }
    }

    /// `items` in the order their keys have in `order`; keys it does not name after, by name.
    static func ordered<Item>(_ items: [Item], by key: (Item) -> String, order: [String]) -> [Item] {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return items.sorted { (rank[key($0)] ?? Int.max, key($0)) < (rank[key($1)] ?? Int.max, key($1)) }
    }

    /// The days of the period, each with where it ends (the period's end, if sooner).
    static func days(of period: ReportPeriod, _ calendar: Calendar) -> [(day: String, end: Date)] {
        var days: [(String, Date)] = []
        var start = calendar.startOfDay(for: period.start)
        while start < period.end {
            guard let next = calendar.date(byAdding: .day, value: 1, to: start) else { break }
            days.append((day(start, calendar), min(next, period.end)))
            start = next
        }
        return days
    }

    /// Upper bounds of `firstResponseSpread`'s buckets, in seconds, with their names.
    static let spreadBuckets = [(900, "15m"), (1800, "30m"), (3600, "1h"), (7200, "2h"), (14_400, "4h"), (28_800, "8h"),
                                (86_400, "24h")]

    static func spread(_ seconds: [Int]) -> [Count] {
        var counts = spreadBuckets.map { Count(key: $0.1, count: 0) } + [Count(key: "longer", count: 0)]
        for value in seconds {
            counts[spreadBuckets.firstIndex { value <= $0.0 } ?? spreadBuckets.count].count += 1
        }
        return counts
    }

    static let ambassadorCases = 3

    /// `date`'s day in `calendar`'s time zone, as YYYY-MM-DD.
    public static func day(_ date: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
