import InboxModel
import InboxStore

/// How a mention's kind reads wherever the inbox shows it (queue rows, `list`, the case
/// view, `show`): confirmed as the kind itself; suggested with a question mark; what the
/// classifier is unsure of, or thinks needs no reply, or takes for spam, said so.
enum SuggestionText {
    /// The queue's kind column, at most 11 characters: "complaint", "complaint?",
    /// "not sure", "no reply?", "spam?", or `none` when nothing was suggested.
    static func short(_ stored: StoredMention, none: String = "new") -> String {
        if let confirmed = stored.confirmedKind { return confirmed.rawValue }
        if stored.looksLikeSpam { return "spam?" }
        guard let kind = stored.suggestedKind else { return none }
        if !stored.needsReply { return "no reply?" }
        return stored.confidence >= KindClassifier.Suggestion.sureFrom ? "\(kind.rawValue)?" : "not sure"
    }

    /// The suggestion in words for the case view and `show`: "complaint, 82% sure",
    /// "complaint, not sure (31%)", "no reply needed (likely positive)", "spam".
    static func long(_ stored: StoredMention) -> String {
        if stored.looksLikeSpam { return "none (looks like spam)" }
        guard let kind = stored.suggestedKind else { return "none" }
        if !stored.needsReply { return "no reply needed (likely \(kind.rawValue))" }
        return "\(kind.rawValue), " + certainty(stored.confidence)
    }

    /// "82% sure", or "not sure (31%)" under `KindClassifier.Suggestion.sureFrom`.
    static func certainty(_ confidence: Int) -> String {
        confidence >= KindClassifier.Suggestion.sureFrom ? "\(confidence)% sure" : "not sure (\(confidence)%)"
    }

    /// What decided a suggestion: the lists' words, then the model's with its share.
    static func reasons(_ suggestion: KindClassifier.Suggestion) -> String {
        let safe = VisibleText.line
        var parts: [String] = []
        if !suggestion.evidence.isEmpty {
            parts.append("lists: " + suggestion.evidence.map { "\"\(safe($0))\"" }.joined(separator: ", "))
        }
        if !suggestion.modelWords.isEmpty {
            parts.append("model (\(suggestion.modelShare)% say): "
                + suggestion.modelWords.map { "\"\(safe($0))\"" }.joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }
}
