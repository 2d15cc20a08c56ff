/// What a reply does, in the source documents' terms. A step of a flow requires
/// certain moves ("reply #1 acknowledges and says it goes internal"); the
/// composer pre-fills them from the step's template and the agent can change them.
public enum ReplyMove: String, CaseIterable, Codable, Sendable, Comparable {
    case acknowledge
    case goesInternal = "goes-internal"
    case solution
    case askHelped = "ask-helped"
    case askEmail = "ask-email"
    case askConfirmation = "ask-confirmation"
    case answer
    case thank
    case askMotivation = "ask-motivation"
    case askBackground = "ask-background"
    case askWhy = "ask-why"
    case promiseAction = "promise-action"
    case askMotive = "ask-motive"
    case statePosition = "state-position"
    case followUp = "follow-up"

    /// The phrase used in guidance and refusals.
    public var phrase: String {
        switch self {
        case .acknowledge: "acknowledge"
        case .goesInternal: "say it goes internal"
        case .solution: "give the solution"
        case .askHelped: "ask whether they are helped"
        case .askEmail: "ask for an e-mail address"
        case .askConfirmation: "ask for confirmation it is solved"
        case .answer: "answer"
        case .thank: "thank"
        case .askMotivation: "ask what motivated them"
        case .askBackground: "ask what lies behind it"
        case .askWhy: "ask why they think so"
        case .promiseAction: "say it will be acted upon"
        case .askMotive: "ask where it comes from"
        case .statePosition: "state the team position"
        case .followUp: "keep the dialogue going"
        }
    }

    public static func < (lhs: ReplyMove, rhs: ReplyMove) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// "acknowledge and say it goes internal", for a set of moves in their natural order.
    public static func phrase(for moves: Set<ReplyMove>) -> String {
        let phrases = moves.sorted().map(\.phrase)
        guard let last = phrases.last else { return "" }
        return phrases.count == 1 ? last : phrases.dropLast().joined(separator: ", ") + " and " + last
    }
}
