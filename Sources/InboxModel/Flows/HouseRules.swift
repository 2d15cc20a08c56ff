/// What a team sets once in its communication handbook (slides 36–40) and the
/// flows obey: how long to count to ten, when a fan is an ambassador, and how
/// Twitter replies are counted. Reaction times live in `ReactionDeadlines`.
public struct HouseRules: Equatable, Sendable {
    /// The least an agent waits after an allegation is opened, in seconds.
    public static let minimumAllegationWait = 10

    /// Seconds to count before an allegation may be answered; never below ten.
    public var allegationWait: Int {
        didSet { allegationWait = max(Self.minimumAllegationWait, allegationWait) }
    }
    /// Positive mentions by one author, this one included, that make them a
    /// suggested ambassador.
    public var ambassadorThreshold: Int
    /// How replies on Twitter are counted: the source's 140 by default.
    public var twitterRules: ReplyRules

    public init(allegationWait: Int = minimumAllegationWait, ambassadorThreshold: Int = 3,
                twitterRules: ReplyRules = .twitterV1) {
        self.allegationWait = max(Self.minimumAllegationWait, allegationWait)
        self.ambassadorThreshold = ambassadorThreshold
        self.twitterRules = twitterRules
    }
}

/// What a flow knows about the mention it runs for. It does not change while
/// the flow runs; the store builds it when it folds the event log.
public struct FlowContext: Equatable, Sendable {
    public var platform: Platform
    /// Where replies go back to: a DM stays a DM.
    public var homeChannel: ReplyChannel
    /// The mention's text, passed on unchanged when the case is handed off.
    public var originalText: String
    public var authorHandle: String
    /// Earlier positive mentions by the same author.
    public var earlierPositiveMentions: Int
    public var rules: HouseRules

    public init(platform: Platform, homeChannel: ReplyChannel, originalText: String, authorHandle: String,
                earlierPositiveMentions: Int = 0, rules: HouseRules = HouseRules()) {
        self.platform = platform
        self.homeChannel = homeChannel
        self.originalText = originalText
        self.authorHandle = authorHandle
        self.earlierPositiveMentions = earlierPositiveMentions
        self.rules = rules
    }

    public init(mention: Mention, earlierPositiveMentions: Int = 0, rules: HouseRules = HouseRules()) {
        self.init(platform: mention.platform, homeChannel: mention.homeChannel, originalText: mention.text,
                  authorHandle: mention.author.handle, earlierPositiveMentions: earlierPositiveMentions, rules: rules)
    }
}
