import Foundation

/// How fast a team answers, per kind and channel: a house rule (reactietijd)
/// the team sets once. A mention whose kind is not confirmed yet runs on the
/// suggested kind's deadline, or `triage` when nothing is suggested.
public struct ReactionDeadlines: Equatable, Sendable {
    /// Seconds to answer each kind on any channel.
    public var perKind: [MentionKind: Int]
    /// Seconds for a kind on one channel, overriding `perKind`.
    public var perChannel: [Key: Int]
    /// Seconds to at least look at a mention nobody has classified.
    public var triage: Int

    public struct Key: Hashable, Sendable {
        public var kind: MentionKind
        public var channel: ReplyChannel

        public init(_ kind: MentionKind, _ channel: ReplyChannel) {
            self.kind = kind
            self.channel = channel
        }
    }

    public init(perKind: [MentionKind: Int], perChannel: [Key: Int] = [:], triage: Int) {
        self.perKind = perKind
        self.perChannel = perChannel
        self.triage = triage
    }

    /// Public accusations spread fastest, so they come first; a thank-you can
    /// wait a day. Direct messages are private and get a little longer.
    public static let defaults = ReactionDeadlines(
        perKind: [.allegation: 30 * 60, .complaint: 60 * 60, .negative: 2 * 3600, .question: 2 * 3600,
                  .positive: 24 * 3600],
        perChannel: [Key(.question, .dm): 4 * 3600, Key(.complaint, .dm): 2 * 3600],
        triage: 60 * 60)

    /// Seconds allowed for a mention of `kind` (nil: not known) on `channel`.
    public func seconds(for kind: MentionKind?, on channel: ReplyChannel) -> Int {
        guard let kind else { return triage }
        return perChannel[Key(kind, channel)] ?? perKind[kind] ?? triage
    }
}

/// Where a mention stands against its deadline.
public struct ReactionClock: Equatable, Sendable {
    public enum State: String, Sendable, Comparable {
        case onTime = "on-time"
        /// In the last 20% of the time allowed.
        case dueSoon = "due-soon"
        case overdue

        public static func < (lhs: State, rhs: State) -> Bool {
            let order: [State] = [.onTime, .dueSoon, .overdue]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public var state: State
    /// Seconds until the deadline; negative when overdue.
    public var secondsLeft: Int

    init(state: State, secondsLeft: Int) {
        self.state = state
        self.secondsLeft = secondsLeft
    }

    /// The clock of a mention that arrived at `arrival` and must be answered
    /// within `allowed` seconds, read at `now`.
    public init(arrival: Date, allowed: Int, now: Date) {
        let elapsed = now.timeIntervalSince(arrival)
        let left = Double(allowed) - elapsed
        secondsLeft = Int(wholeSeconds: left)
        state = if left <= 0 { .overdue } else if elapsed >= Double(allowed) * 0.8 { .dueSoon } else { .onTime }
    }
}
