/// The language and form of address a team answers in, a house rule
/// (slides 36–40): Dutch with "je" or "u", or English.
public enum ReplyStyle: String, CaseIterable, Codable, Sendable {
    case dutchInformal = "nl-je"
    case dutchFormal = "nl-u"
    case english = "en"
}

extension ReplyStyle {
    /// The style a reply to a mention in `language` (a BCP 47 tag, when the platform gave
    /// one) takes in a team whose house style is `house`: an English mention is answered
    /// in English, also by a Dutch team; a Dutch one (or one of unknown language) in the
    /// house style; an English team answers everyone in English.
    public static func forMention(language: String?, house: ReplyStyle) -> ReplyStyle {
        guard let language = language?.lowercased() else { return house }
        if language == "en" || language.hasPrefix("en-") { return .english }
        return house
    }
}
