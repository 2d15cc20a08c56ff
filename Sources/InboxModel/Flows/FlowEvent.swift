/// Everything that can happen to a mention's flow. The store keeps these in the
/// append-only event log, so their encoding is the log's format: add cases,
/// never change existing ones.
public enum FlowEvent: Equatable, Codable, Sendable {
    // Common to every kind.
    /// Confirm or override the kind; a different kind restarts the flow.
    case classify(MentionKind)
    /// The way out: no reply, with a reason.
    case dismiss(DismissReason, note: String)
    /// Pass the case to a department with the original text.
    case handOff(department: String)
    /// The department's answer comes back.
    case departmentAnswered(department: String, answer: String)
    /// An internal note, never sent.
    case note(String)
    /// The author wrote again: continues the dialogue, or reopens a closed mention.
    case authorWrote(String)
    case close(Outcome)
    /// An agent took the mention over from `from`, who held it, to act on it (a send
    /// onto another agent's claim is refused without this).
    case takeOver(from: String)
    /// Go on without the customer's answer the step waits for; the reason stays in the history.
    case goOn(reason: String)
    /// Take the case back from the department it is with, without their answer (to close
    /// or dismiss it); the history says so.
    case withdrawHandOff

    // Steps of the flows.
    case send(Reply)
    /// Retweet or like (positive).
    case amplify(PlatformAction)
    /// Decide to respond to a negative remark.
    case respond
    /// Record what the investigation found (complaint).
    case investigated(solution: String)
    /// The customer confirms they are helped (complaint).
    case authorConfirmed
    /// Continue by e-mail because a reply does not fit (complaint).
    case takeEmailRoute
    /// The e-mail conversation is done; ask for public confirmation (complaint).
    case emailHandled
    /// Choose or revise the team position (allegation).
    case setPosition(TeamPosition)
    /// The deliberate step of thinking how best to respond (allegation), as logs from
    /// before `thought` kept it: without the consideration.
    case think
    /// Thinking how best to respond, with the one-line consideration the agent came to,
    /// kept in the history (allegation).
    case thought(String)
    /// Start the careful draft (allegation).
    case draft
    /// How serious the allegation is; switches on the escalation ladder.
    case setSeverity(Severity)

    /// A short stable name, for the history and the docs.
    public var name: String {
        switch self {
        case .classify: "classify"
        case .dismiss: "dismiss"
        case .handOff: "hand-off"
        case .departmentAnswered: "department-answered"
        case .note: "note"
        case .authorWrote: "author-wrote"
        case .close: "close"
        case .takeOver: "take-over"
        case .goOn: "go-on"
        case .withdrawHandOff: "withdraw"
        case .send: "send"
        case .amplify: "amplify"
        case .respond: "respond"
        case .investigated: "investigated"
        case .authorConfirmed: "author-confirmed"
        case .takeEmailRoute: "take-email-route"
        case .emailHandled: "email-handled"
        case .setPosition: "set-position"
        case .think: "think-unrecorded"
        case .thought: "think"
        case .draft: "draft"
        case .setSeverity: "set-severity"
        }
    }
}

extension FlowEvent {
    /// What the event said, in a few words, for histories: the kind, the reply's channel
    /// and text, the department, the reason. Nil when its name says it all.
    public var detail: String? {
        switch self {
        case .classify(let kind): kind.rawValue
        case .dismiss(let reason, let note): reason.summary + (note.isEmpty ? "" : ": \(note)")
        case .handOff(let department): "to \(department)"
        case .departmentAnswered(let department, let answer): "\(department): \(answer)"
        case .note(let text), .authorWrote(let text): text
        case .takeOver(let holder): "from \(holder)"
        case .goOn(let reason): "without their answer: \(reason)"
        case .withdrawHandOff: "taken back from the department without its answer"
        case .close(let outcome): outcome.summary
        case .send(let reply): "(\(reply.channel.rawValue)) \(reply.text)"
        case .amplify(let action): action.rawValue
        case .investigated(let solution): solution
        case .setPosition(let position): "\(position.id) v\(position.version)"
        case .setSeverity(let severity): severity.rawValue
        case .thought(let consideration): consideration
        case .respond, .authorConfirmed, .takeEmailRoute, .emailHandled, .think, .draft: nil
        }
    }
}
