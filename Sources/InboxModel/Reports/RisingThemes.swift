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

    /// The rising themes of `now` against `before`. A sample's counts are scaled to the
    /// mentions of its period (`ThemeSample.scaled`) so two periods of different volume
    /// compare; the minimum of mentions applies to what was read.
    static func find(now: ThemeSample, before: ThemeSample) -> [TeamReport.Theme] {
        let current = counts(now.texts), earlier = counts(before.texts)
        return current.compactMap { word, read -> TeamReport.Theme? in
            let mentions = now.scaled(read), previous = before.scaled(earlier[word] ?? 0)
            guard read >= minimumMentions, mentions >= factor * max(previous, 1) else { return nil }
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

    /// The themes of one text, each once. Words of plain ASCII are read byte by byte
    /// (most of them: reports read every text of a period, alerts every text of the
    /// window); others are folded as Unicode.
    public static func themes(in text: String) -> Set<String> {
        var found: Set<String> = []
        for chunk in chunks(text) {
            if chunk.allSatisfy({ $0 < 0x80 }) {
                asciiThemes(Array(chunk), into: &found)
            } else {
                unicodeThemes(Substring(chunk), into: &found)
            }
        }
        return found
    }

    /// The accounts `text` mentions (@handle), folded as themes are.
    static func handles(in text: String) -> Set<String> {
        var found: Set<String> = []
        for chunk in chunks(text) where chunk.first == UInt8(ascii: "@") {
            let folded = String(decoding: chunk.dropFirst(), as: UTF8.self)
                .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            if let name = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).first {
                found.insert(String(name))
            }
        }
        return found
    }

    /// The text's runs between spaces, tabs and line breaks.
    static func chunks(_ text: String) -> [Substring.UTF8View] {
        text.utf8.split { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
    }

    private static func asciiThemes(_ chunk: [UInt8], into found: inout Set<String>) {
        let lower = chunk.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        if lower.first == UInt8(ascii: "@") || lower.starts(with: Array("www.".utf8)) { return }
        if lower.indices.contains(where: { lower[$0...].starts(with: Array("://".utf8)) }) { return }
        let isTag = lower.first == UInt8(ascii: "#")
        var start: Int?
        for index in 0...lower.count {
            let byte = index < lower.count ? lower[index] : 0
            if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                if start == nil { start = index }
                continue
            }
            guard let first = start else { continue }
            start = nil
            let word = lower[first..<index]
            if isTag {
                found.insert("#" + String(decoding: word, as: UTF8.self))
                return
            }
            if word.count >= minimumLength && word.allSatisfy({ (0x61...0x7A).contains($0) }),
               case let text = String(decoding: word, as: UTF8.self), !stopWords.contains(text) {
                found.insert(text)
            }
        }
    }

    static func unicodeThemes(_ chunk: Substring, into found: inout Set<String>) {
        if chunk.hasPrefix("@") || chunk.contains("://") || chunk.lowercased().hasPrefix("www.") { return }
        let folded = chunk.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let isTag = folded.hasPrefix("#")
        for word in folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            if isTag {
                found.insert("#" + word)
                return
            }
            if word.count >= minimumLength && word.allSatisfy(\.isLetter) && !stopWords.contains(String(word)) {
                found.insert(String(word))
            }
        }
    }

    /// Common words of four letters or more in both languages: never a theme.
    static let stopWords: Set<String> = [
        // Dutch
        "alle", "alles", "andere", "bent", "bijna", "daar", "daarom", "dank", "deze", "dezelfde", "dinsdag",
        "donderdag", "door", "echt", "eens", "eigenlijk", "elke", "even", "gaan", "gaat", "gedaan", "geen",
        "gewoon", "goed", "graag", "haar", "hebben", "hebt", "heeft", "hier", "hierover", "iemand", "iets",
        "jullie", "kunnen", "kunt", "laat", "maandag", "maar", "meer", "mijn", "moet", "moeten", "naar", "niet",
        "niets", "nooit", "omdat", "onze", "over", "vandaag", "veel", "vrijdag", "voor", "waar", "waarom",
        "wanneer", "want", "weer", "welke", "werd", "wilt", "woensdag", "word", "wordt", "worden", "zaterdag",
        "zeer", "zelf", "zich", "zijn", "zondag", "zonder", "zouden", "altijd", "alweer", "dagen", "gisteren",
        "keer", "morgen", "nieuw", "nieuwe", "terug", "weken", "jaar",
        // English
        "about", "after", "again", "also", "been", "before", "being", "could", "days", "does", "doing", "done",
        "each", "every", "from", "have", "having", "here", "into", "just", "know", "like", "make", "many", "more",
        "most", "much", "must", "never", "only", "other", "please", "really", "same", "should", "since", "some",
        "still", "such", "than", "thank", "thanks", "that", "their", "them", "then", "there", "these", "they",
        "this", "those", "through", "today", "very", "week", "weeks", "well", "were", "what", "when", "where",
        "which", "while", "will", "with", "would", "your", "yours", "yesterday", "hours", "time", "times", "anyone",
        "going", "getting",
    ]
}
