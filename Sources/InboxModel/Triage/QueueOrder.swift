import Foundation

/// The one order the queue is shown in, so every agent and every script sees
/// the same "next":
///
/// 1. overdue mentions first, whatever their kind;
/// 2. then by kind: allegation, complaint, negative, question, positive, and
///    mentions without a kind (nothing suggested) last;
/// 3. then influence: followers on a log scale, in whole decades (12 and 80
///    are equal, 3,400 beats 900), so a big account goes first but a few
///    followers more or less never reorders the queue;
/// 4. then age: oldest first, so nobody waits because others keep arriving.
///
/// Ties after that fall back to the id, so the order is total and stable.
public struct QueueEntry: Equatable, Sendable {
    public var id: String
    /// The confirmed kind, else the suggested one, else nil.
    public var kind: MentionKind?
    public var clock: ReactionClock.State
    public var followers: Int
    public var arrivedAt: Date

    public init(id: String, kind: MentionKind?, clock: ReactionClock.State, followers: Int, arrivedAt: Date) {
        self.id = id
        self.kind = kind
        self.clock = clock
        self.followers = followers
        self.arrivedAt = arrivedAt
    }

    /// The influence decade: 0 for under 10 followers, 6 for a million and up.
    public static func influence(followers: Int) -> Int {
        var decade = 0
        var rest = max(0, followers)
        while rest >= 10 {
            rest /= 10
            decade += 1
        }
        return decade
    }

    /// Whether `self` comes before `other` in the queue.
    public func precedes(_ other: QueueEntry) -> Bool {
        let overdue = clock == .overdue, otherOverdue = other.clock == .overdue
        if overdue != otherOverdue { return overdue }
        let urgency = kind?.urgency ?? MentionKind.allCases.count
        let otherUrgency = other.kind?.urgency ?? MentionKind.allCases.count
        if urgency != otherUrgency { return urgency < otherUrgency }
        let influence = Self.influence(followers: followers), otherInfluence = Self.influence(followers: other.followers)
        if influence != otherInfluence { return influence > otherInfluence }
        if arrivedAt != other.arrivedAt { return arrivedAt < other.arrivedAt }
        return id < other.id
    }
}

extension Sequence<QueueEntry> {
    /// The entries in queue order.
    public func inQueueOrder() -> [QueueEntry] { sorted { $0.precedes($1) } }
}
