import Foundation

/// A step an agent can take on a case besides replying, classifying and handing off
/// (which have keys of their own): what the step menu and `webcare act` offer.
public struct NextStep: Equatable, Sendable {
    /// What the agent has to write for the step, when it needs words.
    public enum Input: Equatable, Sendable {
        case solution
        case consideration
        case goOnReason
    }

    /// What taking the step is: an event, or words to ask for first.
    public enum Action: Equatable, Sendable {
        case event(FlowEvent)
        case asks(Input)
    }

    public var label: String
    public var action: Action

    /// The event the step makes, with the words the agent wrote when it asks for them.
    public func event(with text: String) -> FlowEvent {
        switch action {
        case .event(let event): event
        case .asks(.solution): .investigated(solution: text)
        case .asks(.consideration): .thought(text)
        case .asks(.goOnReason): .goOn(reason: text)
        }
    }

    /// Every such step, in the order the menu lists them.
    static let all: [NextStep] = [
        NextStep(label: "respond to it", event: .respond),
        NextStep(label: "think it through", input: .consideration),
        NextStep(label: "start the careful draft", event: .draft),
        NextStep(label: "record the solution found", input: .solution),
        NextStep(label: "go on without their answer", input: .goOnReason),
        NextStep(label: "take it back from the department", event: .withdrawHandOff),
        NextStep(label: "customer confirms it is solved", event: .authorConfirmed),
        NextStep(label: "continue by e-mail", event: .takeEmailRoute),
        NextStep(label: "e-mail conversation done", event: .emailHandled),
        NextStep(label: "like it", event: .amplify(.like)),
        NextStep(label: "retweet it", event: .amplify(.retweet)),
    ] + Severity.allCases.map { NextStep(label: "severity: \($0.rawValue)", event: .setSeverity($0)) }
        + [Outcome.answered, .resolved, .thanked, .unresolved].map {
            NextStep(label: "close: \($0.summary)", event: .close($0))
        }

    init(label: String, event: FlowEvent) {
        self.label = label
        action = .event(event)
    }

    init(label: String, input: Input) {
        self.label = label
        action = .asks(input)
    }
}

extension MentionFlow {
    /// The steps the flow accepts at `now`, found by trying each on a copy of it (a step
    /// that needs words is tried with a placeholder; the real words are checked when the
    /// event is appended).
    public func nextSteps(at now: Date) -> [NextStep] {
        NextStep.all.filter { step in
            var trial = self
            if case .accepted = trial.handle(step.event(with: "…"), at: now) { return true }
            return false
        }
    }
}
