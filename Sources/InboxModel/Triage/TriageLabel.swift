/// What triage can say about a mention: one of the kinds, or that it needs no reply
/// (a tip, a joke, chatter). Agents' confirmations teach the model these labels: a
/// classify event is its kind, a dismissal as spam or not about us is `noReply`.
public enum TriageLabel: Hashable, Sendable, CaseIterable {
    case kind(MentionKind)
    case noReply

    public static let allCases: [TriageLabel] = MentionKind.allCases.map(TriageLabel.kind) + [.noReply]

    /// The label's place in the model's count arrays and in `allCases`.
    public var index: Int {
        switch self {
        case .kind(let kind): MentionKind.allCases.firstIndex(of: kind)!
        case .noReply: MentionKind.allCases.count
        }
    }

    /// "complaint", "none": as labelled files and the database write it.
    public var name: String {
        switch self {
        case .kind(let kind): kind.rawValue
        case .noReply: "none"
        }
    }

    /// A label as a team's file writes it: a kind, or "none"/"other"/"spam"/"noise"
    /// for what needs no reply.
    public init?(name: some StringProtocol) {
        if let kind = MentionKind(rawValue: String(name)) {
            self = .kind(kind)
        } else if ["none", "other", "spam", "noise", "no-reply"].contains(String(name)) {
            self = .noReply
        } else {
            return nil
        }
    }
}
