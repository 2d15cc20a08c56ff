/// The language a mention is written in, as far as triage needs it: Dutch and English
/// have word lists and a model of their own; any other language gets neither, so a
/// French "top" or a German "held" never counts as Dutch praise.
public enum MentionLanguage: String, CaseIterable, Codable, Sendable {
    case dutch = "nl"
    case english = "en"
    case other

    /// The platform's language field ("nl", "en-GB", "und"): nil when it says nothing
    /// (absent, empty, "und"), so the text decides.
    public init?(tag: String?) {
        guard let tag, !tag.isEmpty else { return nil }
        let primary = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        switch primary {
        case "nl": self = .dutch
        case "en": self = .english
        case "und", "zxx", "qme", "qam", "qht", "qst", "": return nil
        default: self = .other
        }
    }

    /// The language the words are written in, from the function words each language
    /// cannot do without ("de", "het", "niet" against "the", "and", "not"); nil when the
    /// text has too few of them to tell ("@NetVia lol", a hashtag, a link). Character
    /// n-grams would also tell other languages apart; two profiles of stop words are
    /// enough for the two languages triage has cues for, and cost one set lookup a word.
    public static func guess(_ words: [Substring]) -> MentionLanguage? {
        var dutch = 0, english = 0
        for word in words {
            if dutchWords.contains(word) { dutch += 1 }
            if englishWords.contains(word) { english += 1 }
        }
        if dutch == english { return nil }
        return dutch > english ? .dutch : .english
    }

    /// The language of `text` as `guess(_:)` tells it from its words.
    public static func guess(_ text: String) -> MentionLanguage? {
        guess(ClassifierTokens(text).words)
    }

    /// Frequent words of one language that the other does not use (so no "in", "is", "of",
    /// "me", "over", "die" in either list: they would count for both or mislead).
    static let dutchWords: Set<Substring> = [
        "de", "het", "een", "en", "niet", "ik", "je", "jij", "jullie", "van", "met", "voor", "dat", "er",
        "maar", "nog", "al", "wat", "mijn", "zijn", "naar", "om", "te", "geen", "ook", "wel", "deze", "bij",
        "uit", "kan", "hoe", "waarom", "heb", "weer", "ben", "wordt", "worden", "zou", "zo", "dan", "als",
        "nu", "toch", "echt", "heel", "erg", "mij", "ons", "onze", "jou", "jouw", "uw", "wij",
        "zij", "hij", "ze", "waar", "wanneer", "welke", "keer", "dag", "dagen", "nooit", "meer", "niks",
        "niets", "iets", "iemand", "alweer", "gisteren", "vandaag", "sinds", "door", "tot", "hebben",
        "heeft", "kunnen", "moet", "mag", "gaat", "zit", "staat", "komt", "hoor", "eens", "graag",
    ]
    static let englishWords: Set<Substring> = [
        "the", "a", "an", "and", "not", "i", "you", "your", "on", "with", "for", "that", "this", "it",
        "but", "still", "my", "to", "at", "no", "have", "has", "was", "why", "how", "what", "again",
        "are", "be", "been", "from", "they", "them", "their", "our", "us", "can", "will", "would",
        "just", "now", "when", "where", "which", "who", "there", "here", "do", "does", "did", "don't",
        "can't", "won't", "isn't", "doesn't", "didn't", "never", "anyone", "nobody", "nothing", "today",
        "yesterday", "since", "days", "day", "time", "please", "thanks", "thank", "about", "after", "all",
        "any", "so", "very", "really", "get", "got", "i'm", "it's", "you're", "we're", "by", "or", "if",
    ]
}
