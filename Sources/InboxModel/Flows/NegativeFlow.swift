import Foundation

/// Negative remark (negatieve uitlating), slides 50–51: decide whether to
/// respond (not responding is a recorded decision with a reason); ask what lies
/// behind it and why they think so; thank them and say it will be acted upon.
/// When the author answers, the dialogue goes round again.
public struct NegativeFlow: KindMachine {
    public enum State: Equatable, Sendable {
        case decide
        case askBackground
        case askWhy
        case thankAndPromise
        /// Thanked; listening for their answer.
        case listening
    }

    public private(set) var state: State
    /// Which round of the dialogue this is, from 1.
    public private(set) var round: Int

    static let kind = MentionKind.negative

    static func start(at now: Date, context: FlowContext) -> (NegativeFlow, [FlowAction]) {
        (NegativeFlow(state: .decide, round: 1), [])
    }

    /// Once the team chose to respond, a new message from the author is the next
    /// round of the dialogue; a remark left alone is decided on afresh.
    func reopened(at now: Date, context: FlowContext) -> NegativeFlow {
        NegativeFlow(state: state == .decide ? .decide : .askBackground, round: round + 1)
    }

    mutating func handle(_ event: FlowEvent, at now: Date, context: FlowContext) -> StepOutcome {
        switch event {
        case .respond:
            guard state == .decide else { return .refused("already decided to respond") }
            state = .askBackground
            return .unchanged
        case .send(let reply):
            guard let expected = expectedReply(context: context) else {
                return .refused(state == .decide
                    ? "decide first whether to respond (or dismiss it with a reason)"
                    : "wait for their answer; the dialogue goes round again when they write")
            }
            if let refusal = ReplyCheck(context: context).refusal(of: reply, as: expected.purpose, on: expected.channel) {
                return .refused(refusal)
            }
            switch state {
            case .askBackground: state = reply.moves.contains(.askWhy) ? .thankAndPromise : .askWhy
            case .askWhy: state = .thankAndPromise
            case .thankAndPromise: state = .listening
            case .decide, .listening: break
            }
            return .accepted([.post(reply)])
        case .authorWrote:
            if state == .listening {
                state = .askBackground
                round += 1
            }
            return .unchanged
        case .classify, .dismiss, .note, .takeOver, .close, .handOff, .departmentAnswered:
            return .unchanged
        case .amplify, .investigated, .authorConfirmed, .takeEmailRoute, .emailHandled,
             .setPosition, .think, .draft, .setSeverity:
            return .notIn(Self.kind, event)
        }
    }

    var isWaitingForCustomer: Bool { state == .listening }

    var stepName: String {
        switch state {
        case .decide: "decide"
        case .askBackground: "ask-background"
        case .askWhy: "ask-why"
        case .thankAndPromise: "thank-and-promise"
        case .listening: "listening"
        }
    }

    func guidance(at now: Date) -> String {
        switch state {
        case .decide: "Respond only if facts can temper the emotion; otherwise dismiss it with a reason."
        case .askBackground: "Ask what lies behind the remark."
        case .askWhy: "Ask why they hold this opinion."
        case .thankAndPromise: "Thank them for the feedback and say it will be acted upon."
        case .listening: "Keep listening; when they answer, ask again."
        }
    }

    func expectedReply(context: FlowContext) -> ReplyExpectation? {
        let purpose: ReplyPurpose? = switch state {
        case .askBackground: .askBackground
        case .askWhy: .askWhy
        case .thankAndPromise: .thankAndPromise
        case .decide, .listening: nil
        }
        return purpose.map { ReplyExpectation(purpose: $0, channel: context.homeChannel) }
    }
}
