import Foundation

/// What the team did in a period and how fast: the figures of `webcare report`, each
/// defined in docs/reports.md. Computed by `TeamReport.init(_:period:…)` from the cases'
/// logs, so every figure follows from events anyone can inspect; the names are what
/// `--json` prints, and scripts rely on them.
public struct TeamReport: Codable, Equatable, Sendable {
    /// A count under a name (a kind, a platform, a reason), in the order a reader expects.
    public struct Count: Codable, Equatable, Sendable {
        public var key: String
        public var count: Int
    }

    /// Waits in whole seconds: how many, their median and 90th percentile (nearest rank).
    public struct Durations: Codable, Equatable, Sendable {
        public var count: Int
        public var median: Int?
        public var p90: Int?

        public init(count: Int, median: Int?, p90: Int?) {
            self.count = count
            self.median = median
            self.p90 = p90
        }

        public init(_ seconds: [Int]) {
            let sorted = seconds.sorted()
            count = sorted.count
            median = Self.nearestRank(0.5, of: sorted)
            p90 = Self.nearestRank(0.9, of: sorted)
        }

        /// The smallest value with at least `share` of the values at or below it.
        static func nearestRank(_ share: Double, of sorted: [Int]) -> Int? {
            guard !sorted.isEmpty else { return nil }
            let rank = Int((share * Double(sorted.count)).rounded(.up))
            return sorted[min(max(rank, 1), sorted.count) - 1]
        }
    }

    /// First responses of one kind against the house deadline for it.
    public struct Deadline: Codable, Equatable, Sendable {
        public var kind: String
        public var met: Int
        public var missed: Int
        /// met / (met + missed), nil when nothing was due.
        public var share: Double?
    }

    /// The main figures for one group of cases (`--by`).
    public struct Group: Codable, Equatable, Sendable {
        public var key: String
        public var cases: Int
        public var replied: Int
        public var firstResponse: Durations
        public var withinDeadline: Double?
    }

    public struct Agent: Codable, Equatable, Sendable {
        public var agent: String
        /// Cases the agent sent a reply in.
        public var cases: Int
        public var replies: Int
        /// From the agent's first step in a wait to their reply ending it.
        public var handling: Durations
    }

    public struct HandOff: Codable, Equatable, Sendable {
        public var department: String
        public var handedOff: Int
        public var answered: Int
        public var answerTime: Durations
    }

    public struct BacklogDay: Codable, Equatable, Sendable {
        /// The day, YYYY-MM-DD in the report's time zone.
        public var day: String
        /// Cases open at the end of the day (or at the end of the period, if sooner).
        public var open: Int
    }

    public struct PositionUse: Codable, Equatable, Sendable {
        public var id: String
        public var version: Int
        public var topic: String
        /// Cases the position was taken in during the period.
        public var cases: Int
    }

    public struct Ambassador: Codable, Equatable, Sendable {
        public var platform: String
        public var handle: String
        public var positiveCases: Int
        public var followers: Int
    }

    public struct Theme: Codable, Equatable, Sendable {
        public var word: String
        public var mentions: Int
        /// Mentions with the word in the period before, of the same length.
        public var previous: Int
    }

    public var from: Date
    public var to: Date
    public var timeZone: String
    /// Every mention whose wait started in the period: first messages and later ones.
    public var mentions: Int
    public var mentionsByKind: [Count]
    public var mentionsByPlatform: [Count]
    public var mentionsByChannel: [Count]
    /// Mentions per day of the period (YYYY-MM-DD), every day listed.
    public var mentionsPerDay: [Count]
    /// Mentions per weekday (Monday first) and hour of the day: 7 rows of 24.
    public var weekdayHours: [[Int]]
    /// Cases opened in the period.
    public var cases: Int
    public var casesByKind: [Count]
    public var replied: Int
    public var noReply: [Count]
    public var closed: [Count]
    public var open: Int
    public var firstResponse: Durations
    /// First responses by how long they took: up to 15m, 30m, 1h, 2h, 4h, 8h, 24h, longer.
    public var firstResponseSpread: [Count]
    public var nextResponse: Durations
    public var resolution: Durations
    public var deadlines: [Deadline]
    /// What `groups` are grouped by.
    public var by: String
    public var groups: [Group]
    public var agents: [Agent]
    public var backlog: [BacklogDay]
    public var handOffs: [HandOff]
    public var allegations: Int
    public var allegationsReplied: Int
    public var positions: [PositionUse]
    public var ambassadors: [Ambassador]
    public var risingThemes: [Theme]
}

/// What `webcare report --by` groups cases by.
public enum ReportGrouping: String, CaseIterable, Codable, Sendable {
    case kind, platform, channel, agent, day, hour
}
