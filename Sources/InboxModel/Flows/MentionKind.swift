/// The situations the source documents say get a response (slide 45), each
/// with its own flow. Everything else leaves through `DismissReason`.
public enum MentionKind: String, CaseIterable, Codable, Sendable, Comparable {
    case question
    case complaint
    case positive
    case negative
    case allegation

    /// The Dutch term teams look for in the UI (flows.md keeps them).
    public var dutchName: String {
        switch self {
        case .question: "vraag"
        case .complaint: "klacht"
        case .positive: "positieve uitlating"
        case .negative: "negatieve uitlating"
        case .allegation: "aantijging"
        }
    }

    /// "a question", "an allegation": for refusals that read as sentences.
    public var withArticle: String { self == .allegation ? "an allegation" : "a \(rawValue)" }

    /// Urgency in the queue: allegations first, positives last.
    public var urgency: Int {
        switch self {
        case .allegation: 0
        case .complaint: 1
        case .negative: 2
        case .question: 3
        case .positive: 4
        }
    }

    public static func < (lhs: MentionKind, rhs: MentionKind) -> Bool { lhs.urgency < rhs.urgency }
}

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

/// The platform's own gesture that can stand in for, or go with, a thank-you.
public enum PlatformAction: String, CaseIterable, Codable, Sendable {
    case retweet
    case like
}
