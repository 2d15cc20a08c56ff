import Foundation

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
    /// When the case's first message started the customer's wait (its posted time for an
    /// import, its feed time for a replay); nil when not known.
    public var openedAt: Date?

    public init(platform: Platform, homeChannel: ReplyChannel, originalText: String, authorHandle: String,
                earlierPositiveMentions: Int = 0, rules: HouseRules = HouseRules(), openedAt: Date? = nil) {
        self.platform = platform
        self.homeChannel = homeChannel
        self.originalText = originalText
        self.authorHandle = authorHandle
        self.earlierPositiveMentions = earlierPositiveMentions
        self.rules = rules
        self.openedAt = openedAt
    }

    public init(mention: Mention, earlierPositiveMentions: Int = 0, rules: HouseRules = HouseRules(),
                openedAt: Date? = nil) {
        self.init(platform: mention.platform, homeChannel: mention.homeChannel, originalText: mention.text,
                  authorHandle: mention.author.handle, earlierPositiveMentions: earlierPositiveMentions, rules: rules,
                  openedAt: openedAt)
    }
}
