import Foundation

/// The shape every kind's state machine has (after swift-nio's state machines):
/// a value whose state only changes through `handle`, which either accepts an
/// event with the actions it causes or refuses it with a reason, never traps.
protocol KindMachine: Equatable, Sendable {
    static var kind: MentionKind { get }
    /// The machine as it starts when a mention becomes this kind at `now`, and
    /// what starting it asks for.
    static func start(at now: Date, context: FlowContext) -> (Self, [FlowAction])
    mutating func handle(_ event: FlowEvent, at now: Date, context: FlowContext) -> StepOutcome
    /// The machine after the author wrote again on a closed mention.
    func reopened(at now: Date, context: FlowContext) -> Self
    /// A stable name of the current state, for the docs and `webcare show`.
    var stepName: String { get }
    /// What the agent is told to do now.
    func guidance(at now: Date) -> String
    /// Our last reply asked the customer something and the step waits for their answer.
    var isWaitingForCustomer: Bool { get }
    /// The reply the current step asks for, if it asks for one.
    func expectedReply(context: FlowContext) -> ReplyExpectation?
}

/// What a kind's machine answers; `closing` ends the flow with an outcome.
enum StepOutcome: Equatable, Sendable {
    case accepted([FlowAction], closing: Outcome? = nil)
    case refused(FlowRefusal)

    static let unchanged = StepOutcome.accepted([])

    static func refused(_ reason: String, offer: FlowRefusal.Offer? = nil) -> StepOutcome {
        .refused(FlowRefusal(reason, offer: offer))
    }

    /// The refusal for an event that belongs to another kind's flow.
    static func notIn(_ kind: MentionKind, _ event: FlowEvent) -> StepOutcome {
        let owner: String = switch event {
        case .amplify: "positive remarks"
        case .respond: "negative remarks"
        case .investigated, .authorConfirmed, .takeEmailRoute, .emailHandled: "complaints"
        case .setPosition, .think, .thought, .draft, .setSeverity: "allegations"
        default: "another flow"
        }
        return .refused("\(event.name) is a step for \(owner); this is \(kind.withArticle)")
    }
}
