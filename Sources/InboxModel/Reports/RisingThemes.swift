import Foundation

/// Words and hashtags clearly more frequent in a period than in the one before it: what
/// customers start talking about (an outage, a campaign, an allegation spreading).
///
/// A theme is a hashtag, or a word of at least `minimumLength` letters that is not a
/// common Dutch or English word; case and accents are ignored, handles and links are
/// not words, and neither is a word that names an account the texts mention ("netvia"
/// where they write "@NetVia": the company's own name is no theme). Each mention counts
/// a theme once. A theme rises when at least
/// `minimumMentions` mentions carry it and at least `factor` times as many as in the
/// period before (counted as 1 when it was absent there).
public enum RisingThemes {
    static let minimumLength = 4
    static let minimumMentions = 5
    static let factor = 3
    static let shown = 10

    static func find(now: [String], before: [String]) -> [TeamReport.Theme] {
        let current = counts(now), earlier = counts(before)
        return current.compactMap { word, mentions -> TeamReport.Theme? in
            let previous = earlier[word] ?? 0
            guard mentions >= minimumMentions, mentions >= factor * max(previous, 1) else { return nil }
            return TeamReport.Theme(word: word, mentions: mentions, previous: previous)
        }.sorted {
            let left = Double($0.mentions) / Double(max($0.previous, 1)), right = Double($1.mentions) / Double(max($1.previous, 1))
            return (left, $0.mentions, $1.word) > (right, $1.mentions, $0.word)
        }.prefix(shown).map { $0 }
    }

    /// In how many of `texts` each theme occurs.
    static func counts(_ texts: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        var accounts: Set<String> = []
        for text in texts {
            for theme in themes(in: text) { counts[theme, default: 0] += 1 }
            accounts.formUnion(handles(in: text))
        }
        return counts.filter { !accounts.contains($0.key) }
    }

    /// The accounts `text` mentions (@handle), folded as themes are.
    static func handles(in text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0.isWhitespace }).filter { $0.hasPrefix("@") }.compactMap { chunk in
            chunk.dropFirst().folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).first.map(String.init)
        })
    }

    /// The themes of one text, each once.
    public static func themes(in text: String) -> Set<String> {
        var found: Set<String> = []
        for chunk in text.split(whereSeparator: { $0.isWhitespace }) {
            if chunk.hasPrefix("@") || chunk.contains("://") || chunk.lowercased().hasPrefix("www.") { continue }
            let folded = chunk.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            let isTag = folded.hasPrefix("#")
            for word in folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                if isTag {
                    found.insert("#" + word)
                    break
                }
                if word.count >= minimumLength && word.allSatisfy(\.isLetter) && !stopWords.contains(String(word)) {
                    found.insert(String(word))
                }
            }
        }
        return found
    }

    /// Common words of four letters or more in both languages: never a theme.
    static let stopWords: Set<String> = [
        // Dutch
        "alle", "alles", "also", "andere", "bent", "bijna", "daar", "daarom", "dank", "dat", "deze", "dezelfde",
        "die", "dinsdag", "donderdag", "door", "echt", "eens", "eigenlijk", "elke", "even", "gaan", "gaat", "gedaan",
        "geen", "gewoon", "goed", "graag", "haar", "heb", "hebben", "hebt", "heeft", "hier", "hierover", "hoe",
        "iemand", "iets", "jullie", "kan", "kunnen", "kunt", "laat", "maandag", "maar", "meer", "mijn", "moet",
        "moeten", "naar", "nog", "niet", "niets", "nooit", "omdat", "onze", "over", "vandaag", "veel", "vrijdag",
        "voor", "waar", "waarom", "wanneer", "want", "weer", "welke", "wel", "werd", "wij", "wilt", "woensdag",
        "word", "wordt", "worden", "zaterdag", "zeer", "zelf", "zich", "zijn", "zondag", "zonder", "zou", "zouden",
        "altijd", "alweer", "dagen", "gisteren", "keer", "morgen", "nieuw", "nieuwe", "terug", "weken", "jaar",
        // English
        "about", "after", "again", "also", "been", "before", "being", "could", "days", "does", "doing", "done",
        "each", "even", "every", "from", "have", "having", "here", "into", "just", "know", "like", "make", "many",
        "more", "most", "much", "must", "never", "only", "other", "over", "please", "really", "same", "should",
        "since", "some", "still", "such", "than", "thank", "thanks", "that", "their", "them", "then", "there",
        "these", "they", "this", "those", "through", "today", "very", "want", "week", "weeks", "well", "were",
        "what", "when", "where", "which", "while", "will", "with", "would", "your", "yours", "yesterday",
        "hours", "time", "times", "anyone", "going", "getting",
    ]
}
