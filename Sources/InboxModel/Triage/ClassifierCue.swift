/// One line of the classifier's word lists: a word or phrase, the kind it
/// points to, and how strongly.
public struct ClassifierCue: Sendable {
    public enum Target: Hashable, Sendable {
        case kind(MentionKind)
        case spam
        /// Chatter that needs no reply: laughter, a retweet.
        case noReply
    }

    /// Words matched in sequence; "*" after the last word matches any ending
    /// ("oplicht*" finds oplichters and oplichting), "#" matches a number.
    public struct Pattern: Sendable {
        let words: [Substring]
        let isPrefix: Bool

        public init(_ text: String) {
            isPrefix = text.hasSuffix("*")
            let body = isPrefix ? String(text.dropLast()) : text
            words = body.lowercased().split(separator: " ")
        }
    }

    public var pattern: Pattern
    public var target: Target
    public var weight: Int
    /// The language the cue belongs to; nil: any (spam, a brand's hashtag).
    public var language: MentionLanguage?

    public init(_ pattern: String, _ target: Target, weight: Int, language: MentionLanguage? = nil) {
        self.pattern = Pattern(pattern)
        self.target = target
        self.weight = weight
        self.language = language
    }

    /// The lists a team starts with: Dutch, English, and spam in any language (see
    /// ClassifierCue+Dutch.swift and +English.swift). Accusations weigh most because
    /// missing one costs most.
    public static let defaults: [ClassifierCue] = dutch + english + spam

    /// Spam looks alike in every language a team sees.
    static let spam: [ClassifierCue] = list(.spam, weight: 3, nil, [
        "followers kopen", "volgers kopen", "buy followers", "free followers", "gratis volgers", "crypto", "bitcoin",
        "giveaway", "win een", "win a", "click here", "klik hier", "dm for promo", "promo code", "check my profile",
        "earn money", "verdien geld", "onlyfans", "forex", "link in bio", "visit my profile", "profit guaranteed",
        "winst gegarandeerd", "per dag vanuit huis", "a day from home",
    ])

    static func list(_ target: Target, weight: Int, _ language: MentionLanguage?, _ patterns: [String]) -> [ClassifierCue] {
        patterns.map { ClassifierCue($0, target, weight: weight, language: language) }
    }
}
