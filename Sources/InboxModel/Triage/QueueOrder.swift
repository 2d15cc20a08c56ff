import Foundation

/// The one order the queue is shown in, so every agent and every script sees
/// the same "next":
///
/// 1. overdue cases first, whatever their kind;
/// 2. then the cases whose customer waits for us, before those where nobody does
///    (we replied, or the clock is paused);
/// 3. then by kind: allegation, complaint, negative, question, positive, and
///    cases without a kind (nothing suggested) last;
/// 4. then influence: followers on a log scale, in whole decades (12 and 80
///    are equal, 3,400 beats 900), so a big account goes first but a few
///    followers more or less never reorders the queue;
/// 5. then who has waited longest (the start of the wait), then arrival: oldest
///    first, so nobody waits because others keep arriving.
///
/// Ties after that fall back to the id, so the order is total and stable.
public struct QueueEntry: Equatable, Sendable {
    public var id: String
    /// The confirmed kind, else the suggested one, else nil.
    public var kind: MentionKind?
    /// Where the case stands against its deadline; nil while its clock does not run.
    public var clock: ReactionClock.State?
    public var followers: Int
    public var arrivedAt: Date
    /// When the customer's current wait began; nil while nobody waits on us.
    public var waitingSince: Date?

    /// `waitingSince` left out: the wait began on arrival when a clock runs, as for a
    /// case nobody has answered yet.
    public init(id: String, kind: MentionKind?, clock: ReactionClock.State?, followers: Int, arrivedAt: Date,
                waitingSince: Date? = nil) {
        self.id = id
        self.kind = kind
        self.clock = clock
        self.followers = followers
        self.arrivedAt = arrivedAt
        self.waitingSince = waitingSince ?? (clock == nil ? nil : arrivedAt)
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
        if (clock == nil) != (other.clock == nil) { return clock != nil }
        let urgency = kind?.urgency ?? MentionKind.allCases.count
        let otherUrgency = other.kind?.urgency ?? MentionKind.allCases.count
        if urgency != otherUrgency { return urgency < otherUrgency }
        let influence = Self.influence(followers: followers), otherInfluence = Self.influence(followers: other.followers)
        if influence != otherInfluence { return influence > otherInfluence }
        if let since = waitingSince, let otherSince = other.waitingSince, since != otherSince { return since < otherSince }
        if arrivedAt != other.arrivedAt { return arrivedAt < other.arrivedAt }
        return id < other.id
    }
}

extension Sequence<QueueEntry> {
    /// The entries in queue order.
    public func inQueueOrder() -> [QueueEntry] { sorted { $0.precedes($1) } }
}
