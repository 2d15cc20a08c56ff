import Foundation

/// Adds up a `TeamReport` one mention and one case at a time, as the store reads them:
/// a report over a million cases keeps a few counters and the waits, never the cases.
///
/// Cases and mentions count by when their wait started, and each log counts up to the
/// end of the period, so a report of a past week says today what it said at the end of
/// that week. A period that has not ended yet is judged as it stands `now`: no deadline
/// is missed, no day counted, in the future. Days and hours are in `calendar`'s time zone.
public struct ReportBuilder: Sendable {
    public let period: ReportPeriod
    let grouping: ReportGrouping
    /// The house deadline in seconds per kind (`TeamReport.kindOrder`) and home channel
    /// (`ReplyChannel.allCases`), looked up once instead of once per case.
    let allowed: [[Int]]
    let rules: HouseRules
    let calendar: Calendar
    /// Where the period stands: its end, or now while it lasts.
    let end: Date
    let local: LocalTime

    var mentions = 0
    /// By `TeamReport.kindOrder`, `Platform.allCases`, `MentionChannel.allCases`.
    var mentionKinds = Array(repeating: 0, count: TeamReport.kindOrder.count)
    var platforms = Array(repeating: 0, count: Platform.allCases.count)
    var channels = Array(repeating: 0, count: MentionChannel.allCases.count)
    /// Mentions per quarter hour since 1970 (`LocalTime.quarter`), but for the run of
    /// mentions in one quarter hour still being counted (the store reads them about in
    /// order of time).
    private var quarters: [Int: Int] = [:]
    private var run: (quarter: Int, count: Int)?

    var cases = CaseTally()
    var groups: [String: CaseTally.Group] = [:]
    /// The group the last case counted in: cases read in order often share it.
    private var lastGroup: (key: String, group: CaseTally.Group)?
    var positive: [String: TeamReport.Ambassador] = [:]
    /// Per agent who replied in the period (a team: a few dozen, searched in order).
    var agents: [(agent: String, cases: Int, handling: [Int])] = []
    var backlog: BacklogTally
    var handOffs: [String: (handedOff: Int, answered: [Int])] = [:]
    var positions: [String: (position: TeamPosition, cases: Set<Int64>)] = [:]

    public init(period: ReportPeriod, now: Date, by grouping: ReportGrouping = .kind,
                deadlines: ReactionDeadlines = .defaults, rules: HouseRules = HouseRules(),
                calendar: Calendar = Calendar(identifier: .gregorian)) {
        self.period = period
        self.grouping = grouping
        allowed = TeamReport.kindOrder.indices.map { index in
            let kind = index < ReportOrdinals.kinds.count ? ReportOrdinals.kinds[index] : nil
            return ReportOrdinals.homes.map { deadlines.seconds(for: kind, on: $0) }
        }
        self.rules = rules
        self.calendar = calendar
        end = min(period.end, max(now, period.start))
        local = LocalTime(calendar)
        backlog = BacklogTally(days: TeamReport.days(of: ReportPeriod(start: period.start, end: end), calendar))
    }

    /// Counts a mention whose wait started in the period (others are passed over).
    public mutating func add(_ mention: ReportMention) {
        guard period.contains(mention.at) else { return }
        mentions += 1
        mentionKinds[ReportOrdinals.kind(mention.kind)] += 1
        platforms[ReportOrdinals.platform(mention.platform)] += 1
        channels[ReportOrdinals.channel(mention.channel)] += 1
        let quarter = LocalTime.quarter(mention.at)
        if let run, run.quarter == quarter {
            self.run?.count += 1
        } else {
            if let run { quarters[run.quarter, default: 0] += run.count }
            run = (quarter, 1)
        }
    }

    /// Mentions per quarter hour since 1970.
    var quarterCounts: [Int: Int] {
        guard let run else { return quarters }
        return quarters.merging([run.quarter: run.count], uniquingKeysWith: +)
    }

    /// Folds `source`'s log up to the end of the period and counts the case.
    public mutating func fold(_ source: ReportCase) {
        add(CaseFacts(source, until: period.end, rules: rules))
    }

    /// Counts a case whose facts hold at the end of the period: in the period's figures
    /// when it opened in the period, in the backlog, the team's replies, hand-offs and
    /// positions in any case.
    public mutating func add(_ fact: CaseFacts) {
        if period.contains(fact.openedAt) {
            let allowed = allowed[ReportOrdinals.kind(fact.kind)][ReportOrdinals.home(fact.home)]
            let verdict = fact.metDeadline(allowed: allowed, end: end)
            cases.add(fact, verdict: verdict)
            let key = groupKey(fact)
            if lastGroup?.key != key {
                if let lastGroup { groups[lastGroup.key] = lastGroup.group }
                lastGroup = (key, groups.removeValue(forKey: key) ?? CaseTally.Group())
            }
            lastGroup?.group.add(fact, verdict: verdict)
            if fact.kind == .positive {
                positive["\(fact.platform.rawValue):\(fact.authorHandle.lowercased())", default: TeamReport.Ambassador(
                    platform: fact.platform.rawValue, handle: fact.authorHandle, positiveCases: 0, followers: 0)].add(fact)
            }
        }
        backlog.add(fact)
        if let first = fact.folded.firstReply { addReply(first, counted: []) }
        if let more = fact.folded.more {
            var counted = fact.folded.firstReply.map { period.contains($0.at) ? [$0.agent] : [] } ?? []
            for reply in more.replies {
                addReply(reply, counted: counted)
                if period.contains(reply.at) && !counted.contains(reply.agent) { counted.append(reply.agent) }
            }
            add(more, of: fact.number)
        }
    }

