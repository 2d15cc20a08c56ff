import Foundation

/// One thing someone said about us that may need an answer: where (platform,
/// channel), who (author), what (text) and when. Every file format maps to this
/// value; nothing in it is trusted, so screens print it through `VisibleText`.
public struct Mention: Equatable, Codable, Sendable {
    public var platform: Platform
    public var channel: MentionChannel
    /// The platform's own id; with `platform` it identifies the mention.
    public var id: String
    /// The thread this mention belongs to, when the platform says so.
    public var conversationID: String?
    /// The post this one answers, when it is an answer.
    public var inReplyToID: String?
    public var author: Author
    /// The full text as the author wrote it (never the truncated form).
    public var text: String
    /// When the author posted it, by the platform's clock.
    public var postedAt: Date
    /// BCP 47 tag such as "nl" or "en", when known.
    public var language: String?
    /// Where the post can be seen, when known.
    public var link: String?

    public init(platform: Platform, channel: MentionChannel, id: String, conversationID: String? = nil,
                inReplyToID: String? = nil, author: Author, text: String, postedAt: Date,
                language: String? = nil, link: String? = nil) {
        self.platform = platform
        self.channel = channel
        self.id = id
        self.conversationID = conversationID
        self.inReplyToID = inReplyToID
        self.author = author
        self.text = text
        self.postedAt = postedAt
        self.language = language
        self.link = link
    }

    /// Where a reply to this mention goes back to.
    public var homeChannel: ReplyChannel { .home(of: platform, channel) }
}

/// Who wrote a mention. Followers are the "who" of monitoring: the speaker's influence.
public struct Author: Equatable, Codable, Sendable {
    /// The handle without "@".
    public var handle: String
    public var name: String
    public var followers: Int
    public var verified: Bool

    public init(handle: String, name: String, followers: Int, verified: Bool = false) {
        self.handle = handle
        self.name = name
        self.followers = followers
        self.verified = verified
    }

    /// The author as the queue and a thread name them: `@handle` where people have
    /// handles, the name elsewhere (the id when the platform gave no name).
    public func label(on platform: Platform) -> String {
        guard !platform.hasHandles, !name.isEmpty, !name.hasPrefix("unknown") else { return "@" + handle }
        return name
    }

    /// What a person would call the author: the display name's first name when it is
    /// one (`FirstNames`: "Sanne" of "Sanne Dekker"), otherwise the handle (never a
    /// fragment: "Kritische" of "Kritische Klant", "L." of "L. Bakker").
    public var greetingName: String {
        let first = name.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
        return FirstNames.known.contains(first.lowercased()) ? first : handle
    }
}
