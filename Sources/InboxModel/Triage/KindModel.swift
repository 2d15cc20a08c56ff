import Foundation

/// A multinomial naive Bayes model per language over words and word pairs, learned
/// from the labels agents confirm. Counts only, so learning one confirmation adds to
/// a few dozen numbers (no pause, no retraining) and the database can hold the same
/// counts as rows that every agent's process reads: the team shares one model.
public struct KindModel: Sendable, Equatable {
    /// One stored count: how often `feature` occurred in mentions labelled `label` in
    /// `language`; the empty feature counts the mentions themselves.
    public struct Row: Equatable, Sendable {
        public var language: MentionLanguage
        public var label: TriageLabel
        public var feature: String
        public var count: Int

        public init(language: MentionLanguage, label: TriageLabel, feature: String, count: Int) {
            self.language = language
            self.label = label
            self.feature = feature
            self.count = count
        }
    }

    /// The counts of one language.
    struct Counts: Sendable, Equatable {
        var documents = Array(repeating: 0, count: TriageLabel.allCases.count)
        var featureTotals = Array(repeating: 0, count: TriageLabel.allCases.count)
        var features: [String: [Int]] = [:]

        var isEmpty: Bool { features.isEmpty && documents.allSatisfy { $0 == 0 } }

        /// In place: the dictionaries are never copied, so learning costs the features
        /// of one text, not the size of the vocabulary.
        mutating func add(_ delta: Int, to label: Int, feature: String) {
            if feature == KindModel.documentFeature {
                documents[label] = KindModel.bounded(documents[label] + delta)
                return
            }
            var emptied = false
            features[feature, default: Array(repeating: 0, count: TriageLabel.allCases.count)].withUnsafeMutableBufferPointer { perLabel in
                let before = perLabel[label]
                perLabel[label] = KindModel.bounded(before + delta)
                featureTotals[label] = KindModel.bounded(featureTotals[label] + perLabel[label] - before)
                emptied = perLabel.allSatisfy { $0 == 0 }
            }
            if emptied { features[feature] = nil }
        }
    }

    private(set) var languages: [MentionLanguage: Counts] = [:]

    /// The feature under which a row counts mentions rather than a word.
    public static let documentFeature = ""
    /// A count that cannot overflow when a file or the database adds to it.
    public static let countLimit = 1 << 40

    public init() {}

    /// The features of `text` as the model counts them.
    public static func features(of text: String) -> [String] { ClassifierTokens(text).features }

    public init(rows: some Sequence<Row>) {
        for row in rows { add(row) }
    }

    /// How many confirmations the model learned in `language`.
    public func confirmations(in language: MentionLanguage) -> Int {
        languages[language]?.documents.reduce(0, +) ?? 0
    }

    /// The rows that learning `text` as `label` adds (`times` 1) or takes back (-1, an
    /// agent changing the kind they confirmed): the database applies the same rows.
    public static func rows(learning text: String, language: MentionLanguage, label: TriageLabel,
                            times: Int = 1) -> [Row] {
        [Row(language: language, label: label, feature: documentFeature, count: times)]
            + ClassifierTokens(text).features.map { Row(language: language, label: label, feature: $0, count: times) }
    }

    /// Adds a row's count (negative to take back), keeping every count within 0...limit.
    public mutating func add(_ row: Row) {
        let delta = max(-Self.countLimit, min(Self.countLimit, row.count))
        languages[row.language, default: Counts()].add(delta, to: row.label.index, feature: row.feature)
        if languages[row.language]!.isEmpty { languages[row.language] = nil }
    }

    /// Learns (or with `times` -1 unlearns) one labelled text.
    public mutating func learn(_ text: String, language: MentionLanguage, label: TriageLabel, times: Int = 1) {
        for row in Self.rows(learning: text, language: language, label: label, times: times) { add(row) }
    }

    /// Every count as a row, for writing the model out.
    public var rows: [Row] {
        languages.sorted { $0.key.rawValue < $1.key.rawValue }.flatMap { language, counts in
            TriageLabel.allCases.compactMap { label in
                counts.documents[label.index] == 0 ? nil
                    : Row(language: language, label: label, feature: Self.documentFeature, count: counts.documents[label.index])
            } + counts.features.sorted { $0.key < $1.key }.flatMap { feature, perLabel in
                TriageLabel.allCases.compactMap { label in
                    perLabel[label.index] == 0 ? nil
                        : Row(language: language, label: label, feature: feature, count: perLabel[label.index])
                }
            }
        }
    }

    static func isFunctionWord(_ feature: String) -> Bool {
        let word = Substring(feature)
        return MentionLanguage.dutchWords.contains(word) || MentionLanguage.englishWords.contains(word)
    }

    static func bounded(_ count: Int) -> Int { max(0, min(countLimit, count)) }
}
