import Foundation

/// The whole flow of one mention: triage, the machine of its kind, and what is
/// common to all kinds (classify and reclassify, hand-offs, notes, reopening,
/// closing with an outcome). A pure value: `handle` takes an event and the time
/// it happens and answers with actions or a refusal; the current state is the
/// fold of `handle` over the mention's event log.
public struct MentionFlow: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        /// New: the classifier suggests a kind, an agent confirms or overrides it.
        case triage
        case running(KindFlow)
        /// Closed; `resume` is the machine that continues if the author writes again.
        case closed(Outcome, resume: KindFlow?)
    }

    /// The conversation's turns so far, for the case's status.
    public struct Turns: Equatable, Sendable {
        /// Replies posted so far: none means the case is still new.
        public var repliesSent = 0
        /// The customer wrote since our last reply (or since the case opened).
        public var customerWroteSinceReply = false
    }

    /// An internal note, never sent.
    public struct Note: Equatable, Sendable {
        public var text: String
        public var at: Date
    }

    /// What a department answered to a hand-off.
    public struct DepartmentAnswer: Equatable, Sendable {
        public var department: String
        public var answer: String
        public var at: Date
    }

    public let context: FlowContext
    // Defaults instead of a custom init: the init for a new flow lives in an
    // extension, so tests keep the memberwise one to spell out whole states.
    public private(set) var phase: Phase = .triage
    public private(set) var notes: [Note] = []
    /// The department the case is with, waiting for its answer.
    public private(set) var pendingHandOff: String?
    public private(set) var departmentAnswers: [DepartmentAnswer] = []
    /// Whose word it is in the conversation with the customer.
    public private(set) var turns = Turns()
    /// How long the customer has been waiting for us, and the waits measured so far.
    public private(set) var clock = ResponseClock(openedAt: nil)

    /// The confirmed kind, nil while in triage or when closed from triage.
    public var kind: MentionKind? {
        switch phase {
        case .triage: nil
        case .running(let flow): flow.kind
        case .closed(_, let resume): resume?.kind
        }
    }

    public var isClosed: Bool {
        if case .closed = phase { true } else { false }
    }

    /// The flow asked the customer something and waits for their answer.
    public var isWaitingForCustomer: Bool {
        if case .running(let flow) = phase { flow.isWaitingForCustomer } else { false }
    }

    /// Where the flow is, such as complaint's "investigating".
    public var step: FlowStep {
        switch phase {
        case .triage: .triage
        case .running(let flow): .at(flow.kind, flow.stepName)
        case .closed: .closed
        }
    }

    /// What the agent is told to do now.
    public func guidance(at now: Date) -> String {
        switch phase {
        case .triage: "Classify it (question, complaint, positive, negative, allegation) or dismiss it with a reason."
        case .running(let flow):
            (pendingHandOff.map { "With \($0): waiting for their answer. " } ?? "") + flow.guidance(at: now)
        case .closed(let outcome, _): "Closed: \(outcome.summary). It reopens when the author writes again."
        }
    }

    /// What a reply written now is written for: the step, the team position it would
    /// state and the departments' answers it would pass on. A draft written for another
    /// occasion is an earlier step's text, not the reply this step asks for.
    public var replyOccasion: String {
        let position = runningAllegation?.position.map { "\($0.id)v\($0.version)" } ?? "-"
        return "\(step.code)|\(position)|\(departmentAnswers.count)"
    }

    private var runningAllegation: AllegationFlow? {
        if case .running(.allegation(let flow)) = phase { flow } else { nil }
    }

    /// The reply the current step asks for: the composer's channel, moves and template.
    public var expectedReply: ReplyExpectation? {
        if case .running(let flow) = phase { flow.expectedReply(context: context) } else { nil }
    }

    /// Applies `event` at `now`. A refused event leaves the flow as it was.
    public mutating func handle(_ event: FlowEvent, at now: Date) -> FlowDecision {
        let decision = apply(event, at: now)
        guard case .accepted(let actions) = decision else { return decision }
        if case .authorWrote = event { turns.customerWroteSinceReply = true }
        if actions.contains(where: \.isPost) {
            turns.repliesSent += 1
            turns.customerWroteSinceReply = false
        }
        tick(event, posted: actions.contains(where: \.isPost), at: now)
        if isClosed { clock.stop() }
        return decision
    }

    /// The reaction clock after an accepted `event` (`posted`: it sent a reply).
    private mutating func tick(_ event: FlowEvent, posted: Bool, at now: Date) {
        if posted { return clock.answered(at: now) }
        switch event {
        case .authorWrote: clock.customerWrote(at: now)
        case .dismiss: clock.answered(at: now, withoutReply: true)
        case .close: clock.stop()
        case .handOff: if context.rules.pauseWithDepartment { clock.pause(at: now) }
        case .departmentAnswered, .withdrawHandOff: clock.resume(at: now)
        case .classify, .note, .takeOver, .goOn, .send, .amplify, .respond, .investigated, .authorConfirmed, .takeEmailRoute,
             .emailHandled, .setPosition, .think, .thought, .draft, .setSeverity: break
        }
    }

    private mutating func apply(_ event: FlowEvent, at now: Date) -> FlowDecision {
        switch event {
        case .classify(let kind):
            return classify(kind, at: now)
        case .dismiss(let reason, let note):
            if reason == .other && note.isBlank { return refuse("say why there is no reply") }
            return close(.noReply(reason))
        case .close(let outcome):
            if phase == .triage && !outcome.isNoReply { return refuse("classify it first, or dismiss it with a reason") }
            return close(outcome)
        case .handOff(let department):
            if isClosed { return refuse(Self.closedReason) }
            if department.isBlank { return refuse("name the department to hand it to") }
            if let pending = pendingHandOff { return refuse("already with \(pending): record their answer first") }
            return delegate(event, at: now, whenAccepted: { flow in
                flow.pendingHandOff = department
            }, extra: [.passOn(department: department, originalText: context.originalText)])
        case .departmentAnswered(let department, let answer):
            guard pendingHandOff == department else { return refuse("nothing is waiting on \(department)") }
            if answer.isBlank { return refuse("\(department)'s answer is empty") }
            return delegate(event, at: now, whenAccepted: { flow in
                flow.pendingHandOff = nil
                flow.departmentAnswers.append(DepartmentAnswer(department: department, answer: answer, at: now))
            })
        case .note(let text):
            if text.isBlank { return refuse("the note is empty") }
            notes.append(Note(text: text, at: now))
            return .accepted([])
        case .takeOver:
            return .accepted([])
        case .goOn(let reason):
            if isClosed { return refuse(Self.closedReason) }
            guard isWaitingForCustomer else { return refuse("nothing waits for the customer's answer") }
            if reason.isBlank { return refuse("say why you go on without their answer") }
            return delegate(event, at: now)
        case .withdrawHandOff:
            guard pendingHandOff != nil else { return refuse("nothing is with a department") }
            return delegate(event, at: now, whenAccepted: { flow in flow.pendingHandOff = nil })
        case .authorWrote:
            if case .closed(_, let resume) = phase {
                phase = resume.map { .running($0.reopened(at: now, context: context)) } ?? .triage
                return .accepted([])
            }
            return delegate(event, at: now)
        case .thought(let consideration) where consideration.isBlank:
            return refuse("write down, in a line, how you will respond")
        case .send, .amplify, .respond, .investigated, .authorConfirmed, .takeEmailRoute, .emailHandled,
             .setPosition, .think, .thought, .draft, .setSeverity:
            switch phase {
            case .triage: return refuse("classify it first")
            case .closed: return refuse(Self.closedReason)
            case .running: return delegate(event, at: now)
            }
        }
    }

    /// Folds an event log into the flow it describes. Events the flow refuses
    /// (the log was written by another version of these rules) are skipped and
    /// returned by position, so a caller can report them instead of losing them.
    public static func replaying(_ log: some Sequence<(event: FlowEvent, at: Date)>, context: FlowContext)
        -> (flow: MentionFlow, refused: [(index: Int, refusal: FlowRefusal)]) {
        var flow = MentionFlow(context: context)
        var refused: [(index: Int, refusal: FlowRefusal)] = []
        for (index, entry) in log.enumerated() {
            if case .refused(let refusal) = flow.handle(entry.event, at: entry.at) {
                refused.append((index, refusal))
            }
        }
        return (flow, refused)
    }

    /// The steps the flow has been in while folding `log`, the current one
    /// included: what a checklist ticks, so a branch not taken (the e-mail route) stays
    /// unticked.
    public static func stepsReached(_ log: some Sequence<(event: FlowEvent, at: Date)>, context: FlowContext)
        -> Set<FlowStep> {
        var flow = MentionFlow(context: context)
        var reached: Set<FlowStep> = [flow.step]
        for entry in log {
            if case .accepted = flow.handle(entry.event, at: entry.at) { reached.insert(flow.step) }
        }
        return reached
    }

    private static let closedReason = "this mention is closed; it reopens when the author writes again"

    private func refuse(_ reason: String) -> FlowDecision { .refused(FlowRefusal(reason)) }

    private mutating func classify(_ kind: MentionKind, at now: Date) -> FlowDecision {
        switch phase {
        case .closed: return refuse(Self.closedReason)
        case .running(let flow) where flow.kind == kind: return refuse("already \(kind.withArticle)")
        case .triage, .running:
            var (flow, actions) = KindFlow.start(kind, at: now, context: context)
            if let pending = pendingHandOff {
                // A case already with a department stays there under its new kind.
                _ = flow.handle(.handOff(department: pending), at: now, context: context)
            }
            phase = .running(flow)
            return .accepted(actions)
        }
    }

    private mutating func close(_ outcome: Outcome) -> FlowDecision {
        if isClosed { return refuse("already closed") }
        if let pending = pendingHandOff { return refuse("\(pending) has not answered yet") }
        phase = .closed(outcome, resume: runningFlow)
        return .accepted([])
    }

    private var runningFlow: KindFlow? {
        if case .running(let flow) = phase { flow } else { nil }
    }

    /// Hands `event` to the kind's machine (if one runs) and applies the common
    /// bookkeeping only when the machine accepts it.
    private mutating func delegate(_ event: FlowEvent, at now: Date,
                                   whenAccepted: (inout MentionFlow) -> Void = { _ in },
                                   extra: [FlowAction] = []) -> FlowDecision {
        guard var flow = runningFlow else {
            whenAccepted(&self)
            return .accepted(extra)
        }
        switch flow.handle(event, at: now, context: context) {
        case .refused(let refusal):
            return .refused(refusal)
        case .accepted(_, .some) where pendingHandOff != nil:
            return refuse("\(pendingHandOff!) has not answered yet: record their answer before closing")
        case .accepted(let actions, let closing):
            phase = closing.map { .closed($0, resume: flow) } ?? .running(flow)
            whenAccepted(&self)
            return .accepted(extra + actions)
        }
    }
}

extension MentionFlow {
    /// The flow of a mention that just arrived: in triage, nothing done.
    public init(context: FlowContext) {
        self.init(context: context, phase: .triage, clock: ResponseClock(openedAt: context.openedAt))
    }
}
