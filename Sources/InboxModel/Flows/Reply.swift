/// A reply an agent sends: its text, where it goes, and what it does.
public struct Reply: Equatable, Codable, Sendable {
    public var text: String
    public var channel: ReplyChannel
    public var moves: Set<ReplyMove>

    public init(text: String, channel: ReplyChannel, moves: Set<ReplyMove>) {
        self.text = text
        self.channel = channel
        self.moves = moves
    }
}

/// What the current step expects the next reply to be: the composer opens with
/// this channel, these moves and the template for `purpose`.
public struct ReplyExpectation: Equatable, Sendable {
    public var purpose: ReplyPurpose
    public var channel: ReplyChannel

    public var moves: Set<ReplyMove> { purpose.moves }
}
