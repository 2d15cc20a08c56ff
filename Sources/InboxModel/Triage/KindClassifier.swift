import Foundation

/// Suggests a kind for a new mention, whether it needs a reply, how sure it is and
/// which words decided it, so the agent can see why and override it.
///
/// Two voices: the word lists (`ClassifierRules`), which a team can read, argue with
/// and extend, and the model learned from the team's confirmations (`KindModel`). Each
/// label's score is the lists' points plus the model's log probability, weighted by
/// how much the model learned in the mention's language (half at `modelTakeover`
/// confirmations, 5/6 at five times that) and tempered, since naive Bayes is far too
/// sure of itself on short texts. The lists speak alone at first; with thousands of
/// confirmations the model outvotes them wherever it has seen the words.
public struct KindClassifier: Sendable {
    /// A suggestion and its evidence.
    public struct Suggestion: Equatable, Sendable {
        /// The likely kind, also when unsure (it still sorts the mention by its likely
        /// urgency); nil only for spam.
        public var kind: MentionKind?
        /// Whether spam words outweighed every kind.
        public var looksLikeSpam: Bool
        /// The list words and phrases that decided it, as they matched the text.
        public var evidence: [String]
        /// Whether someone should answer it: chatter, jokes and spam need no reply.
        public var needsReply: Bool
        /// How sure, 0-100: the kind's share of the blended probability.
        public var confidence: Int
        /// The words that made the model lean to the kind; empty while it learned nothing.
        public var modelWords: [String]
        /// The model's share of the decision, 0-100.
        public var modelShare: Int
        /// The language whose lists applied; nil when neither the platform nor the words
        /// told (every list applied).
        public var language: MentionLanguage?
        /// The language whose model spoke: `language`, or for a text too short to tell,
        /// the one whose learned words it shares most; nil while the model said nothing.
        public var modelLanguage: MentionLanguage?

        public init(kind: MentionKind?, looksLikeSpam: Bool = false, evidence: [String] = [], needsReply: Bool = true,
                    confidence: Int = 100, modelWords: [String] = [], modelShare: Int = 0,
                    language: MentionLanguage? = nil, modelLanguage: MentionLanguage? = nil) {
            self.kind = kind
            self.looksLikeSpam = looksLikeSpam
            self.evidence = evidence
            self.needsReply = needsReply
            self.confidence = confidence
            self.modelWords = modelWords
            self.modelShare = modelShare
            self.language = language
            self.modelLanguage = modelLanguage
        }

        /// Below this confidence the inbox says "not sure" next to the kind.
        public static let sureFrom = 50
        public var isSure: Bool { confidence >= Self.sureFrom }
    }

    /// Confirmations in a language at which the model has half its say. Chosen on a
    /// third of the labelled set's training part (BENCHMARKS.md): below about a hundred
    /// confirmations a language's model is noisier than the lists.
    public static let modelTakeover = 150
    /// What the model's log probability counts for at full say, in list points.
    static let modelTemperature = 0.5
    /// When nothing points anywhere, the kind a mention at a company most likely is:
    /// complaints are the largest share at every desk (a third of our labelled set),
    /// and guessing one sorts an unexplained mention above praise and chatter. A team's
    /// own model replaces this guess with what its confirmations say.
    static let coldBias: (label: TriageLabel, points: Double) = (.kind(.complaint), 0.5)

    private let rules: ClassifierRules
    /// What the team's confirmations taught; empty until they confirm or train.
    public var model: KindModel {
        didSet { scorer = ModelScorer(model) }
    }
    private var scorer: ModelScorer

    public init(cues: [ClassifierCue] = ClassifierCue.defaults, model: KindModel = KindModel()) {
        self.rules = ClassifierRules(cues: cues)
        self.model = model
        scorer = ModelScorer(model)
    }

    /// The suggestion for a mention: its text, its platform's language field, and whether
    /// its channel says it was said to us (`MentionChannel.isSaidToUs`).
    public func suggest(for mention: Mention, explained: Bool = true) -> Suggestion {
        suggest(for: mention.text, languageTag: mention.language, saidToUs: mention.channel.isSaidToUs ? true : nil,
                explained: explained)
    }

    /// The suggestion for `text`; `languageTag` is the platform's language field;
    /// `saidToUs` true when the channel says so (nil: the first words decide). An import
    /// passes `explained: false`: nobody reads the model's words there.
    public func suggest(for text: String, languageTag: String? = nil, saidToUs: Bool? = nil,
                        explained: Bool = true) -> Suggestion {
        let tokens = ClassifierTokens(text)
        let language = MentionLanguage(tag: languageTag) ?? MentionLanguage.guess(tokens.words)
        let verdict = rules.verdict(tokens, language: language, saidToUs: saidToUs ?? tokens.isAddressed)
        let best = verdict.points.max() ?? 0
        if verdict.spam > 0 && verdict.spam >= best {
            return Suggestion(kind: nil, looksLikeSpam: true, evidence: verdict.spamEvidence, needsReply: false,
                              language: language)
        }
        var scores = verdict.points.map(Double.init)
        scores[Self.coldBias.label.index] += Self.coldBias.points
        var share = 0.0
        var spoke: MentionLanguage?
        if !scorer.isEmpty, let modelLanguage = language ?? scorer.likelyLanguage(tokens),
           let learned = scorer.logPosterior(tokens, language: modelLanguage) {
            let confirmations = Double(scorer.confirmations(in: modelLanguage))
            share = confirmations / (confirmations + Double(Self.modelTakeover))
            spoke = modelLanguage
            let weight = share * Self.modelTemperature
            scores = zip(scores, learned).map { $0 + weight * $1 }
        }
        let blended = Self.softmax(scores)
        // The likeliest kind; a tie goes to the more urgent, so a complaint phrased as a
        // question is still a complaint.
        let kinds = MentionKind.allCases.sorted()
        let kind = kinds.max { a, b in
            (blended[TriageLabel.kind(a).index], b.urgency) < (blended[TriageLabel.kind(b).index], a.urgency)
        }!
        let label = TriageLabel.kind(kind).index
        let kindMass = kinds.reduce(0.0) { $0 + blended[TriageLabel.kind($1).index] }
        return Suggestion(kind: kind, looksLikeSpam: false, evidence: verdict.evidence[label],
                          needsReply: blended[TriageLabel.noReply.index] <= blended[label],
                          confidence: Int((blended[label] / max(kindMass, .leastNonzeroMagnitude) * 100).rounded()),
                          modelWords: explained ? spoke.map { scorer.words(pointingTo: .kind(kind), in: tokens, language: $0) } ?? [] : [],
                          modelShare: Int((share * 100).rounded()),
                          language: language, modelLanguage: spoke)
    }

    static func softmax(_ scores: [Double]) -> [Double] {
        let top = scores.max()!
        let exps = scores.map { exp($0 - top) }
        let sum = exps.reduce(0, +)
        return exps.map { $0 / sum }
    }
}
