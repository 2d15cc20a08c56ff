/// What a flow asks the world to do after an accepted event. The store turns
/// `post` and `amplify` into outbox entries in the same transaction as the event.
public enum FlowAction: Equatable, Sendable {
    case post(Reply)
    case amplify(PlatformAction)
    /// Pass the mention's text, unchanged, to a department.
    case passOn(department: String, originalText: String)
    /// This author keeps saying good things: mark them as an ambassador.
    case suggestAmbassador(handle: String)
    /// Guidance for the following replies of an allegation.
    case guidance([EscalationStep])

    /// A reply that goes out to the customer.
    public var isPost: Bool {
        if case .post = self { true } else { false }
    }
}
