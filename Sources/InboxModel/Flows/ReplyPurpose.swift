/// Every kind of reply a flow step asks for; each has default templates.
public enum ReplyPurpose: String, CaseIterable, Codable, Sendable {
    case complaintFirst = "complaint-1"
    case complaintSecond = "complaint-2"
    case askEmail = "ask-email"
    case emailBody = "email"
    case askConfirmation = "ask-confirmation"
    case answer
    case thank
    case askMotivation = "ask-motivation"
    case askBackground = "ask-background"
    case askWhy = "ask-why"
    case thankAndPromise = "thank-and-promise"
    case askMotive = "ask-motive"
    case allegationReply = "allegation-reply"
    case escalationFollowUp = "escalation-follow-up"
    /// While an expert has the question: say it is being asked and when they hear back.
    case holding

    /// The moves a reply for this purpose must make.
    public var moves: Set<ReplyMove> {
        switch self {
        case .complaintFirst: [.acknowledge, .goesInternal]
        case .complaintSecond: [.solution, .askHelped]
        case .askEmail: [.askEmail]
        case .emailBody: [.solution]
        case .askConfirmation: [.askConfirmation]
        case .answer: [.answer]
        case .thank: [.thank]
        case .askMotivation: [.askMotivation]
        case .askBackground: [.askBackground]
        case .askWhy: [.askWhy]
        case .thankAndPromise: [.thank, .promiseAction]
        case .askMotive: [.askMotive]
        case .allegationReply: [.statePosition]
        case .escalationFollowUp: [.followUp]
        case .holding: [.acknowledge, .goesInternal]
        }
    }
}
