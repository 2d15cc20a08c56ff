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
