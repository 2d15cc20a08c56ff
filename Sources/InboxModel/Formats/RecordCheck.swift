import Foundation

/// What every format does after decoding: reject a mention no agent could work with,
/// and skip what is not a mention to answer (retweets, the organisation's own posts).
public struct RecordCheck: Sendable {
    /// The organisation's own handles, lower-cased, without "@".
    public var ownHandles: Set<String>

    /// Longest text accepted. Platforms allow at most 63,206 characters (Facebook); more
    /// is a broken export, not a customer.
    public static let longestText = 65_536

    public init(ownHandles: some Sequence<String> = []) {
        self.ownHandles = Set(ownHandles.map { Self.normalised(handle: $0) })
    }

    static func normalised(handle: String) -> String {
        (handle.hasPrefix("@") ? String(handle.dropFirst()) : handle).lowercased()
    }

    /// The record `mention` makes, `isRetweet` when the format marked it as one.
    public func record(_ mention: Mention, isRetweet: Bool = false) -> ImportedRecord {
        if let problem = problem(in: mention) { return .rejected(problem) }
        if isRetweet || (mention.platform == .twitter && mention.text.hasPrefix("RT @")) { return .skipped(.retweet) }
        if ownHandles.contains(mention.author.handle.lowercased()) { return .skipped(.ownPost) }
        return .mention(mention)
    }

    /// A tweet found by a search: a mention when it names one of our handles (or we do
    /// not know them), a hashtag mention when it only carries a hashtag.
    func twitterChannel(mentioning handles: [String], hasHashtags: Bool) -> MentionChannel {
        if ownHandles.isEmpty || !hasHashtags { return .publicMention }
        return handles.contains { ownHandles.contains($0.lowercased()) } ? .publicMention : .hashtag
    }

    private func problem(in mention: Mention) -> ImportProblem? {
        if let what = Self.identifierProblem(mention.id) { return ImportProblem("id", what) }
        if let what = Self.identifierProblem(mention.author.handle) { return ImportProblem("author.handle", what) }
        if mention.author.followers < 0 { return ImportProblem("author.followers", "negative (\(mention.author.followers))") }
        if mention.author.followers > Influence.mostFollowers {
            return ImportProblem("author.followers", "\(mention.author.followers) is more than \(Influence.mostFollowers), more than any account has")
        }
        if mention.text.isEmpty { return ImportProblem("text", "empty") }
        // SQLite keeps a NUL, but C strings read back stop at it: the rest would be lost.
        if mention.text.utf8.contains(0) { return ImportProblem("text", "contains a NUL character") }
        if mention.author.name.utf8.contains(0) { return ImportProblem("author.name", "contains a NUL character") }
        if mention.text.utf8.count > Self.longestText, mention.text.unicodeScalars.count > Self.longestText {
            return ImportProblem("text", "longer than \(Self.longestText) characters")
        }
        for (field, value) in [("conversationID", mention.conversationID), ("inReplyToID", mention.inReplyToID)] {
            if let value, let what = Self.identifierProblem(value) { return ImportProblem(field, what) }
        }
        return nil
    }

    /// Ids and handles are typed on command lines and shown in one screen column: no
    /// blanks, spaces or control characters.
    public static func identifierProblem(_ value: String) -> String? {
        if value.isEmpty { return "empty" }
        if value.utf8.count <= 200, value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return nil }
        if value.unicodeScalars.count > 200 { return "longer than 200 characters" }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.isWhitespace
            || $0.properties.generalCategory == .format }) {
            return "contains a space or control character"
        }
        return nil
    }
}
