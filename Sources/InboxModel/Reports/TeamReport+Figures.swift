import Foundation

extension TeamReport {
    /// The report of `input` for `period`: cases and mentions are counted by when their
    /// wait started, and each log is read up to the end of the period, so a report of a
    /// past week says today what it said at the end of that week. A period that has not
    /// ended yet is judged as it stands `now`: no deadline is missed, no day counted, in
    /// the future. Days and hours are in `calendar`'s time zone.
    public init(_ input: ReportInput, period: ReportPeriod, now: Date, by grouping: ReportGrouping = .kind,
                deadlines: ReactionDeadlines = .defaults, rules: HouseRules = HouseRules(),
                calendar: Calendar = Calendar(identifier: .gregorian)) {
        let all = input.cases.map { CaseFacts($0, until: period.end, rules: rules) }
        /// Where the period stands: its end, or now while it lasts.
        let end = min(period.end, max(now, period.start))
        let sofar = ReportPeriod(start: period.start, end: end)
        let facts = all.filter { period.contains($0.source.openedAt) }
        let mentions = input.mentions.filter { period.contains($0.at) }
        from = period.start
        to = period.end
        timeZone = calendar.timeZone.identifier
        self.mentions = mentions.count
        mentionsByKind = Self.counted(mentions.map { Self.kindKey($0.kind) }, order: Self.kindOrder)
        mentionsByPlatform = Self.counted(mentions.map(\.platform.rawValue), order: Platform.allCases.map(\.rawValue))
        mentionsByChannel = Self.counted(mentions.map(\.channel.rawValue), order: MentionChannel.allCases.map(\.rawValue))
        var grid = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        for mention in mentions {
            let parts = calendar.dateComponents([.weekday, .hour], from: mention.at)
            grid[((parts.weekday ?? 2) + 5) % 7][parts.hour ?? 0] += 1
        }
        weekdayHours = grid
        let perDay = Dictionary(mentions.map { (Self.day($0.at, calendar), 1) }, uniquingKeysWith: +)
        mentionsPerDay = Self.days(of: period, calendar).map { Count(key: $0.day, count: perDay[$0.day] ?? 0) }
        cases = facts.count
        casesByKind = Self.counted(facts.map { Self.kindKey($0.kind) }, order: Self.kindOrder)
        replied = facts.filter { !$0.replies.isEmpty }.count
        let outcomes = facts.compactMap(\.outcome)
        noReply = Self.counted(outcomes.compactMap { if case .noReply(let reason) = $0 { reason.rawValue } else { nil } },
                               order: DismissReason.allCases.map(\.rawValue))
        closed = Self.counted(outcomes.filter { !$0.isNoReply }.map(\.summary),
                              order: ["resolved", "answered", "thanked", "unresolved"])
        open = facts.filter { !$0.flow.isClosed }.count
        let responses = facts.flatMap(\.flow.clock.responses)
        let firsts = responses.filter { $0.kind == .first }.map(\.seconds)
        firstResponse = Durations(firsts)
        firstResponseSpread = Self.spread(firsts)
        nextResponse = Durations(responses.filter { $0.kind == .next }.map(\.seconds))
        resolution = Durations(facts.compactMap { fact in
            guard let closedAt = fact.closedAt, let outcome = fact.outcome, !outcome.isNoReply else { return nil }
            return Int(wholeSeconds: closedAt.timeIntervalSince(fact.source.openedAt))
        })
        self.deadlines = Self.kindOrder.compactMap { kind in
            let verdicts = facts.filter { Self.kindKey($0.kind) == kind }.compactMap { $0.metDeadline(deadlines, end: end) }
            guard !verdicts.isEmpty else { return nil }
            let met = verdicts.filter { $0 }.count
            return Deadline(kind: kind, met: met, missed: verdicts.count - met, share: Self.share(verdicts))
        }
        by = grouping.rawValue
        groups = Self.groups(facts, by: grouping, deadlines: deadlines, end: end, calendar: calendar)
        agents = Self.agents(all, period: period)
        backlog = Self.backlog(all, period: sofar, calendar: calendar)
        handOffs = Self.handOffs(all, period: period)
        let allegationCases = facts.filter { $0.kind == .allegation }
        allegations = allegationCases.count
        allegationsReplied = allegationCases.filter { !$0.replies.isEmpty }.count
        positions = Self.positions(all, period: period)
        ambassadors = Self.ambassadors(facts)
        risingThemes = RisingThemes.find(now: mentions.map(\.text),
                                         before: input.mentions.filter { period.previous.contains($0.at) }.map(\.text))
    }

    /// Kinds in the order the queue header shows them, then mentions nobody classified.
    static let kindOrder = MentionKind.allCases.map(\.rawValue) + [unclassified]
    static let unclassified = "unclassified"

    static func kindKey(_ kind: MentionKind?) -> String { kind?.rawValue ?? unclassified }

    /// How often each key occurs, in `order`.
    static func counted(_ keys: [String], order: [String]) -> [Count] {
        ordered(Dictionary(keys.map { ($0, 1) }, uniquingKeysWith: +).map { Count(key: $0, count: $1) }, by: \.key,
                order: order)
    }

