import Foundation

/// Complaint (klacht), slide 46: reply #1 acknowledges and says it goes
/// internal; the case is investigated; reply #2 gives the solution and asks
/// whether they are helped, and the flow waits for their answer; the agent reads
/// it and closes the case or investigates again. A reply that does not fit offers
/// the e-mail route: ask publicly for an address, continue by e-mail, then ask
/// publicly for confirmation.
public struct ComplaintFlow: KindMachine {
    public enum State: Equatable, Sendable {
        /// Reply #1 is due.
        case acknowledge
        case investigating
        /// Reply #2 is due with this solution.
        case solution(String)
        /// Reply #2 asked whether they are helped: waiting for the customer.
        case awaitingConfirmation
        /// They answered (or the agent went on without it): close it, or investigate again.
        case reviewing
        case askForEmail
        case byEmail
        case askPublicConfirmation
    }

    public private(set) var state: State

    static let kind = MentionKind.complaint

    static func start(at now: Date, context: FlowContext) -> (ComplaintFlow, [FlowAction]) {
        (ComplaintFlow(state: .acknowledge), [])
    }

    /// A complaint that comes back is acknowledged again before anything else.
    func reopened(at now: Date, context: FlowContext) -> ComplaintFlow { ComplaintFlow(state: .acknowledge) }

    mutating func handle(_ event: FlowEvent, at now: Date, context: FlowContext) -> StepOutcome {
        switch event {
        case .send(let reply):
            return send(reply, context: context)
        case .investigated(let solution):
            guard state == .investigating || state == .reviewing else { return .refused(outOfStep("the investigation")) }
            if solution.isBlank { return .refused("write down the solution the investigation found") }
            state = .solution(solution)
            return .unchanged
        case .authorConfirmed:
            guard state == .awaitingConfirmation || state == .reviewing else {
                return .refused("nobody has asked them yet whether they are helped")
            }
            return .accepted([], closing: .resolved)
        case .authorWrote, .goOn:
            // Their answer (or none): the agent reads it and closes or investigates again.
            if state == .awaitingConfirmation { state = .reviewing }
            return .unchanged
        case .takeEmailRoute:
            switch state {
            case .acknowledge, .investigating, .solution, .reviewing:
                state = .askForEmail
                return .unchanged
            case .awaitingConfirmation, .askForEmail, .byEmail, .askPublicConfirmation:
                return .refused("the e-mail route is for a reply that does not fit; it is too late or already taken")
            }
        case .emailHandled:
            guard state == .byEmail else { return .refused("there is no e-mail conversation to finish") }
            state = .askPublicConfirmation
            return .unchanged
        case .classify, .dismiss, .note, .takeOver, .close, .handOff, .departmentAnswered, .withdrawHandOff:
            return .unchanged
        case .amplify, .respond, .setPosition, .think, .thought, .draft, .setSeverity:
            return .notIn(Self.kind, event)
        }
    }

    private mutating func send(_ reply: Reply, context: FlowContext) -> StepOutcome {
        guard let expected = expectedReply(context: context) else {
            let reason = switch state {
            case .reviewing: "they answered: close it if they are helped, or record a new solution"
            case .awaitingConfirmation: "they were asked whether they are helped; wait for their answer, or go on with a reason"
            default: "investigate first: record the solution before reply #2"
            }
            return .refused(reason)
        }
        let offer: FlowRefusal.Offer? = switch state {
        case .acknowledge, .solution: .emailRoute
        case .investigating, .awaitingConfirmation, .reviewing, .askForEmail, .byEmail, .askPublicConfirmation: nil
        }
        if let refusal = ReplyCheck(context: context).refusal(of: reply, as: expected.purpose, on: expected.channel,
                                                                tooLong: offer) {
            return .refused(refusal)
        }
        switch state {
        case .acknowledge: state = .investigating
        case .solution: state = .awaitingConfirmation
        case .askForEmail: state = .byEmail
        case .byEmail: break
        case .askPublicConfirmation: state = .awaitingConfirmation
        case .investigating, .awaitingConfirmation, .reviewing: break
        }
        return .accepted([.post(reply)])
    }

    private func outOfStep(_ what: String) -> String {
        state == .acknowledge ? "send reply #1 first: acknowledge and say it goes internal" : "\(what) is already done"
    }

    var isWaitingForCustomer: Bool { state == .awaitingConfirmation }

    var stepName: String {
        switch state {
        case .acknowledge: "acknowledge"
        case .investigating: "investigating"
        case .solution: "solution"
        case .awaitingConfirmation: "awaiting-confirmation"
        case .reviewing: "review-answer"
        case .askForEmail: "ask-for-email"
        case .byEmail: "by-email"
        case .askPublicConfirmation: "ask-public-confirmation"
        }
    }

    func guidance(at now: Date) -> String {
        switch state {
        case .acknowledge: "Reply #1: acknowledge the complaint and say it is discussed internally."
        case .investigating: "Investigate the case internally, then record the solution."
        case .solution: "Reply #2: give the solution and ask whether they are helped."
        case .awaitingConfirmation: "Wait for the customer to confirm they are helped."
        case .reviewing: "Read their answer: close it when they are helped, or record a new solution."
        case .askForEmail: "Ask publicly for an e-mail address."
        case .byEmail: "Continue by e-mail; mark it handled when done."
        case .askPublicConfirmation: "Ask publicly for confirmation that it is solved."
        }
    }

    func expectedReply(context: FlowContext) -> ReplyExpectation? {
        switch state {
        case .acknowledge: ReplyExpectation(purpose: .complaintFirst, channel: context.homeChannel)
        case .solution: ReplyExpectation(purpose: .complaintSecond, channel: context.homeChannel)
        case .askForEmail: ReplyExpectation(purpose: .askEmail, channel: context.homeChannel)
        case .byEmail: ReplyExpectation(purpose: .emailBody, channel: .email)
        case .askPublicConfirmation: ReplyExpectation(purpose: .askConfirmation, channel: context.homeChannel)
        case .investigating, .awaitingConfirmation, .reviewing: nil
        }
    }
}
