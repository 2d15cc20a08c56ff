import ArgumentParser
import InboxModel

/// `webcare classifier explain TEXT`: what decides the suggestion for a text.
struct ClassifierExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the suggestion for a text and what decided it."
    )

    @Argument(help: "The mention's text.")
    var text: String

    @Option(help: ArgumentHelp("The platform's language field (en, nl, ...); default: the words decide.", valueName: "tag"))
    var language: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let classifier: KindClassifier
        do {
            classifier = try store.openDatabase().currentClassifier()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            StandardStreams.error("webcare: \(error)")
            throw ExitCode(1)
        }
        let suggestion = classifier.suggest(for: text, languageTag: language)
        print(Self.lines(suggestion, model: classifier.model), terminator: "")
    }

    static func name(_ language: MentionLanguage) -> String {
        switch language {
        case .dutch: "Dutch"
        case .english: "English"
        case .other: "other languages"
        }
    }

    static func lines(_ suggestion: KindClassifier.Suggestion, model: KindModel) -> String {
        let safe = VisibleText.line
        let language = suggestion.language.map { "\(name($0)) (\($0.rawValue))" } ?? "not told (every list applies)"
        var out = "Language:    \(language)\n"
        if suggestion.looksLikeSpam {
            out += "Suggested:   none, looks like spam\n"
        } else if let kind = suggestion.kind {
            out += "Suggested:   \(kind.rawValue), \(SuggestionText.certainty(suggestion.confidence))\n"
        }
        out += "Needs reply: \(suggestion.needsReply ? "yes" : "no")\n"
        out += "Lists:       " + (suggestion.evidence.isEmpty ? "no words" : suggestion.evidence.map { "\"\(safe($0))\"" }.joined(separator: ", ")) + "\n"
        let modelLanguage = suggestion.modelLanguage ?? suggestion.language
        let learned = modelLanguage.map { model.confirmations(in: $0) } ?? 0
        out += "Model:       \(learned) confirmation\(learned == 1 ? "" : "s") in \(modelLanguage.map { Self.name($0) } ?? "this language"), \(suggestion.modelShare)% say"
        out += suggestion.modelWords.isEmpty ? "\n" : "; leaning on " + suggestion.modelWords.map { "\"\(safe($0))\"" }.joined(separator: ", ") + "\n"
        return out
    }
}
