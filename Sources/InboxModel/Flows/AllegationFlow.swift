import Foundation

/// Allegation (aantijging), slides 54–55: count to ten; make sure there is one
/// team position; ask the sender where it comes from and wait for the answer
/// (going on without it takes a reason); think; draft carefully and respectfully;
/// send. Severity switches on the escalation ladder that
/// guides the replies after that.
///
/// Nothing is drafted or sent until the house wait (never under ten seconds)
/// has passed since the allegation was opened, and nothing is sent without a
/// team position; those two promises are what the property test holds it to.
public struct AllegationFlow: KindMachine {
    public enum State: Equatable, Sendable {
        /// Counting to ten and settling the team position (steps 1 and 2).
        case calm
        /// The sender was asked where it comes from (step 3): waiting for the customer.
        case motiveAsked
        /// Their answer came (or the agent went on without it): think it over.
        case motiveHeard
        /// The agent confirmed they thought it through (step 4).
        case thought
        /// Drafting the reply (step 5).
        case drafting
        /// Sent (step 6); the dialogue continues with the ladder as guidance.
        case sent
    }

    public private(set) var state: State
    /// When the allegation was opened: the count to ten starts here.
    public private(set) var openedAt: Date
    /// Seconds to wait, from the house rules (at least ten).
    public private(set) var wait: Int
    public private(set) var position: TeamPosition?
    public private(set) var severity: Severity?

    static let kind = MentionKind.allegation

    static func start(at now: Date, context: FlowContext) -> (AllegationFlow, [FlowAction]) {
        (AllegationFlow(state: .calm, openedAt: now, wait: context.rules.allegationWait, position: nil, severity: nil), [])
    }

    /// A new message from the sender means counting to ten again; the team's
    /// position and the severity stay.
    func reopened(at now: Date, context: FlowContext) -> AllegationFlow {
        AllegationFlow(state: .calm, openedAt: now, wait: context.rules.allegationWait, position: position,
                       severity: severity)
    }

    /// Whole seconds still to count at `now`, 0 when done.
    public func secondsLeft(at now: Date) -> Int {
        let left = openedAt.addingTimeInterval(TimeInterval(wait)).timeIntervalSince(now)
        return left > 0 ? -Int(wholeSeconds: -left) : 0
    }

    mutating func handle(_ event: FlowEvent, at now: Date, context: FlowContext) -> StepOutcome {
        switch event {
        case .setPosition(let newPosition):
            if let problem = newPosition.problem { return .refused(problem) }
            position = newPosition
            return .unchanged
        case .setSeverity(let newSeverity):
            severity = newSeverity
            return .accepted([.guidance(newSeverity.ladder)])
        case .send(let reply):
            return send(reply, at: now, context: context)
        case .think, .thought:
            if let refusal = notPast(.motiveHeard, at: now) { return .refused(refusal) }
            guard state == .motiveHeard else { return .refused("already thought it through") }
            state = .thought
            return .unchanged
        case .authorWrote, .goOn:
            if state == .motiveAsked { state = .motiveHeard }
            return .unchanged
        case .draft:
            if let refusal = notPast(.thought, at: now) { return .refused(refusal) }
            guard state == .thought else {
                return .refused(state == .drafting ? "already drafting" : "the reply was sent; write follow-ups directly")
            }
            state = .drafting
            return .unchanged
        case .classify, .dismiss, .note, .takeOver, .close, .handOff, .departmentAnswered, .withdrawHandOff:
            return .unchanged
        case .amplify, .respond, .investigated, .authorConfirmed, .takeEmailRoute, .emailHandled:
            return .notIn(Self.kind, event)
        }
    }

