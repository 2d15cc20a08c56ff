/// Suggests a kind for a new mention from Dutch and English word lists, and
/// says which words decided it, so the agent can see why and override it.
/// Rule-based on purpose: a team can read, argue with and extend the lists,
/// which it cannot do with a trained model.
public struct KindClassifier: Sendable {
    /// A suggestion and its evidence.
    public struct Suggestion: Equatable, Sendable {
        /// The suggested kind; nil when nothing points to a reply (noise, spam).
        public var kind: MentionKind?
        /// Whether spam words outweighed every kind.
        public var looksLikeSpam: Bool
        /// The words and phrases that decided it, as they matched the text.
        public var evidence: [String]
    }

    private let cues: [ClassifierCue]
    /// Cues by the word they start with, for cues that can only match where that exact
    /// word occurs; one-word prefixes ("oplicht*") by their first three letters; the
    /// rest (a leading "#", a shorter prefix) are tried on every text. Only the cues a
    /// text can match are tried: an import classifies a million mentions.
    private let byFirstWord: [Substring: [Int]]
    private let byPrefix: [Substring: [Int]]
    private let alwaysTried: [Int]
    private static let prefixKeyLength = 3

    public init(cues: [ClassifierCue] = ClassifierCue.defaults) {
        self.cues = cues
        var byFirstWord: [Substring: [Int]] = [:], byPrefix: [Substring: [Int]] = [:]
        var alwaysTried: [Int] = []
        for (index, cue) in cues.enumerated() {
            let words = cue.pattern.words
            guard let first = words.first, first != "#" else {
                alwaysTried.append(index)
                continue
            }
            if !(cue.pattern.isPrefix && words.count == 1) {
                byFirstWord[first, default: []].append(index)
            } else if first.count >= Self.prefixKeyLength {
                byPrefix[first.prefix(Self.prefixKeyLength), default: []].append(index)
            } else {
                alwaysTried.append(index)
            }
        }
        self.byFirstWord = byFirstWord
        self.byPrefix = byPrefix
        self.alwaysTried = alwaysTried
    }

    public func suggest(for text: String) -> Suggestion {
        let tokens = ClassifierTokens(text)
        var scores: [ClassifierCue.Target: Int] = [:]
        var evidence: [ClassifierCue.Target: [String]] = [:]
        var isCandidate = [Bool](repeating: false, count: cues.count)
        for index in alwaysTried { isCandidate[index] = true }
        for word in tokens.words {
            for index in byFirstWord[word] ?? [] { isCandidate[index] = true }
            for index in byPrefix[word.prefix(Self.prefixKeyLength)] ?? [] { isCandidate[index] = true }
        }
        // In list order, so the evidence reads as it did when every cue was tried.
        for (index, cue) in cues.enumerated() where isCandidate[index] {
            guard let matched = tokens.match(cue.pattern) else { continue }
            scores[cue.target, default: 0] += cue.weight
            if !(evidence[cue.target] ?? []).contains(matched) { evidence[cue.target, default: []].append(matched) }
        }
        if tokens.asksSomething {
            scores[.kind(.question), default: 0] += 1
            evidence[.kind(.question), default: []].append("?")
        }
        // Highest score wins; on a tie the more urgent kind, so a complaint
        // phrased as a question is still a complaint.
        let best = MentionKind.allCases.sorted().max { a, b in
            (scores[.kind(a)] ?? 0, b.urgency) < (scores[.kind(b)] ?? 0, a.urgency)
        }
        let bestScore = best.map { scores[.kind($0)] ?? 0 } ?? 0
        let spamScore = scores[.spam] ?? 0
        if spamScore > 0 && spamScore >= bestScore {
            return Suggestion(kind: nil, looksLikeSpam: true, evidence: evidence[.spam] ?? [])
        }
        guard let kind = best, bestScore >= 2 else {
            return Suggestion(kind: nil, looksLikeSpam: false, evidence: [])
        }
        return Suggestion(kind: kind, looksLikeSpam: false, evidence: evidence[.kind(kind)] ?? [])
    }
}
