import Foundation

/// The learned model's counts turned into log likelihoods once, keyed so a text's words
/// and word pairs are looked up without building a string: classifying a mention then
/// costs a few dozen lookups and additions, no logarithm, as an import of a million
/// mentions needs (the counts themselves stay in `KindModel`, which learning changes).
struct ModelScorer: Sendable {
    /// One language's model, ready to score.
    struct Language: Sendable {
        /// Log prior per label (`TriageLabel.allCases` order).
        var priors: [Double]
        /// Log likelihood per label of a one-word feature.
        var words: [Substring: [Double]]
        /// Log likelihood per label of a pair, by first word, then second.
        var pairs: [Substring: [Substring: [Double]]]
        var confirmations: Int
    }

    private(set) var languages: [MentionLanguage: Language] = [:]
    var isEmpty: Bool { languages.isEmpty }

    init(_ model: KindModel) {
        let labels = TriageLabel.allCases.count
        for (language, counts) in model.languages {
            let total = counts.documents.reduce(0, +)
            guard total > 0 else { continue }
            let vocabulary = Double(max(1, counts.features.count))
            var scored = Language(
                priors: (0..<labels).map { log(Double(counts.documents[$0] + 1) / Double(total + labels)) },
                words: [:], pairs: [:], confirmations: total)
            for (feature, perLabel) in counts.features {
                let likelihoods = (0..<labels).map {
                    log(Double(perLabel[$0] + 1) / (Double(counts.featureTotals[$0]) + vocabulary))
                }
                let parts = feature.split(separator: " ", maxSplits: 1)
                if parts.count == 2 {
                    scored.pairs[parts[0], default: [:]][parts[1]] = likelihoods
                } else {
                    scored.words[Substring(feature)] = likelihoods
                }
            }
            languages[language] = scored
        }
    }

    /// The text's words as the model counts them: numbers as "#".
    private static func normalised(_ tokens: ClassifierTokens) -> [Substring] {
        tokens.words.map { $0.allSatisfy(\.isNumber) ? "#" : $0 }
    }

    /// Calls `body` with each distinct word and pair of `words` the language learned,
    /// as its feature text (only when `named`) and its log likelihoods.
    private static func forEachKnown(_ words: [Substring], in model: Language, named: Bool,
                                     _ body: (String, [Double]) -> Void) {
        var seenWords: [Substring] = [], seenPairs: [(Substring, Substring)] = []
        for (index, word) in words.enumerated() {
            if !seenWords.contains(word) {
                seenWords.append(word)
                if let likelihoods = model.words[word] { body(named ? String(word) : "", likelihoods) }
            }
            guard index > 0 else { continue }
            let first = words[index - 1]
            guard !seenPairs.contains(where: { $0 == (first, word) }) else { continue }
            seenPairs.append((first, word))
            if let likelihoods = model.pairs[first]?[word] { body(named ? first + " " + word : "", likelihoods) }
        }
    }

    /// The language whose learned words the text shares most (ties: more confirmations),
    /// for a text too short for its function words to tell; nil while nothing was learned.
    func likelyLanguage(_ tokens: ClassifierTokens) -> MentionLanguage? {
        let words = Self.normalised(tokens)
        return languages.max { a, b in
            var hitsA = 0, hitsB = 0
            Self.forEachKnown(words, in: a.value, named: false) { _, _ in hitsA += 1 }
            Self.forEachKnown(words, in: b.value, named: false) { _, _ in hitsB += 1 }
            return (hitsA, a.value.confirmations, b.key.rawValue) < (hitsB, b.value.confirmations, a.key.rawValue)
        }?.key
    }

    func confirmations(in language: MentionLanguage) -> Int { languages[language]?.confirmations ?? 0 }

    /// The model's log probability per label for the text; nil when it learned nothing in
    /// `language`.
    func logPosterior(_ tokens: ClassifierTokens, language: MentionLanguage) -> [Double]? {
        guard let model = languages[language] else { return nil }
        var logs = model.priors
        Self.forEachKnown(Self.normalised(tokens), in: model, named: false) { _, likelihoods in
            for label in logs.indices { logs[label] += likelihoods[label] }
        }
        let top = logs.max()!
        let total = top + log(logs.reduce(0) { $0 + exp($1 - top) })
        return logs.map { $0 - total }
    }

    /// The (at most three) features of the text that pointed most to `label`, for an agent
    /// to read: a lone function word ("with", "de") counts, but explains nothing.
    func words(pointingTo label: TriageLabel, in tokens: ClassifierTokens, language: MentionLanguage) -> [String] {
        guard let model = languages[language] else { return [] }
        var strongest: [(weight: Double, feature: String)] = []
        Self.forEachKnown(Self.normalised(tokens), in: model, named: true) { feature, likelihoods in
            let mean = likelihoods.reduce(0, +) / Double(likelihoods.count)
            let weight = likelihoods[label.index] - mean
            if weight > 0, !KindModel.isFunctionWord(feature) { strongest.append((weight, feature)) }
        }
        return strongest.sorted { ($0.weight, $1.feature) > ($1.weight, $0.feature) }.prefix(3).map(\.feature)
    }
}