    private mutating func send(_ reply: Reply, at now: Date, context: FlowContext) -> StepOutcome {
        let purpose: ReplyPurpose
        switch state {
        case .calm:
            if let refusal = gate(at: now) { return .refused(refusal) }
            purpose = .askMotive
        case .motiveAsked:
            return .refused(Self.waitForMotive)
        case .motiveHeard:
            return .refused("think first: how to respond rationally, not emotionally")
        case .thought:
            return .refused("draft it carefully first")
        case .drafting:
            purpose = .allegationReply
        case .sent:
            purpose = .escalationFollowUp
        }
        if let refusal = ReplyCheck(context: context).refusal(of: reply, as: purpose, on: context.homeChannel) {
            return .refused(refusal)
        }
        if let problem = RespectCheck.problem(in: reply.text) { return .refused(problem) }
        if purpose == .allegationReply, let position, !Self.carries(reply.text, position) {
            let wordings = position.wordings.map { "\"\($0)\"" }.joined(separator: " or ")
            return .refused("the reply must carry the team position: \(wordings)")
        }
        switch state {
        case .calm: state = .motiveAsked
        case .drafting: state = .sent
        case .motiveAsked, .motiveHeard, .thought, .sent: break
        }
        return .accepted([.post(reply)])
    }

    /// Whether `text` says the team position: its statement or its short form, with case,
    /// spacing and the final full stop left out of the comparison (one team position,
    /// said as the team agreed it).
    static func carries(_ text: String, _ position: TeamPosition) -> Bool {
        func normal(_ s: String) -> String {
            s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
                .trimmingCharacters(in: CharacterSet(charactersIn: ".!"))
        }
        let said = normal(text)
        return position.wordings.contains { said.contains(normal($0)) }
    }

    /// Steps 1 and 2 hold everything after them: the count and the position.
    private func gate(at now: Date) -> String? {
        let left = secondsLeft(at: now)
        if left > 0 { return "count to ten: \(left) s left" }
        if position == nil { return "set the team position first" }
        return nil
    }

    /// Why an event that needs the machine to have reached `step` is early, or nil.
    private func notPast(_ step: State, at now: Date) -> String? {
        switch state {
        case .calm: gate(at: now) ?? "ask the sender where it comes from first"
        case .motiveAsked: Self.waitForMotive
        case .motiveHeard: step == .motiveHeard ? nil : "think first: how to respond rationally, not emotionally"
        case .thought, .drafting, .sent: nil
        }
    }

    private static let waitForMotive = "wait for where it comes from, or go on with a reason"

    var isWaitingForCustomer: Bool { state == .motiveAsked }

    var stepName: String {
        switch state {
        case .calm: position == nil ? "count-to-ten" : "position-chosen"
        case .motiveAsked: "motive-asked"
        case .motiveHeard: "motive-heard"
        case .thought: "thought"
        case .drafting: "drafting"
        case .sent: "sent"
        }
    }

    func guidance(at now: Date) -> String {
        switch state {
        case .calm: calmGuidance(at: now)
        case .motiveAsked: "Wait for where it comes from; go on without it only with a reason."
        case .motiveHeard: "Think how best to respond: rational, not emotional."
        case .thought: "Draft the reply carefully, always respectful."
        case .drafting: "Send the reply with the team position."
        case .sent: severity.map { "Continue: " + $0.ladder.map(\.guidance).joined(separator: " ") }
            ?? "Keep the dialogue open."
        }
    }

    private func calmGuidance(at now: Date) -> String {
        let left = secondsLeft(at: now)
        if left > 0 { return "Stay calm: count to ten (\(left) s left)." + (position == nil ? " Choose the team position." : "") }
        return position == nil ? "Choose or write the team position." : "Ask the sender where it comes from."
    }

    func expectedReply(context: FlowContext) -> ReplyExpectation? {
        let purpose: ReplyPurpose? = switch state {
        case .calm: .askMotive
        case .drafting: .allegationReply
        case .sent: .escalationFollowUp
        case .motiveAsked, .motiveHeard, .thought: nil
        }
        return purpose.map { ReplyExpectation(purpose: $0, channel: context.homeChannel) }
    }
}
