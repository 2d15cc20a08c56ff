import Foundation

/// The machine a mention runs once its kind is known: one case per kind, so a
/// switch over it is exhaustive and a flow can never be two kinds at once.
public enum KindFlow: Equatable, Sendable {
    case question(QuestionFlow)
    case complaint(ComplaintFlow)
    case positive(PositiveFlow)
    case negative(NegativeFlow)
    case allegation(AllegationFlow)

    public var kind: MentionKind {
        switch self {
        case .question: .question
        case .complaint: .complaint
        case .positive: .positive
        case .negative: .negative
        case .allegation: .allegation
        }
    }

    static func start(_ kind: MentionKind, at now: Date, context: FlowContext) -> (KindFlow, [FlowAction]) {
        switch kind {
        case .question: wrap(QuestionFlow.start(at: now, context: context), KindFlow.question)
        case .complaint: wrap(ComplaintFlow.start(at: now, context: context), KindFlow.complaint)
        case .positive: wrap(PositiveFlow.start(at: now, context: context), KindFlow.positive)
        case .negative: wrap(NegativeFlow.start(at: now, context: context), KindFlow.negative)
        case .allegation: wrap(AllegationFlow.start(at: now, context: context), KindFlow.allegation)
        }
    }

    private static func wrap<M>(_ started: (M, [FlowAction]), _ make: (M) -> KindFlow) -> (KindFlow, [FlowAction]) {
        (make(started.0), started.1)
    }

    mutating func handle(_ event: FlowEvent, at now: Date, context: FlowContext) -> StepOutcome {
        switch self {
        case .question(var m): defer { self = .question(m) }; return m.handle(event, at: now, context: context)
        case .complaint(var m): defer { self = .complaint(m) }; return m.handle(event, at: now, context: context)
        case .positive(var m): defer { self = .positive(m) }; return m.handle(event, at: now, context: context)
        case .negative(var m): defer { self = .negative(m) }; return m.handle(event, at: now, context: context)
        case .allegation(var m): defer { self = .allegation(m) }; return m.handle(event, at: now, context: context)
        }
    }

    func reopened(at now: Date, context: FlowContext) -> KindFlow {
        switch self {
        case .question(let m): .question(m.reopened(at: now, context: context))
        case .complaint(let m): .complaint(m.reopened(at: now, context: context))
        case .positive(let m): .positive(m.reopened(at: now, context: context))
        case .negative(let m): .negative(m.reopened(at: now, context: context))
        case .allegation(let m): .allegation(m.reopened(at: now, context: context))
        }
    }

    private var machine: any KindMachine {
        switch self {
        case .question(let m): m
        case .complaint(let m): m
        case .positive(let m): m
        case .negative(let m): m
        case .allegation(let m): m
        }
    }

    /// A stable name of the current step, such as "count-to-ten".
    public var stepName: String { machine.stepName }

    /// What the agent is told to do now.
    public func guidance(at now: Date) -> String { machine.guidance(at: now) }

    func expectedReply(context: FlowContext) -> ReplyExpectation? { machine.expectedReply(context: context) }
    /// The step waits for the customer's answer.
    public var isWaitingForCustomer: Bool { machine.isWaitingForCustomer }
}
