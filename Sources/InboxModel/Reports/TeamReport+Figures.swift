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
        let all = input.kept + input.cases.map { CaseFacts($0, until: period.end, rules: rules) }
        /// Where the period stands: its end, or now while it lasts.
        let end = min(period.end, max(now, period.start))
        let sofar = ReportPeriod(start: period.start, end: end)
        let local = LocalTime(calendar)
        let facts = all.filter { period.contains($0.openedAt) }
        let mentions = input.mentions.filter { period.contains($0.at) }
        from = period.start
        to = period.end
        timeZone = calendar.timeZone.identifier
        self.mentions = mentions.count
        mentionsByKind = Self.counted(mentions.map(\.kind).tallied().map { (Self.kindKey($0), $1) }, order: Self.kindOrder)
        mentionsByPlatform = Self.counted(mentions.map(\.platform).tallied().map { ($0.rawValue, $1) },
                                          order: Platform.allCases.map(\.rawValue))
        mentionsByChannel = Self.counted(mentions.map(\.channel).tallied().map { ($0.rawValue, $1) },
                                         order: MentionChannel.allCases.map(\.rawValue))
        var grid = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        var perDay: [String: Int] = [:]
        for (quarter, count) in mentions.map({ LocalTime.quarter($0.at) }).tallied() {
            let moment = local.moment(ofQuarter: quarter)
            grid[moment.weekday][moment.hour] += count
            perDay[moment.day, default: 0] += count
        }
        weekdayHours = grid
        mentionsPerDay = Self.days(of: period, calendar).map { Count(key: $0.day, count: perDay[$0.day] ?? 0) }
        cases = facts.count
        casesByKind = Self.counted(facts.map(\.kind).tallied().map { (Self.kindKey($0), $1) }, order: Self.kindOrder)
        replied = facts.count { $0.wasReplied }
        let outcomes = facts.compactMap(\.folded.outcome)
        noReply = Self.counted(outcomes.compactMap { if case .noReply(let reason) = $0 { reason.rawValue } else { nil } }
                                   .tallied().map { ($0, $1) }, order: DismissReason.allCases.map(\.rawValue))
        closed = Self.counted(outcomes.filter { !$0.isNoReply }.map(\.summary).tallied().map { ($0, $1) },
                              order: ["resolved", "answered", "thanked", "unresolved"])
        open = facts.count { !$0.isClosed }
        let firsts = facts.compactMap(\.folded.firstResponse)
        firstResponse = Durations(firsts)
        firstResponseSpread = Self.spread(firsts)
        nextResponse = Durations(facts.flatMap(\.folded.nextResponses))
        resolution = Durations(facts.compactMap { fact in
            guard let closedAt = fact.folded.closedAt, let outcome = fact.folded.outcome, !outcome.isNoReply else { return nil }
            return Int(wholeSeconds: closedAt.timeIntervalSince(fact.openedAt))
        })
        var verdicts: [String: [Bool]] = [:]
        for fact in facts {
            if let verdict = fact.metDeadline(deadlines, end: end) { verdicts[Self.kindKey(fact.kind), default: []].append(verdict) }
        }
        self.deadlines = Self.kindOrder.compactMap { kind in
            guard let verdicts = verdicts[kind] else { return nil }
            let met = verdicts.count { $0 }
            return Deadline(kind: kind, met: met, missed: verdicts.count - met, share: Self.share(verdicts))
        }
        by = grouping.rawValue
        groups = Self.groups(facts, by: grouping, deadlines: deadlines, end: end, local: local)
        agents = Self.agents(all, period: period)
        backlog = Self.backlog(all, period: sofar, calendar: calendar)
        handOffs = Self.handOffs(all, period: period)
        let allegationCases = facts.filter { $0.kind == .allegation }
        allegations = allegationCases.count
        allegationsReplied = allegationCases.count { $0.wasReplied }
        positions = Self.positions(all, period: period)
        ambassadors = Self.ambassadors(facts)
        risingThemes = RisingThemes.find(now: input.themes, before: input.themesBefore)
    }

    /// Kinds in the order the queue header shows them, then mentions nobody classified.
    static let kindOrder = MentionKind.allCases.map(\.rawValue) + [unclassified]
    static let unclassified = "unclassified"

    static func kindKey(_ kind: MentionKind?) -> String { kind?.rawValue ?? unclassified }

    /// Counts under their keys (a key given twice adds up), in `order`.
    static func counted(_ counts: [(String, Int)], order: [String]) -> [Count] {
        ordered(Dictionary(counts, uniquingKeysWith: +).map { Count(key: $0, count: $1) }, by: \.key, order: order)
    }

    /// `items` in the order their keys have in `order`; keys it does not name after, by name.
    static func ordered<Item>(_ items: [Item], by key: (Item) -> String, order: [String]) -> [Item] {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return items.sorted { (rank[key($0)] ?? Int.max, key($0)) < (rank[key($1)] ?? Int.max, key($1)) }
    }

    /// The share of first responses within the deadline; nil when none was due.
    static func share(_ verdicts: [Bool]) -> Double? {
        verdicts.isEmpty ? nil : Double(verdicts.count { $0 }) / Double(verdicts.count)
    }

    static func groups(_ facts: [CaseFacts], by grouping: ReportGrouping, deadlines: ReactionDeadlines, end: Date,
                       local: LocalTime) -> [Group] {
        let keyed = Dictionary(grouping: facts) { fact -> String in
            switch grouping {
            case .kind: kindKey(fact.kind)
            case .platform: fact.platform.rawValue
            case .channel: fact.channel.rawValue
            case .agent: fact.folded.replies.first?.agent ?? "(no reply)"
            case .day: local.moment(ofQuarter: LocalTime.quarter(fact.openedAt)).day
            case .hour: String(format: "%02d", local.moment(ofQuarter: LocalTime.quarter(fact.openedAt)).hour)
            }
        }
        let order: [String] = switch grouping {
        case .kind: kindOrder
        case .platform: Platform.allCases.map(\.rawValue)
        case .channel: MentionChannel.allCases.map(\.rawValue)
        case .agent, .day, .hour: []
        }
        return ordered(keyed.map { key, facts in
            Group(key: key, cases: facts.count, replied: facts.count { $0.wasReplied },
                  firstResponse: Durations(facts.compactMap(\.folded.firstResponse)),
                  withinDeadline: share(facts.compactMap { $0.metDeadline(deadlines, end: end) }))
        }, by: \.key, order: order)
    }

    /// Replies sent in the period, per agent.
    static func agents(_ facts: [CaseFacts], period: ReportPeriod) -> [Agent] {
        let replies = facts.flatMap { fact in fact.folded.replies.filter { period.contains($0.at) }.map { (fact.number, $0) } }
        return Dictionary(grouping: replies) { $0.1.agent }.map { agent, replies in
            Agent(agent: agent, cases: Set(replies.map(\.0)).count, replies: replies.count,
                  handling: Durations(replies.map { Int(wholeSeconds: $0.1.at.timeIntervalSince($0.1.handlingFrom)) }))
        }.sorted { ($0.replies, $1.agent) > ($1.replies, $0.agent) }
    }

    /// Open cases at the end of each day of the period: each case adds one to the days
    /// it is open at the end of, found by where its openings and closings fall among
    /// the days' ends (a million cases over a month: a million binary searches, not thirty
    /// million tests).
    static func backlog(_ facts: [CaseFacts], period: ReportPeriod, calendar: Calendar) -> [BacklogDay] {
        let days = days(of: period, calendar)
        let moments = days.map { $0.end.addingTimeInterval(-0.001) }
        /// The first day whose moment is at or after `date`.
        func firstDay(from date: Date) -> Int {
            var low = 0, high = moments.count
            while low < high {
                let middle = (low + high) / 2
                if moments[middle] < date { low = middle + 1 } else { high = middle }
            }
            return low
        }
        var change = Array(repeating: 0, count: days.count + 1)
        for fact in facts {
            // The case is open at a moment on or after its opening unless the last
            // transition at or before it closed it.
            var open = !(fact.folded.transitions.last { $0.at <= fact.openedAt }?.closed ?? false)
            var since = firstDay(from: fact.openedAt)
            for transition in fact.folded.transitions where transition.at > fact.openedAt && transition.closed == open {
                let day = firstDay(from: transition.at)
                if open {
                    change[since] += 1
                    change[day] -= 1
                } else {
                    since = day
                }
                open = !transition.closed
            }
            if open {
                change[since] += 1
                change[days.count] -= 1
            }
        }
        var running = 0
        return days.indices.map { index in
            running += change[index]
            return BacklogDay(day: days[index].day, open: running)
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
        let handOffs = facts.flatMap(\.folded.handOffs).filter { period.contains($0.at) }
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
            for taken in fact.folded.positions where period.contains(taken.at) {
                let key = "\(taken.position.id)\u{0}\(taken.position.version)"
                uses[key, default: (taken.position, [])].cases.insert(fact.number)
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
        return Dictionary(grouping: positive) { "\($0.platform.rawValue):\($0.authorHandle.lowercased())" }
            .values.filter { $0.count >= ambassadorCases }.map { cases in
                Ambassador(platform: cases[0].platform.rawValue, handle: cases[0].authorHandle,
                           positiveCases: cases.count, followers: cases.map(\.followers).max() ?? 0)
            }.sorted { ($0.positiveCases, $1.handle) > ($1.positiveCases, $0.handle) }
    }

    static let ambassadorCases = 3

    /// `date`'s day in `calendar`'s time zone, as YYYY-MM-DD.
    public static func day(_ date: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
