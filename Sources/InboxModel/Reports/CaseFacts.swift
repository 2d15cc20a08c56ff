import Foundation

/// One case's log folded up to the end of a report's period: what the figures of
/// `TeamReport` read (its kind, its clock's waits, replies, closing, hand-offs). The flow
/// is the one the inbox folds, so a report measures exactly what the case view shows.
struct CaseFacts {
    struct Reply {
        var agent: String
        var at: Date
        /// When the agent took their first step in the wait this reply ends.
        var handlingFrom: Date
    }

    struct HandOff {
        var department: String
        var at: Date
        var answeredAt: Date?
    }

    let source: ReportCase
    let flow: MentionFlow
    /// The confirmed kind, else the suggested one.
    let kind: MentionKind?
    let home: ReplyChannel
    let replies: [Reply]
    let handOffs: [HandOff]
    /// When the case last closed, if it is closed at the end of the period.
    let closedAt: Date?
    /// Moments the case closed (true) or opened again (false), in order.
    let transitions: [(at: Date, closed: Bool)]
    /// Team positions taken in the case: (position, when).
    let positions: [(TeamPosition, Date)]

    init(_ source: ReportCase, until end: Date, rules: HouseRules) {
        self.source = source
        let context = FlowContext(mention: source.mention, rules: rules, openedAt: source.openedAt)
        var flow = MentionFlow(context: context)
        var replies: [Reply] = [], handOffs: [HandOff] = [], transitions: [(Date, Bool)] = []
        var positions: [(TeamPosition, Date)] = []
        var closedAt: Date?
        // Each agent's first step since the last reply: where their handling of a wait starts.
        var firstStep: [String: Date] = [:]
        for step in source.log where step.at < end {
            let wasClosed = flow.isClosed
            guard case .accepted = flow.handle(step.event, at: step.at) else { continue }
            if step.event.isAgentStep && step.agent.first != "@" && firstStep[step.agent] == nil {
                firstStep[step.agent] = step.at
            }
            switch step.event {
            case .send:
                replies.append(Reply(agent: step.agent, at: step.at, handlingFrom: firstStep[step.agent] ?? step.at))
                firstStep.removeAll()
            case .handOff(let department):
                handOffs.append(HandOff(department: department, at: step.at))
            case .departmentAnswered(let department, _):
                if let open = handOffs.lastIndex(where: { $0.department == department && $0.answeredAt == nil }) {
                    handOffs[open].answeredAt = step.at
                }
            case .setPosition(let position):
                positions.append((position, step.at))
            default:
                break
            }
            if flow.isClosed != wasClosed {
                transitions.append((step.at, flow.isClosed))
                closedAt = flow.isClosed ? step.at : nil
            }
        }
        self.flow = flow
        kind = flow.kind ?? source.suggestedKind
        home = source.mention.homeChannel
        self.replies = replies
        self.handOffs = handOffs
        self.closedAt = closedAt
        self.transitions = transitions
        self.positions = positions
    }

    /// How the case ended, if it is closed.
    var outcome: Outcome? {
        if case .closed(let outcome, _) = flow.phase { outcome } else { nil }
    }

    /// Whether the case was open at `moment`: opened by then and not closed since.
    func isOpen(at moment: Date) -> Bool {
        guard source.openedAt <= moment else { return false }
        return !(transitions.last { $0.at <= moment }?.closed ?? false)
    }

    /// The first response against the deadline for the case's kind: true met, false
    /// missed (late, or none yet while the deadline passed before `end`), nil not due.
    func metDeadline(_ deadlines: ReactionDeadlines, end: Date) -> Bool? {
        let allowed = deadlines.seconds(for: kind, on: home)
        if let first = flow.clock.firstResponse { return first.seconds <= allowed }
        guard let since = flow.clock.waitingSince else { return nil }
        return end.timeIntervalSince(since) > Double(allowed) ? false : nil
    }
}

extension FlowEvent {
    /// An agent's step, as opposed to the customer writing again.
    var isAgentStep: Bool {
        if case .authorWrote = self { false } else { true }
    }
}
