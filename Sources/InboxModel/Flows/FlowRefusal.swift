/// A flow's answer to an event it does not allow now, with a reason a person
/// can read and act on.
public struct FlowRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String
    /// A way forward the flow offers, if any.
    public var offer: Offer?

    public enum Offer: Equatable, Sendable {
        /// Ask for an e-mail address and continue there (complaint).
        case emailRoute
    }

    public init(_ reason: String, offer: Offer? = nil) {
        self.reason = reason
        self.offer = offer
    }

    public var description: String { reason }
}

/// The result of handing an event to a flow.
public enum FlowDecision: Equatable, Sendable {
    case accepted([FlowAction])
    case refused(FlowRefusal)

    public var refusal: FlowRefusal? {
        if case .refused(let refusal) = self { refusal } else { nil }
    }
}
