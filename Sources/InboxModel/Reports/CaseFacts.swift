import Foundation

/// One case as a report counts it: where and when it opened, who wrote it, and what its
/// log says up to the end of the period (`FoldedFacts`), kept by the store or folded.
public struct CaseFacts: Equatable, Sendable {
    public var number: Int64
    /// When the customer's first wait started: the clock's origin.
    public var openedAt: Date
    public var platform: Platform
    public var channel: MentionChannel
    public var authorHandle: String
    public var followers: Int
    /// The kind the classifier suggested, for a case nobody classified.
    public var suggestedKind: MentionKind?
    public var folded: FoldedFacts

    public init(number: Int64, openedAt: Date, platform: Platform, channel: MentionChannel, authorHandle: String,
                followers: Int, suggestedKind: MentionKind?, folded: FoldedFacts) {
        self.number = number
        self.openedAt = openedAt
        self.platform = platform
        self.channel = channel
        self.authorHandle = authorHandle
        self.followers = followers
        self.suggestedKind = suggestedKind
        self.folded = folded
    }

    /// `source`'s log folded up to `end`.
    public init(_ source: ReportCase, until end: Date, rules: HouseRules) {
        let mention = source.mention
        self.init(number: source.number, openedAt: source.openedAt, platform: mention.platform, channel: mention.channel,
                  authorHandle: mention.author.handle, followers: mention.author.followers,
                  suggestedKind: source.suggestedKind,
                  folded: FoldedFacts(log: source.log, context: FlowContext(mention: mention, rules: rules,
                                                                             openedAt: source.openedAt), until: end))
    }

    /// The confirmed kind, else the suggested one.
    public var kind: MentionKind? { folded.confirmedKind ?? suggestedKind }
    var home: ReplyChannel { .home(of: platform, channel) }
    var isClosed: Bool { folded.outcome != nil }
    var wasReplied: Bool { folded.firstReply != nil }

    /// The first response against the house deadline for the case's kind on its home
    /// channel (`allowed` seconds): true met, false missed (late, or none yet while the
    /// deadline passed before `end`), nil not due.
    func metDeadline(allowed: Int, end: Date) -> Bool? {
        if let first = folded.firstResponse { return first <= allowed }
        guard let since = folded.waitingSince else { return nil }
        return end.timeIntervalSince(since) > Double(allowed) ? false : nil
    }
}