    /// `items` in the order their keys have in `order`; keys it does not name after, by name.
    static func ordered<Item>(_ items: [Item], by key: (Item) -> String, order: [String]) -> [Item] {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return items.sorted { (rank[key($0)] ?? Int.max, key($0)) < (rank[key($1)] ?? Int.max, key($1)) }
    }

    /// The share of first responses within the deadline; nil when none was due.
    static func share(_ verdicts: [Bool]) -> Double? {
        verdicts.isEmpty ? nil : Double(verdicts.filter { $0 }.count) / Double(verdicts.count)
    }

    static func groups(_ facts: [CaseFacts], by grouping: ReportGrouping, deadlines: ReactionDeadlines, end: Date,
                       calendar: Calendar) -> [Group] {
        let keyed = Dictionary(grouping: facts) { fact -> String in
            switch grouping {
            case .kind: kindKey(fact.kind)
            case .platform: fact.source.mention.platform.rawValue
            case .channel: fact.source.mention.channel.rawValue
            case .agent: fact.replies.first?.agent ?? "(no reply)"
            case .day: day(fact.source.openedAt, calendar)
            case .hour: String(format: "%02d", calendar.component(.hour, from: fact.source.openedAt))
            }
        }
        let order: [String] = switch grouping {
        case .kind: kindOrder
        case .platform: Platform.allCases.map(\.rawValue)
        case .channel: MentionChannel.allCases.map(\.rawValue)
        case .agent, .day, .hour: []
        }
        return ordered(keyed.map { key, facts in
            Group(key: key, cases: facts.count, replied: facts.filter { !$0.replies.isEmpty }.count,
                  firstResponse: Durations(facts.compactMap { $0.flow.clock.firstResponse?.seconds }),
                  withinDeadline: share(facts.compactMap { $0.metDeadline(deadlines, end: end) }))
        }, by: \.key, order: order)
    }

    /// Replies sent in the period, per agent.
    static func agents(_ facts: [CaseFacts], period: ReportPeriod) -> [Agent] {
        let replies = facts.flatMap { fact in fact.replies.filter { period.contains($0.at) }.map { (fact.source.number, $0) } }
        return Dictionary(grouping: replies) { $0.1.agent }.map { agent, replies in
            Agent(agent: agent, cases: Set(replies.map(\.0)).count, replies: replies.count,
                  handling: Durations(replies.map { Int(wholeSeconds: $0.1.at.timeIntervalSince($0.1.handlingFrom)) }))
        }.sorted { ($0.replies, $1.agent) > ($1.replies, $0.agent) }
    }

    /// Open cases at the end of each day of the period.
    static func backlog(_ facts: [CaseFacts], period: ReportPeriod, calendar: Calendar) -> [BacklogDay] {
        days(of: period, calendar).map { day in
            BacklogDay(day: day.day, open: facts.filter { $0.isOpen(at: day.end.addingTimeInterval(-0.001)) }.count)
        }
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

    static func handOffs(_ facts: [CaseFacts], period: ReportPeriod) -> [HandOff] {
        let handOffs = facts.flatMap(\.handOffs).filter { period.contains($0.at) }
        return Dictionary(grouping: handOffs, by: \.department).map { department, handOffs in
            let answered = handOffs.compactMap { handOff in handOff.answeredAt.map { ($0, handOff.at) } }
            return HandOff(department: department, handedOff: handOffs.count, answered: answered.count,
                           answerTime: Durations(answered.map { Int(wholeSeconds: $0.timeIntervalSince($1)) }))
        }.sorted { ($0.handedOff, $1.department) > ($1.handedOff, $0.department) }
    }

    /// Team positions taken during the period, in any case (also one opened before it).
    static func positions(_ facts: [CaseFacts], period: ReportPeriod) -> [PositionUse] {
        var uses: [String: (position: TeamPosition, cases: Set<Int64>)] = [:]
        for fact in facts {
            for (position, at) in fact.positions where period.contains(at) {
                let key = "\(position.id)\u{0}\(position.version)"
                uses[key, default: (position, [])].cases.insert(fact.source.number)
            }
        }
        return uses.values.map { PositionUse(id: $0.position.id, version: $0.position.version, topic: $0.position.topic,
                                             cases: $0.cases.count) }
            .sorted { ($0.cases, $1.id, $1.version) > ($1.cases, $0.id, $0.version) }
    }

    /// Authors with at least `ambassadorCases` positive cases in the period: the source's
    /// "structureel fangedrag herkennen".
    static func ambassadors(_ facts: [CaseFacts]) -> [Ambassador] {
        let positive = facts.filter { $0.kind == .positive }
        return Dictionary(grouping: positive) { "\($0.source.mention.platform.rawValue):\($0.source.mention.author.handle.lowercased())" }
            .values.filter { $0.count >= ambassadorCases }.map { cases in
                let author = cases[0].source.mention
                return Ambassador(platform: author.platform.rawValue, handle: author.author.handle,
                                  positiveCases: cases.count, followers: cases.map(\.source.mention.author.followers).max() ?? 0)
            }.sorted { ($0.positiveCases, $1.handle) > ($1.positiveCases, $0.handle) }
    }

    static let ambassadorCases = 3

    /// `date`'s day in `calendar`'s time zone, as YYYY-MM-DD.
    public static func day(_ date: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
