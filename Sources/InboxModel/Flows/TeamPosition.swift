/// The team's one unambiguous position on a situation (eenduidig standpunt).
/// Positions are shared objects: every agent answering about the same topic
/// uses the same statement, and a revision gets a new version, so a flow
/// records exactly which wording it answered with.
public struct TeamPosition: Equatable, Codable, Sendable {
    public var id: String
    /// What the position is about, e.g. "outage 14 November".
    public var topic: String
    /// Starts at 1, grows with every revision.
    public var version: Int
    /// The sentence agents use in replies.
    public var statement: String

    public init(id: String, topic: String, version: Int, statement: String) {
        self.id = id
        self.topic = topic
        self.version = version
        self.statement = statement
    }

    /// Why a position cannot be used as written, or nil.
    var problem: String? {
        if topic.isBlank { return "a team position needs a topic" }
        if statement.isBlank { return "a team position needs a statement" }
        if version < 1 { return "a team position's version starts at 1" }
        return nil
    }
}
