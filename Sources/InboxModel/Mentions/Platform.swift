/// The social networks a webcare team answers on.
public enum Platform: String, CaseIterable, Codable, Sendable {
    case twitter
    case facebook
    case linkedin
    case instagram

    /// The name an agent reads on screen.
    public var displayName: String {
        switch self {
        case .twitter: "Twitter/X"
        case .facebook: "Facebook"
        case .linkedin: "LinkedIn"
        case .instagram: "Instagram"
        }
    }

    /// Whether people there go by a handle they chose (Twitter/X, Instagram); on Facebook
    /// and LinkedIn an author's id is a number or a URN nobody reads.
    public var hasHandles: Bool {
        switch self {
        case .twitter, .instagram: true
        case .facebook, .linkedin: false
        }
    }
}

/// How a mention reached us on its platform. The source documents tell these
/// apart because the answer must go back the same way: a direct message is
/// closed, an @-mention or a comment is public.
public enum MentionChannel: String, CaseIterable, Codable, Sendable {
    case publicMention = "mention"
    case directMessage = "dm"
    case hashtag
    case comment

    /// A direct message, or a comment under our own post or page, is said to us whatever
    /// its first words; a public mention or a hashtag may be talk about us.
    public var isSaidToUs: Bool { self == .directMessage || self == .comment }
}

extension ReplyChannel {
    /// The channel a reply to a mention goes out on when it goes back the way the
    /// mention came in: a DM stays a DM, public stays public on its platform.
    public static func home(of platform: Platform, _ channel: MentionChannel) -> ReplyChannel {
        if channel == .directMessage { return .dm }
        switch platform {
        case .twitter: return .twitter
        case .facebook: return .facebook
        case .linkedin: return .linkedin
        case .instagram: return .instagram
        }
    }
}
