import Foundation

/// When the queue's header raises an alert (`[alerts]` in config.toml).
public struct AlertThresholds: Equatable, Sendable {
    /// A conversation or theme with at least this many new mentions…
    public var spreadingMentions = 5
    /// …in this many minutes: an allegation or an outage spreading.
    public var spreadingMinutes = 30
    /// An author with more followers than this waiting on us.
    public var influentialFollowers = 100_000
    /// A kind whose open cases are within their deadline for less than this share (percent)…
    public var withinDeadlinePercent = 50
    /// …counted once it has at least this many open cases (a single late one is no trend).
    public var withinDeadlineCases = 5

    public init() {}
}

/// A mention that arrived within the spreading window, as alerts read it.
public struct RecentMention: Equatable, Sendable {
    public var platform: Platform
    /// The conversation it belongs to: its conversation id, else its own id (a root post).
    public var conversation: String
    public var text: String

    public init(platform: Platform, conversation: String, text: String) {
        self.platform = platform
        self.conversation = conversation
        self.text = text
    }
}

/// An author with a case waiting on us.
public struct WaitingAuthor: Equatable, Sendable {
    public var platform: Platform
    public var handle: String
    public var followers: Int

    public init(platform: Platform, handle: String, followers: Int) {
        self.platform = platform
        self.handle = handle
        self.followers = followers
    }
}

/// Something in the queue that needs the team's attention now, with the limit that shows
/// the cases it is about.
public struct QueueAlert: Equatable, Sendable {
    public enum Subject: Equatable, Sendable {
        /// `count` new mentions in one conversation within the window.
        case conversation(Platform, id: String, count: Int)
        /// `count` new mentions carrying a theme (a hashtag or a word) within the window.
        case theme(String, count: Int)
        case influentialAuthor(WaitingAuthor)
        /// Of `open` cases of a kind, only `withinDeadline` are not overdue.
        case kindLate(MentionKind, withinDeadline: Int, open: Int)
        /// Several kinds late at once (a backlog): one alert for all of them.
        case kindsLate([MentionKind], withinDeadline: Int, open: Int)
    }

    public var subject: Subject
    /// What `l` (limit) takes to show the cases it is about.
    public var limit: String

    /// The alert in a few words, for the header.
    public func summary(minutes: Int) -> String {
        switch subject {
        case .conversation(_, _, let count): "conversation \(limit.dropFirst("conversation:".count)): \(count) in \(minutes)m"
        case .theme(let theme, let count): "\(theme) \(count) in \(minutes)m"
        case .influentialAuthor(let author): "@\(author.handle) \(Influence.short(author.followers)) waiting"
        case .kindLate(let kind, let within, let open): "\(kind.rawValue) \(within * 100 / max(open, 1))% in time"
        case .kindsLate(let kinds, let within, let open): "\(kinds.count) kinds late: \(within * 100 / max(open, 1))% in time"
        }
    }
}

/// Finds the alerts: pure, from what the store read (the mentions of the spreading
/// window, influential authors waiting, open and overdue cases per kind).
public enum QueueAlerts {
    /// At most this many alerts, the most pressing first: the header has one line.
    static let most = 9
    /// More kinds late than this make one alert: the line stays free for what spreads.
    static let lateKindsShownApart = 2

    public static func find(recent: [RecentMention], waiting: [WaitingAuthor], open: [MentionKind: Int],
                            overdue: [MentionKind: Int], thresholds: AlertThresholds) -> [QueueAlert] {
        var alerts: [QueueAlert] = []
        let late = MentionKind.allCases.sorted().compactMap { kind -> (kind: MentionKind, within: Int, open: Int)? in
            let count = open[kind] ?? 0, overdueCount = min(overdue[kind] ?? 0, count)
            guard count >= thresholds.withinDeadlineCases,
                  (count - overdueCount) * 100 < thresholds.withinDeadlinePercent * count else { return nil }
            return (kind, count - overdueCount, count)
        }
        if late.count > lateKindsShownApart {
            alerts.append(QueueAlert(subject: .kindsLate(late.map(\.kind), withinDeadline: late.reduce(0) { $0 + $1.within },
                                                         open: late.reduce(0) { $0 + $1.open }),
                                     limit: "overdue"))
        } else {
            alerts += late.map { QueueAlert(subject: .kindLate($0.kind, withinDeadline: $0.within, open: $0.open),
                                            limit: "kind:\($0.kind.rawValue) overdue") }
        }
        let conversations = Dictionary(recent.map { ("\($0.platform.rawValue)\u{0}\($0.conversation)", 1) }, uniquingKeysWith: +)
        for (key, count) in conversations.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) })
        where count >= thresholds.spreadingMentions {
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            guard parts.count == 2, let platform = Platform(rawValue: parts[0]) else { continue }
            alerts.append(QueueAlert(subject: .conversation(platform, id: parts[1], count: count),
                                     limit: "conversation:\(parts[1])"))
        }
        let themes = RisingThemes.counts(recent.map(\.text))
        for (theme, count) in themes.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) })
        where count >= thresholds.spreadingMentions {
            alerts.append(QueueAlert(subject: .theme(theme, count: count), limit: theme))
        }
        for author in waiting.sorted(by: { ($0.followers, $1.handle) > ($1.followers, $0.handle) })
        where author.followers > thresholds.influentialFollowers {
            alerts.append(QueueAlert(subject: .influentialAuthor(author), limit: "author:\(author.handle)"))
        }
        return Array(alerts.prefix(most))
    }
}