    /// Counts `reply` for its agent if it was sent in the period; a case once per agent
    /// (`counted`: the agents already counted in this case).
    private mutating func addReply(_ reply: FoldedFacts.Reply, counted: [String]) {
        guard period.contains(reply.at) else { return }
        let handling = Int(wholeSeconds: reply.at.timeIntervalSince(reply.handlingFrom))
        if let index = agents.firstIndex(where: { $0.agent == reply.agent }) {
            agents[index].handling.append(handling)
            if !counted.contains(reply.agent) { agents[index].cases += 1 }
        } else {
            agents.append((reply.agent, 1, [handling]))
        }
    }

    /// Counts case `number`'s hand-offs and positions in the period.
    private mutating func add(_ more: FoldedFacts.Rest, of number: Int64) {
        for handOff in more.handOffs where period.contains(handOff.at) {
            handOffs[handOff.department, default: (0, [])].handedOff += 1
            if let answeredAt = handOff.answeredAt {
                handOffs[handOff.department]?.answered.append(Int(wholeSeconds: answeredAt.timeIntervalSince(handOff.at)))
            }
        }
        for taken in more.positions where period.contains(taken.at) {
            positions["\(taken.position.id)\u{0}\(taken.position.version)", default: (taken.position, [])].cases
                .insert(number)
        }
    }

    /// The `--by` group a case counts in.
    private func groupKey(_ fact: CaseFacts) -> String {
        switch grouping {
        case .kind: TeamReport.kindKey(fact.kind)
        case .platform: fact.platform.rawValue
        case .channel: fact.channel.rawValue
        case .agent: fact.folded.firstReply?.agent ?? "(no reply)"
        case .day: local.moment(ofQuarter: LocalTime.quarter(fact.openedAt)).day
        case .hour: String(format: "%02d", local.moment(ofQuarter: LocalTime.quarter(fact.openedAt)).hour)
        }
    }

    /// Adds what `other` added up (a builder for another part of the same period's
    /// mentions and cases: a scan split over two threads).
    public mutating func merge(_ other: ReportBuilder) {
        mentions += other.mentions
        for index in mentionKinds.indices { mentionKinds[index] += other.mentionKinds[index] }
        for index in platforms.indices { platforms[index] += other.platforms[index] }
        for index in channels.indices { channels[index] += other.channels[index] }
        quarters = quarterCounts.merging(other.quarterCounts, uniquingKeysWith: +)
        run = nil
        cases.merge(other.cases)
        var merged = groupCounts
        for (key, group) in other.groupCounts { merged[key, default: CaseTally.Group()].merge(group) }
        groups = merged
        lastGroup = nil
        positive.merge(other.positive) { mine, theirs in
            TeamReport.Ambassador(platform: mine.platform, handle: mine.handle,
                                  positiveCases: mine.positiveCases + theirs.positiveCases,
                                  followers: max(mine.followers, theirs.followers))
        }
        for (agent, cases, handling) in other.agents {
            if let index = agents.firstIndex(where: { $0.agent == agent }) {
                agents[index].cases += cases
                agents[index].handling += handling
            } else {
                agents.append((agent, cases, handling))
            }
        }
        backlog.merge(other.backlog)
        handOffs.merge(other.handOffs) { ($0.handedOff + $1.handedOff, $0.answered + $1.answered) }
        positions.merge(other.positions) { ($0.position, $0.cases.union($1.cases)) }
    }

    /// Every group of the `--by` table.
    var groupCounts: [String: CaseTally.Group] {
        guard let lastGroup else { return groups }
        var all = groups
        all[lastGroup.key] = lastGroup.group
        return all
    }

    /// The report of what was added, with rising themes read in `themes` against `before`.
    public func report(themes: ThemeSample, before: ThemeSample) -> TeamReport {
        TeamReport(self, risingThemes: RisingThemes.find(now: themes, before: before))
    }
}

/// Open cases at the end of each day of a period: each case adds one to the days it is
/// open at the end of, found by where its openings and closings fall among the days'
/// ends (a million cases over a month: a million binary searches, not thirty million tests).
struct BacklogTally {
    let days: [(day: String, end: Date)]
    private let moments: [Date]
    /// How the count of open cases changes at the end of each day.
    private var change: [Int]

    init(days: [(day: String, end: Date)]) {
        self.days = days
        moments = days.map { $0.end.addingTimeInterval(-0.001) }
        change = Array(repeating: 0, count: days.count + 1)
    }

    /// The first day whose moment is at or after `date`.
    private func firstDay(from date: Date) -> Int {
        var low = 0, high = moments.count
        while low < high {
            let middle = (low + high) / 2
            if moments[middle] < date { low = middle + 1 } else { high = middle }
        }
        return low
    }

    mutating func add(_ fact: CaseFacts) {
        guard let transitions = fact.folded.more?.transitions, !transitions.isEmpty else {
            // Open from its opening, until it closed if it did.
            if let closedAt = fact.folded.closedAt, closedAt <= fact.openedAt { return }
            change[firstDay(from: fact.openedAt)] += 1
            change[fact.folded.closedAt.map(firstDay(from:)) ?? days.count] -= 1
            return
        }
        // The case is open at a moment on or after its opening unless the last
        // transition at or before that moment closed it.
        var open = !(transitions.last { $0.at <= fact.openedAt }?.closed ?? false)
        var since = firstDay(from: fact.openedAt)
        for transition in transitions where transition.at > fact.openedAt && transition.closed == open {
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

    mutating func merge(_ other: BacklogTally) {
        for index in change.indices { change[index] += other.change[index] }
    }

    var open: [TeamReport.BacklogDay] {
        var running = 0
        return days.indices.map { index in
            running += change[index]
            return TeamReport.BacklogDay(day: days[index].day, open: running)
        }
    }
}
