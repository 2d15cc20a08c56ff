/// Why a mention gets no reply. Not replying is a legitimate decision, and it is
/// always recorded with one of these (003: do not get burned on opinions).
public enum DismissReason: String, CaseIterable, Codable, Sendable {
    case spam
    case notAboutUs = "not-about-us"
    /// The negative emotion cannot be tempered with factual information.
    case noFactsToOffer = "no-facts-to-offer"
    /// Anything else; the note must then say what.
    case other

    public var summary: String {
        switch self {
        case .spam: "spam"
        case .notAboutUs: "not about us"
        case .noFactsToOffer: "no reply: the emotion cannot be tempered with facts"
        case .other: "no reply"
        }
    }
}

/// How a mention ended.
public enum Outcome: Equatable, Codable, Sendable {
    /// The customer confirmed they are helped.
    case resolved
    /// The question was answered.
    case answered
    /// The author was thanked, or the feedback taken on board.
    case thanked
    /// The conversation ended without the customer being helped.
    case unresolved
    /// A recorded decision not to reply.
    case noReply(DismissReason)

    /// Whether this is a decision not to reply rather than the end of a conversation.
    public var isNoReply: Bool {
        if case .noReply = self { true } else { false }
    }

    public var summary: String {
        switch self {
        case .resolved: "resolved"
        case .answered: "answered"
        case .thanked: "thanked"
        case .unresolved: "unresolved"
        case .noReply(let reason): reason.summary
        }
    }
}
