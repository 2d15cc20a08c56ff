import Foundation

/// A case is one author's conversation with us on one platform: the unit an agent works
/// on. Its flow is the flow of its first mention; every later mention that joins it is
/// the customer writing again (`FlowEvent.authorWrote`).
public struct CaseNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The local number of the case's first mention.
    public var rawValue: Int64

    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    public static func < (lhs: CaseNumber, rhs: CaseNumber) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}

/// A case a new mention might belong to, found by the store and judged by `CaseRule`.
public struct CaseCandidate: Equatable, Sendable {
    /// How the store found it.
    public enum Relation: Equatable, Sendable {
        /// The mention's in-reply-to is the id the platform gave one of our replies in it.
        case answersOurReply
        /// One of its messages is in the mention's conversation: the same conversation id,
        /// the post the mention answers, or the conversation's first post.
        case sameConversation
        /// The author's latest direct-message case on the platform; `closedAt` is when it
        /// closed, nil while it is open.
        case directMessages(closedAt: Date?)
    }

    public var number: CaseNumber
    public var platform: Platform
    /// The case's author, without "@".
    public var author: String
    public var relation: Relation

    public init(number: CaseNumber, platform: Platform, author: String, relation: Relation) {
        self.number = number
        self.platform = platform
        self.author = author
        self.relation = relation
    }
}

/// Where a new mention goes.
public enum CaseJoin: Equatable, Sendable {
    /// It opens a case of its own.
    case opens
    /// It joins an existing case, for the reason given.
    case joins(CaseNumber, because: CaseCandidate.Relation)
}

/// The rule that puts a mention in a case. A new mention joins a case of the same author
/// on the same platform when
/// 1. it answers one of our posted replies in that case (in-reply-to is the id the
///    platform gave our reply), or else
/// 2. it belongs to the same conversation, or else
/// 3. it is a direct message and the author's direct-message case is open, or closed
///    less than `reopenWindow` before the mention was posted.
/// Otherwise it opens a new case. Other authors in the same conversation (a thread where
/// six people repeat an allegation) each get a case of their own; the thread view still
/// shows them together, by conversation.
public struct CaseRule: Equatable, Sendable {
    /// How long after closing a direct-message case a new message from the same author
    /// still reopens it (house rule, default 7 days).
    public var reopenWindow: TimeInterval

    public static let defaultReopenWindow: TimeInterval = 7 * 24 * 3600

    public init(reopenWindow: TimeInterval = defaultReopenWindow) {
        self.reopenWindow = reopenWindow
    }

    /// The case `mention` belongs to, among the candidates the store found for it.
    /// Candidates of another author or platform never count; among candidates of one
    /// clause the latest case wins.
    public func place(_ mention: Mention, among candidates: [CaseCandidate]) -> CaseJoin {
        let own = candidates.filter {
            $0.platform == mention.platform && Self.sameAuthor($0.author, mention.author.handle)
        }
        func latest(where test: (CaseCandidate.Relation) -> Bool) -> CaseCandidate? {
            own.filter { test($0.relation) }.max { $0.number < $1.number }
        }
        if mention.inReplyToID != nil, let found = latest(where: { $0 == .answersOurReply }) {
            return .joins(found.number, because: found.relation)
        }
        if let found = latest(where: { $0 == .sameConversation }) {
            return .joins(found.number, because: found.relation)
        }
        if mention.channel == .directMessage, let found = latest(where: { relation in
            guard case .directMessages(let closedAt) = relation else { return false }
            return closedAt.map { mention.postedAt.timeIntervalSince($0) < reopenWindow } ?? true
        }) {
            return .joins(found.number, because: found.relation)
        }
        return .opens
    }

    /// Handles compare as the platforms do: without regard to case.
    static func sameAuthor(_ a: String, _ b: String) -> Bool {
        a.caseInsensitiveCompare(b) == .orderedSame
    }
}
