import Foundation

/// Positive remark (positieve uitlating), slide 49: thank and/or retweet or
/// like, in either order, then optionally ask what motivated them (in the same reply
/// as the thanks, or after it). Authors who keep saying good
/// things are suggested as ambassadors (001: organisations fail to notice fans).
public struct PositiveFlow: KindMachine {
    public enum State: Equatable, Sendable {
        case thank
        /// Thanked; asking what motivated them is optional.
        case askMotivation
        /// Asked what motivated them: waiting for the customer.
        case motivationAsked
        /// Their answer came (or the agent went on without it): close it.
        case motivationHeard
    }

    public private(set) var state: State
    /// What was done on the platform itself, so nothing is liked twice.
    public private(set) var amplified: Set<PlatformAction>
    /// What they answered when asked what motivated them: what makes fans.
    public private(set) var motivation: String?

    static let kind = MentionKind.positive

    static func start(at now: Date, context: FlowContext) -> (PositiveFlow, [FlowAction]) {
        let positives = context.earlierPositiveMentions + 1
        let actions: [FlowAction] = positives >= context.rules.ambassadorThreshold
            ? [.suggestAmbassador(handle: context.authorHandle)] : []
        return (PositiveFlow(state: .thank, amplified: []), actions)
    }

    func reopened(at now: Date, context: FlowContext) -> PositiveFlow {
        PositiveFlow(state: .thank, amplified: amplified)
    }

    mutating func handle(_ event: FlowEvent, at now: Date, context: FlowContext) -> StepOutcome {
        switch event {
        case .send(let reply):
            guard let expected = expectedReply(context: context) else {
                return .refused(state == .motivationAsked ? "their motivation was asked; wait for their answer or close it"
                                : "they answered what motivated them; close it")
            }
            if let refusal = ReplyCheck(context: context).refusal(of: reply, as: expected.purpose, on: expected.channel) {
                return .refused(refusal)
            }
            state = state == .thank && !reply.moves.contains(.askMotivation) ? .askMotivation : .motivationAsked
            return .accepted([.post(reply)])
        case .amplify(let action):
            if let reason = Self.refusal(of: action, context: context, done: amplified) { return .refused(reason) }
            // Liking or retweeting is beside the thanks, not instead of it: the step stays.
            amplified.insert(action)
            return .accepted([.amplify(action)])
        case .authorWrote(let answer):
            if state == .motivationAsked {
                state = .motivationHeard
                motivation = answer
            }
            return .unchanged
        case .goOn:
            if state == .motivationAsked { state = .motivationHeard }
            return .unchanged
        case .classify, .dismiss, .note, .takeOver, .close, .handOff, .departmentAnswered, .withdrawHandOff:
            return .unchanged
        case .respond, .investigated, .authorConfirmed, .takeEmailRoute, .emailHandled,
             .setPosition, .think, .thought, .draft, .setSeverity:
            return .notIn(Self.kind, event)
        }
    }

    private static func refusal(of action: PlatformAction, context: FlowContext, done: Set<PlatformAction>) -> String? {
        if done.contains(action) { return "already \(action == .retweet ? "retweeted" : "liked")" }
        if context.homeChannel == .dm { return "a direct message cannot be \(action == .retweet ? "retweeted" : "liked")" }
        if action == .retweet && context.platform != .twitter {
            return "only Twitter/X has retweets; like it on \(context.platform.displayName)"
        }
        return nil
    }

    var isWaitingForCustomer: Bool { state == .motivationAsked }

    var stepName: String {
        switch state {
        case .thank: "thank"
        case .askMotivation: "ask-motivation"
        case .motivationAsked: "motivation-asked"
        case .motivationHeard: "motivation-heard"
        }
    }

    func guidance(at now: Date) -> String {
        switch state {
        case .thank: "Thank them, and/or retweet or like it."
        case .askMotivation: "Optionally ask what motivated them; or close it."
        case .motivationAsked: "Wait for what motivated them, or close it."
        case .motivationHeard: "Their answer tells you what makes fans; close it when done."
        }
    }

    func expectedReply(context: FlowContext) -> ReplyExpectation? {
        switch state {
        case .thank: ReplyExpectation(purpose: .thank, channel: context.homeChannel)
        case .askMotivation: ReplyExpectation(purpose: .askMotivation, channel: context.homeChannel)
        case .motivationAsked, .motivationHeard: nil
        }
    }
}
