import InboxModel

/// What the store refuses, in words an agent can act on.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case noSuchMention(String)
    /// A platform id that more than one platform uses; say which, as platform:id.
    case ambiguousMention(String)
    /// Another agent appended to the mention's log after the state this agent acted on.
    case conflict(Conflict)
    /// The flow does not allow the event now.
    case refused(FlowRefusal)
    case noSuchOutboxEntry(Int64)
    case alreadyDelivered(Int64)
    case noSuchPosition(String)
    /// A value in the file that this version cannot read (written by a newer one, or edited by hand).
    case corrupt(column: String, value: String)
    /// Another agent holds the mention: a reply goes out only after taking it over.
    case heldBy(agent: String)
    /// The database file is read-only for this user.
    case readOnly(path: String)
    /// The mention joined an earlier case: the case's flow is where steps go.
    case partOfCase(mention: Int64, case: CaseNumber)
    /// The database refused this login the write (PostgreSQL's row-level security and
    /// grants: acting as someone else, or a connector acting on a flow).
    case notAllowed(agent: String, reason: String)
    /// The connection to the database server dropped; nothing of the step was written.
    case connectionLost(location: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the inbox database \(path): \(reason)"
        case .noSuchMention(let id): "no mention \(id)"
        case .ambiguousMention(let id): "more than one platform has a mention \(id); name it as platform:\(id)"
        case .conflict(let conflict): conflict.description
        case .refused(let refusal): refusal.reason
        case .noSuchOutboxEntry(let id): "no outbox entry \(id)"
        case .alreadyDelivered(let id): "outbox entry \(id) was already delivered"
        case .noSuchPosition(let id): "no team position \(id)"
        case .corrupt(let column, let value): "the database holds \(column) '\(value)', which this webcare cannot read"
        case .heldBy(let agent): "\(agent) is working on this mention; take it over to send"
        case .readOnly(let path): "\(path) is read-only for you: nothing can be changed"
        case .partOfCase(let mention, let number): "mention \(mention) is part of case \(number): act on \(number)"
        case .notAllowed(let agent, let reason): "the database does not allow \(agent) this: \(reason)"
        case .connectionLost(let location, let reason):
            "lost the connection to \(location) (\(reason)); nothing of this step was written and your text is kept: reconnecting"
        }
    }
}

/// Two agents acted on one mention: the events someone else appended since the state
/// this agent saw, so the screen can say what changed.
public struct Conflict: Equatable, Sendable, CustomStringConvertible {
    public var mentionID: Int64
    /// The last sequence number the agent had seen.
    public var seenSeq: Int
    /// What was appended after it, oldest first.
    public var newer: [LoggedEvent]

    public var description: String {
        let what = newer.map { "\($0.agent) did \($0.event.name)" }.joined(separator: ", ")
        return "the case changed while you were working on it: \(what.isEmpty ? "unknown change" : what)"
    }
}
