/// How the classifier does on labelled mentions, as `webcare classifier report` and
/// BENCHMARKS.md show it: precision and recall per label, the confusion table, and how
/// many mentions got a kind at all. "None" (needs no reply) is a label too: suggesting
/// a kind for chatter costs an agent as much as missing a complaint.
public struct ClassifierEvaluation: Sendable {
    /// One row per label.
    public struct Row: Equatable, Sendable {
        public var label: TriageLabel
        /// Mentions labelled so (their first label).
        public var labelled: Int
        /// Mentions the classifier gave this label.
        public var suggested: Int
        /// Labelled so and suggested as one of their labels.
        public var right: Int
        /// Suggested so and right.
        public var rightSuggestions: Int

        /// Of the mentions suggested as this label, the share that were right.
        public var precision: Double? { suggested == 0 ? nil : Double(rightSuggestions) / Double(suggested) }
        /// Of the mentions labelled so, the share suggested right.
        public var recall: Double? { labelled == 0 ? nil : Double(right) / Double(labelled) }
    }

    /// A labelled mention the classifier got wrong.
    public struct Mistake: Sendable {
        public var line: Int
        public var text: String
        public var expected: TriageLabel
        public var suggested: TriageLabel
    }

    public let rows: [Row]
    /// confusion[expected][suggested], in `TriageLabel.allCases` order.
    public let confusion: [[Int]]
    public let total: Int
    public let correct: Int
    /// Mentions that got a kind (everything but spam); and of them, those it was sure of.
    public let withKind: Int
    public let sure: Int
    public let mistakes: [Mistake]

    /// What the classifier suggests as a label: no reply for spam and chatter, else the kind.
    public static func label(of suggestion: KindClassifier.Suggestion) -> TriageLabel {
        guard let kind = suggestion.kind, suggestion.needsReply else { return .noReply }
        return .kind(kind)
    }

    public init(_ classifier: KindClassifier, entries: [LabelledFile.Entry]) {
        let count = TriageLabel.allCases.count
        var rows = TriageLabel.allCases.map { Row(label: $0, labelled: 0, suggested: 0, right: 0, rightSuggestions: 0) }
        var confusion = Array(repeating: Array(repeating: 0, count: count), count: count)
        var mistakes: [Mistake] = []
        var withKind = 0, sure = 0
        for entry in entries {
            let suggestion = classifier.suggest(for: entry.text, languageTag: entry.languageTag)
            if suggestion.kind != nil {
                withKind += 1
                if suggestion.isSure { sure += 1 }
            }
            let suggested = Self.label(of: suggestion)
            let expected = entry.labels[0]
            let isRight = entry.labels.contains(suggested)
            rows[expected.index].labelled += 1
            rows[suggested.index].suggested += 1
            if isRight {
                rows[expected.index].right += 1
                rows[suggested.index].rightSuggestions += 1
            } else {
                mistakes.append(Mistake(line: entry.line, text: entry.text, expected: expected, suggested: suggested))
            }
            confusion[expected.index][suggested.index] += 1
        }
        self.rows = rows
        self.confusion = confusion
        self.total = entries.count
        self.correct = entries.count - mistakes.count
        self.withKind = withKind
        self.sure = sure
        self.mistakes = mistakes
    }
}
