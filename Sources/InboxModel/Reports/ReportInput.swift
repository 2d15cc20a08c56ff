import Foundation

/// The time a report covers: from `start` up to, not including, `end`.
public struct ReportPeriod: Equatable, Sendable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = max(start, end)
    }

    public var length: TimeInterval { end.timeIntervalSince(start) }

    /// The period of the same length right before this one: what rising themes are
    /// compared with.
    public var previous: ReportPeriod {
        ReportPeriod(start: start.addingTimeInterval(-length), end: start)
    }

    public func contains(_ date: Date) -> Bool { date >= start && date < end }

    /// The whole day `moment` falls on, in `calendar`'s time zone.
    public static func day(containing moment: Date, _ calendar: Calendar) -> ReportPeriod {
        let start = calendar.startOfDay(for: moment)
        return ReportPeriod(start: start, end: calendar.date(byAdding: .day, value: 1, to: start) ?? moment)
    }

    /// The week, Monday to Sunday, `moment` falls in.
    public static func week(containing moment: Date, _ calendar: Calendar) -> ReportPeriod {
        let today = calendar.startOfDay(for: moment)
        let sinceMonday = (calendar.component(.weekday, from: today) + 5) % 7
        let start = calendar.date(byAdding: .day, value: -sinceMonday, to: today) ?? today
        return ReportPeriod(start: start, end: calendar.date(byAdding: .day, value: 7, to: start) ?? moment)
    }
}

/// One step in a case's log as a report reads it: when, by whom, what.
public struct ReportStep: Equatable, Sendable {
    public var at: Date
    public var agent: String
    public var event: FlowEvent

    public init(at: Date, agent: String, event: FlowEvent) {
        self.at = at
        self.agent = agent
        self.event = event
    }
}

/// One case as a report reads it: the mention that opened it, the kind the classifier
/// suggested, when the customer's wait started (its clock's origin), and its whole log.
public struct ReportCase: Equatable, Sendable {
    public var number: Int64
    public var mention: Mention
    public var suggestedKind: MentionKind?
    public var openedAt: Date
    public var log: [ReportStep]

    public init(number: Int64, mention: Mention, suggestedKind: MentionKind?, openedAt: Date, log: [ReportStep]) {
        self.number = number
        self.mention = mention
        self.suggestedKind = suggestedKind
        self.openedAt = openedAt
        self.log = log
    }
}

/// One mention (the first of a case or a later message in it) for the counts of what
/// came in.
public struct ReportMention: Equatable, Sendable {
    public var platform: Platform
    public var channel: MentionChannel
    /// Its case's kind as the inbox holds it: confirmed, else suggested.
    public var kind: MentionKind?
    /// When its wait started.
    public var at: Date

    public init(platform: Platform, channel: MentionChannel, kind: MentionKind?, at: Date) {
        self.platform = platform
        self.channel = channel
        self.kind = kind
        self.at = at
    }
}

/// The texts rising themes are counted in: every mention of a period, or of a period
/// with more than `size` mentions every `every`-th of them by number (so a million
/// mentions cost ten thousand texts; docs/reports.md says how the counts are scaled).
public struct ThemeSample: Equatable, Sendable {
    public static let size = 10_000

    public var texts: [String]
    /// 1 when every mention's text is here.
    public var every: Int

    public init(texts: [String], every: Int = 1) {
        self.texts = texts
        self.every = max(1, every)
    }

    /// Which mention is sampled out of `count`: every this-many-th.
    public static func every(of count: Int) -> Int { max(1, (count + size - 1) / size) }
}

/// What a report is computed from, as the store reads it for a period.
public struct ReportInput: Equatable, Sendable {
    /// Cases whose facts the store kept as their events were appended, holding for the
    /// period (no event of theirs at or after its end).
    public var kept: [CaseFacts]
    /// Cases whose logs the report folds up to the period's end: facts not kept (a
    /// database from before they were), or events after the end.
    public var cases: [ReportCase]
    /// The mentions whose wait started in the period.
    public var mentions: [ReportMention]
    /// Texts for rising themes, of the period and of the one before it.
    public var themes: ThemeSample
    public var themesBefore: ThemeSample

    /// Both sets of cases hold the period's cases and those opened before it that were
    /// still open when it started (they count in the backlog only).
    public init(kept: [CaseFacts] = [], cases: [ReportCase], mentions: [ReportMention], themes: ThemeSample,
                themesBefore: ThemeSample) {
        self.kept = kept
        self.cases = cases
        self.mentions = mentions
        self.themes = themes
        self.themesBefore = themesBefore
    }
}
