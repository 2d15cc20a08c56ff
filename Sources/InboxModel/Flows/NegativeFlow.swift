import Foundation

/// Negative remark (negatieve uitlating), slides 50–51: decide whether to
/// respond (not responding is a recorded decision with a reason); ask what lies
/// behind it and why they think so, waiting for their answer each time; thank them
/// and say it will be acted upon. When the author answers, the dialogue goes round
/// again. Going on without an answer takes a reason.
public struct NegativeFlow: KindMachine {
    public enum State: Equatable, Sendable {
        case decide
        case askBackground
        /// Asked what lies behind it: waiting for the customer.
        case backgroundAsked
        case askWhy
        /// Asked why they think so: waiting for the customer.
        case whyAsked
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
                    : "wait for their answer (or go on with a reason); the dialogue goes on when they write")
            }
            if let refusal = ReplyCheck(context: context).refusal(of: reply, as: expected.purpose, on: expected.channel) {
                return .refused(refusal)
            }
            switch state {
            case .askBackground: state = reply.moves.contains(.askWhy) ? .whyAsked : .backgroundAsked
            case .askWhy: state = .whyAsked
            case .thankAndPromise: state = .listening
            case .decide, .backgroundAsked, .whyAsked, .listening: break
            }
            return .accepted([.post(reply)])
        case .authorWrote, .goOn:
            switch state {
            case .backgroundAsked: state = .askWhy
            case .whyAsked: state = .thankAndPromise
            case .listening:
                state = .askBackground
                round += 1
            case .decide, .askBackground, .askWhy, .thankAndPromise: break
            }
            return .unchanged
        case .classify, .dismiss, .note, .takeOver, .close, .handOff, .departmentAnswered, .withdrawHandOff:
            return .unchanged
        case .amplify, .investigated, .authorConfirmed, .takeEmailRoute, .emailHandled,
             .setPosition, .think, .thought, .draft, .setSeverity:
            return .notIn(Self.kind, event)
        }
    }

    var isWaitingForCustomer: Bool { [.backgroundAsked, .whyAsked, .listening].contains(state) }

    var stepName: String {
        switch state {
        case .decide: "decide"
        case .askBackground: "ask-background"
        case .backgroundAsked: "background-asked"
        case .askWhy: "ask-why"
        case .whyAsked: "why-asked"
        case .thankAndPromise: "thank-and-promise"
        case .listening: "listening"
        }
    }

    func guidance(at now: Date) -> String {
        switch state {
        case .decide: "Respond only if facts can temper the emotion; otherwise dismiss it with a reason."
        case .askBackground: "Ask what lies behind the remark."
        case .backgroundAsked: "Wait for what lies behind it; go on without it only with a reason."
        case .askWhy: "Ask why they hold this opinion."
        case .whyAsked: "Wait for why they think so; go on without it only with a reason."
        case .thankAndPromise: "Thank them for the feedback and say it will be acted upon."
        case .listening: "Keep listening; when they answer, ask again."
        }
    }

    func expectedReply(context: FlowContext) -> ReplyExpectation? {
        let purpose: ReplyPurpose? = switch state {
        case .askBackground: .askBackground
        case .askWhy: .askWhy
        case .thankAndPromise: .thankAndPromise
        case .decide, .backgroundAsked, .whyAsked, .listening: nil
        }
        return purpose.map { ReplyExpectation(purpose: $0, channel: context.homeChannel) }
    }
}
