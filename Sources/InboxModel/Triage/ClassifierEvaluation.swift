/// Precision and recall of the classifier per kind on labelled mentions, as
/// BENCHMARKS.md reports them. "Other" (nil) is a class too: suggesting a kind
/// for spam costs an agent as much as missing a complaint.
public struct ClassifierEvaluation: Sendable {
    /// One row per kind plus "other".
    public struct Row: Equatable, Sendable {
        public var label: String
        public var truePositives: Int
        public var falsePositives: Int
        public var falseNegatives: Int

        /// Of the mentions suggested as this kind, the share that were.
        public var precision: Double? {
            let suggested = truePositives + falsePositives
            return suggested == 0 ? nil : Double(truePositives) / Double(suggested)
        }

        /// Of the mentions that are this kind, the share suggested as such.
        public var recall: Double? {
            let actual = truePositives + falseNegatives
            return actual == 0 ? nil : Double(truePositives) / Double(actual)
        }
    }

    public let rows: [Row]
    public let total: Int
    public let correct: Int
    /// The labelled texts the classifier got wrong: (text, expected, suggested).
    public let mistakes: [(text: String, expected: MentionKind?, suggested: MentionKind?)]

    /// Runs `classifier` over `samples`, each a text and its expected kind (nil: other).
    public init(_ classifier: KindClassifier, samples: [(text: String, expected: MentionKind?)]) {
        let labels: [MentionKind?] = MentionKind.allCases.map(Optional.some) + [nil]
        var rows = labels.map { Row(label: $0?.rawValue ?? "other", truePositives: 0, falsePositives: 0, falseNegatives: 0) }
        var mistakes: [(text: String, expected: MentionKind?, suggested: MentionKind?)] = []
        for sample in samples {
            let suggested = classifier.suggest(for: sample.text).kind
            let expectedRow = labels.firstIndex(of: sample.expected)!
            if suggested == sample.expected {
                rows[expectedRow].truePositives += 1
            } else {
                rows[expectedRow].falseNegatives += 1
                rows[labels.firstIndex(of: suggested)!].falsePositives += 1
                mistakes.append((sample.text, sample.expected, suggested))
            }
        }
        self.rows = rows
        self.total = samples.count
        self.correct = samples.count - mistakes.count
        self.mistakes = mistakes
    }
}
