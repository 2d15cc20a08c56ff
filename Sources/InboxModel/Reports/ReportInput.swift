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
/// with more than `size` mentions those whose number is a multiple of ⌈mentions / size⌉
/// (so a million mentions cost about ten thousand texts; docs/reports.md says how the
/// counts are scaled).
public struct ThemeSample: Equatable, Sendable {
    public static let size = 10_000

    public var texts: [String]
    /// How many mentions the period holds: `texts.count` when every text is here.
    public var mentions: Int

    public init(texts: [String], of mentions: Int? = nil) {
        self.texts = texts
        self.mentions = max(mentions ?? texts.count, texts.count)
    }

    /// Which numbers are sampled out of `count` mentions: the multiples of this.
    public static func every(of count: Int) -> Int64 { Int64(max(1, (count + size - 1) / size)) }

    /// `read` occurrences in the sample as an estimate for the whole period.
    func scaled(_ read: Int) -> Int {
        texts.isEmpty ? read : Int((Double(read) * Double(mentions) / Double(texts.count)).rounded())
    }
}
