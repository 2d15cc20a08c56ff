/// What a team sets once in its communication handbook (slides 36–40) and the
/// flows obey: how long to count to ten, when a fan is an ambassador, and how
/// Twitter replies are counted. Reaction times live in `ReactionDeadlines`.
public struct HouseRules: Equatable, Sendable {
    /// The least an agent waits after an allegation is opened, in seconds.
    public static let minimumAllegationWait = 10
    /// The most an agent is made to wait: an hour. Longer leaves an accusation standing
    /// unanswered, and keeps clock arithmetic far from overflowing.
    public static let longestAllegationWait = 3600

    /// Seconds to count before an allegation may be answered; never below ten.
    public var allegationWait: Int {
        didSet { allegationWait = min(Self.longestAllegationWait, max(Self.minimumAllegationWait, allegationWait)) }
    }
    /// Positive mentions by one author, this one included, that make them a
    /// suggested ambassador.
    public var ambassadorThreshold: Int
    /// How replies on Twitter are counted: the source's 140 by default.
    public var twitterRules: ReplyRules
    /// The reaction clock stops while a case is with a department. Off by default: the
    /// customer is still waiting.
    public var pauseWithDepartment: Bool

    public init(allegationWait: Int = minimumAllegationWait, ambassadorThreshold: Int = 3,
                twitterRules: ReplyRules = .twitterV1, pauseWithDepartment: Bool = false) {
        self.allegationWait = min(Self.longestAllegationWait, max(Self.minimumAllegationWait, allegationWait))
        self.ambassadorThreshold = ambassadorThreshold
        self.twitterRules = twitterRules
        self.pauseWithDepartment = pauseWithDepartment
    }
}
