import Foundation

/// Question (vraag), slides 47–48: answer on the channel it came in on (a DM
/// stays a DM); an agent who does not know passes it to an expert and answers
/// with their input. While the expert has it, a holding reply tells the customer
/// it is being asked and when they hear back.
public struct QuestionFlow: KindMachine {
    public enum State: Equatable, Sendable {
        case answer
        /// Handed to an expert or department; the answer waits for their input.
        case askingExpert(department: String)
        case answerWithInput(department: String, input: String)
        /// Answered; a follow-up from the author brings it back to `answer`.
        case answered
    }

    public private(set) var state: State

    static let kind = MentionKind.question

    static func start(at now: Date, context: FlowContext) -> (QuestionFlow, [FlowAction]) {
        (QuestionFlow(state: .answer), [])
    }

    func reopened(at now: Date, context: FlowContext) -> QuestionFlow { QuestionFlow(state: .answer) }

    mutating func handle(_ event: FlowEvent, at now: Date, context: FlowContext) -> StepOutcome {
        switch event {
        case .send(let reply):
            if case .askingExpert = state {
                if let refusal = ReplyCheck(context: context).refusal(of: reply, as: .holding, on: context.homeChannel) {
                    return .refused(refusal)
                }
                return .accepted([.post(reply)])
            }
            if let refusal = ReplyCheck(context: context).refusal(of: reply, as: .answer, on: context.homeChannel) {
                return .refused(refusal)
            }
            state = .answered
            return .accepted([.post(reply)])
        case .handOff(let department):
            state = .askingExpert(department: department)
            return .unchanged
        case .withdrawHandOff:
            if case .askingExpert = state { state = .answer }
            return .unchanged
        case .departmentAnswered(let department, let answer):
            state = .answerWithInput(department: department, input: answer)
            return .unchanged
        case .authorWrote:
            if state == .answered { state = .answer }
            return .unchanged
        case .classify, .dismiss, .note, .takeOver, .close, .goOn:
            return .unchanged
        case .amplify, .respond, .investigated, .authorConfirmed, .takeEmailRoute, .emailHandled,
             .setPosition, .think, .thought, .draft, .setSeverity:
            return .notIn(Self.kind, event)
        }
    }

    /// An answered question is done once the agent closes it; a follow-up reopens it.
    var isWaitingForCustomer: Bool { false }

    var stepName: String {
        switch state {
        case .answer: "answer"
        case .askingExpert: "asking-expert"
        case .answerWithInput: "answer-with-input"
        case .answered: "answered"
        }
    }

    func guidance(at now: Date) -> String {
        switch state {
        case .answer: "Answer on the channel it came in on, or hand it to an expert if you do not know."
        case .askingExpert: "Answer with their input when it comes back; meanwhile a holding reply says you are asking."
        case .answerWithInput(let department, _): "Answer with \(department)'s input."
        case .answered: "Answered. Close it, or wait for a follow-up."
        }
    }

    func expectedReply(context: FlowContext) -> ReplyExpectation? {
        if case .askingExpert = state { return ReplyExpectation(purpose: .holding, channel: context.homeChannel) }
        return ReplyExpectation(purpose: .answer, channel: context.homeChannel)
    }
}
