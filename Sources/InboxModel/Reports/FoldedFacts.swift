import Foundation

/// What a report needs of one case's log, folded by the flow the inbox runs: its waits,
/// replies, closing, hand-offs, positions. The store keeps these on the case's row as each
/// event is appended (a report then reads a row instead of folding a log) and a report
/// folds the log itself only where the kept facts do not hold for its period; both come
/// from `init(log:context:until:)`, so the two cannot mean different things. Shaped as
/// the row keeps it: most cases have one reply, one closing and nothing in `more`, and
/// then reading them allocates nothing.
public struct FoldedFacts: Equatable, Sendable {
    public struct Reply: Codable, Equatable, Sendable {
        public var agent: String
        public var at: Date
        /// When the agent took their first step in the wait this reply ends.
        public var handlingFrom: Date

        public init(agent: String, at: Date, handlingFrom: Date) {
            self.agent = agent
            self.at = at
            self.handlingFrom = handlingFrom
        }
    }

    public struct HandOff: Codable, Equatable, Sendable {
        public var department: String
        public var at: Date
        public var answeredAt: Date?
    }

    /// The case closed (true) or opened again (false).
    public struct Transition: Codable, Equatable, Sendable {
        public var at: Date
        public var closed: Bool
    }

    public struct PositionTaken: Codable, Equatable, Sendable {
        public var position: TeamPosition
        public var at: Date
    }

    /// What a row's own columns cannot hold: replies after the first, later waits,
    /// hand-offs, positions, and closings other than one final close.
    public struct Rest: Codable, Equatable, Sendable {
        public var replies: [Reply] = []
        public var nextResponses: [Int] = []
        public var handOffs: [HandOff] = []
        public var positions: [PositionTaken] = []
        public var transitions: [Transition] = []
    }

    /// The kind an agent confirmed, if any.
    public var confirmedKind: MentionKind?
    /// Seconds of the first wait, when it ended (a reply or a decision not to reply).
    public var firstResponse: Int?
    /// When the current wait started, if someone waits on us.
    public var waitingSince: Date?
    /// How the case ended, if it is closed.
    public var outcome: Outcome?
    /// When it last closed, if it is closed.
    public var closedAt: Date?
    public var firstReply: Reply?
    /// The time of the latest event folded in: the facts hold for any moment after it.
    public var lastAt: Date?
    /// Everything else; nil when there is nothing else.
    public var more: Rest?

    /// The facts of `log` (when, by whom, what; in log order), folding only the events
    /// before `end`.
    public init(log: [ReportStep], context: FlowContext, until end: Date = .distantFuture) {
        var flow = MentionFlow(context: context)
        var rest = Rest()
        // Each agent's first step since the last reply: where their handling of a wait starts.
        var firstStep: [String: Date] = [:]
        for step in log where step.at < end {
            lastAt = max(lastAt ?? step.at, step.at)
            let wasClosed = flow.isClosed
            guard case .accepted = flow.handle(step.event, at: step.at) else { continue }
            if step.event.isAgentStep && step.agent.first != "@" && firstStep[step.agent] == nil {
                firstStep[step.agent] = step.at
            }
            switch step.event {
            case .send:
                let reply = Reply(agent: step.agent, at: step.at, handlingFrom: firstStep[step.agent] ?? step.at)
                if firstReply == nil { firstReply = reply } else { rest.replies.append(reply) }
                firstStep.removeAll()
            case .handOff(let department):
                rest.handOffs.append(HandOff(department: department, at: step.at))
            case .departmentAnswered(let department, _):
                if let open = rest.handOffs.lastIndex(where: { $0.department == department && $0.answeredAt == nil }) {
                    rest.handOffs[open].answeredAt = step.at
                }
            case .setPosition(let position):
                rest.positions.append(PositionTaken(position: position, at: step.at))
            default:
                break
            }
            if flow.isClosed != wasClosed {
                rest.transitions.append(Transition(at: step.at, closed: flow.isClosed))
                closedAt = flow.isClosed ? step.at : nil
            }
        }
        confirmedKind = flow.kind
        firstResponse = flow.clock.firstResponse?.seconds
        rest.nextResponses = flow.clock.responses.filter { $0.kind == .next }.map(\.seconds)
        waitingSince = flow.clock.waitingSince
        if case .closed(let outcome, _) = flow.phase { self.outcome = outcome }
        if rest.transitions == closedAt.map({ [Transition(at: $0, closed: true)] }) { rest.transitions = [] }
        more = rest == Rest() ? nil : rest
    }

    /// The facts of a case with no events folded: its first message waits.
    public init(openedAt: Date) {
        waitingSince = openedAt
    }

    /// The facts as a row keeps them (`more` nil when there is nothing more).
    public init(confirmedKind: MentionKind?, firstResponse: Int?, waitingSince: Date?, outcome: Outcome?,
                closedAt: Date?, firstReply: Reply?, lastAt: Date?, more: Rest?) {
        self.confirmedKind = confirmedKind
        self.firstResponse = firstResponse
        self.waitingSince = waitingSince
        self.outcome = outcome
        self.closedAt = closedAt
        self.firstReply = firstReply
        self.lastAt = lastAt
        self.more = more
    }

    /// Every reply, in order.
    public var replies: [Reply] { (firstReply.map { [$0] } ?? []) + (more?.replies ?? []) }
    public var nextResponses: [Int] { more?.nextResponses ?? [] }
    public var handOffs: [HandOff] { more?.handOffs ?? [] }
    public var positions: [PositionTaken] { more?.positions ?? [] }

    /// Every closing and reopening, in order.
    public var transitions: [Transition] {
        if let kept = more?.transitions, !kept.isEmpty { return kept }
        return closedAt.map { [Transition(at: $0, closed: true)] } ?? []
    }
}

extension FlowEvent {
    /// An agent's step, as opposed to the customer writing again.
    var isAgentStep: Bool {
        if case .authorWrote = self { false } else { true }
    }
}
