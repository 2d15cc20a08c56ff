/// Where a case stands, read at a glance in the queue: whose turn it is.
public enum CaseStatus: Equatable, Sendable {
    /// Nobody has replied yet.
    case new
    /// The customer wrote after our last reply.
    case customerReplied
    /// Our reply asked them something; the flow waits for their answer.
    case waitingForCustomer
    /// Handed to a department, waiting for its answer.
    case withDepartment(String)
    /// We replied and the next step is ours (an investigation, a follow-up).
    case inProgress
    case closed

    /// The status of a case whose flow is `flow`.
    public init(_ flow: MentionFlow) {
        if flow.isClosed {
            self = .closed
        } else if let department = flow.pendingHandOff {
            self = .withDepartment(department)
        } else if flow.turns.customerWroteSinceReply && flow.turns.repliesSent > 0 {
            self = .customerReplied
        } else if flow.isWaitingForCustomer {
            self = .waitingForCustomer
        } else {
            self = flow.turns.repliesSent == 0 ? .new : .inProgress
        }
    }

    /// A stable name for the database and scripts.
    public var code: String {
        switch self {
        case .new: "new"
        case .customerReplied: "customer-replied"
        case .waitingForCustomer: "waiting-for-customer"
        case .withDepartment: "with-department"
        case .inProgress: "in-progress"
        case .closed: "closed"
        }
    }

    /// The status stored as `code` with the department of a hand-off; nil for a code
    /// this version does not know.
    public init?(code: String, department: String?) {
        switch code {
        case "new": self = .new
        case "customer-replied": self = .customerReplied
        case "waiting-for-customer": self = .waitingForCustomer
        case "with-department": self = .withDepartment(department ?? "")
        case "in-progress": self = .inProgress
        case "closed": self = .closed
        default: return nil
        }
    }

    /// The department it is with, if handed off.
    public var department: String? {
        if case .withDepartment(let name) = self { name } else { nil }
    }

    /// What the queue shows; a saved draft is worth saying when the turn is ours and
    /// nothing more pressing is going on.
    public func label(draftSaved: Bool) -> String {
        switch self {
        case .new: draftSaved ? "draft saved" : "new"
        case .customerReplied: "customer replied"
        case .waitingForCustomer: "waiting for customer"
        case .withDepartment(let name): "with \(name)"
        case .inProgress: draftSaved ? "draft saved" : "in progress"
        case .closed: "closed"
        }
    }
}
