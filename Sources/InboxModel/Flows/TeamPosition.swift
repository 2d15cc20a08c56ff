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
    /// The team's position in full: what agents say, and what e-mails and long replies carry.
    public var statement: String
    /// The same position in few words, for replies that must fit a post ("Wij verkopen
    /// geen klantgegevens."): a reply carries the position when it says either.
    public var short: String?

    public init(id: String, topic: String, version: Int, statement: String, short: String? = nil) {
        self.id = id
        self.topic = topic
        self.version = version
        self.statement = statement
        self.short = short
    }

    /// What a reply's `{position}` is filled with: the short form when there is one.
    public var forReplies: String { short ?? statement }

    /// The wordings a reply may carry, the statement first.
    public var wordings: [String] { [statement] + (short.map { [$0] } ?? []) }

    /// Why a position cannot be used as written, or nil.
    var problem: String? {
        if topic.isBlank { return "a team position needs a topic" }
        if statement.isBlank { return "a team position needs a statement" }
        if short?.isBlank == true { return "a team position's short form, when given, says something" }
        if version < 1 { return "a team position's version starts at 1" }
        return nil
    }
}
