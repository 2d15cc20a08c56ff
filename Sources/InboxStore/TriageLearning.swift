import Foundation
import GRDB
import InboxModel

/// The learned model's counts in the database (`classifier_count`, one row per
/// language, label and feature; see `KindModel`), read whole by an import and added to
/// as agents confirm kinds. Written once for both engines, over `SQLRunner`.
enum TriageLearning {
    /// The counts as a model; rows naming a language or label this webcare does not know
    /// are left out (a newer webcare may have written them).
    static func model(_ db: some SQLRunner) throws -> KindModel {
        let rows = try db.rows("SELECT language, label, feature, count FROM classifier_count WHERE count > 0", [:])
        return KindModel(rows: rows.compactMap { row in
            guard let language = MentionLanguage(rawValue: row["language"]),
                  let label = TriageLabel(name: row["label"] as String) else { return nil }
            return KindModel.Row(language: language, label: label, feature: row["feature"], count: row["count"])
        })
    }

    /// Adds `rows` to the stored counts, each kept within 0...`KindModel.countLimit`.
    static func add(_ rows: [KindModel.Row], _ db: some SQLRunner) throws {
        let bounded = switch db.dialect {
        case .sqlite: "min(\(KindModel.countLimit), max(0, classifier_count.count + excluded.count))"
        case .postgres: "least(\(KindModel.countLimit), greatest(0, classifier_count.count + excluded.count))"
        }
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let part = rows[start..<min(rows.count, start + rowsPerStatement)]
            var arguments: [String: (any DatabaseValueConvertible)?] = [:]
            var tuples: [String] = []
            for (offset, row) in part.enumerated() {
                tuples.append("(:l\(offset), :k\(offset), :f\(offset), :c\(offset))")
                arguments["l\(offset)"] = row.language.rawValue
                arguments["k\(offset)"] = row.label.name
                arguments["f\(offset)"] = row.feature
                arguments["c\(offset)"] = row.count
            }
            try db.execute("""
                INSERT INTO classifier_count (language, label, feature, count) VALUES \(tuples.joined(separator: ", "))
                ON CONFLICT (language, label, feature) DO UPDATE SET count = \(bounded)
                """, arguments)
        }
    }

    /// Rows per INSERT: four parameters each, well under either engine's limit.
    static let rowsPerStatement = 500

    /// What `event`, accepted on a case whose confirmed kind was `before`, teaches: a kind
    /// confirmed or changed is learned (and the kind it replaces taken back); a dismissal
    /// as spam or not about us teaches "no reply". `opening`, the case's first message
    /// (as its flow holds it: no read), is what was judged.
    static func learn(from event: FlowEvent, before: MentionKind?, opening: Mention, _ db: some SQLRunner) throws {
        let label: TriageLabel
        switch event {
        case .classify(let kind): label = .kind(kind)
        case .dismiss(.spam, _), .dismiss(.notAboutUs, _): label = .noReply
        default: return
        }
        let text = opening.text
        guard let language = try language(of: text, tag: opening.language) ?? likelyLanguage(of: text, db) else { return }
        var rows = KindModel.rows(learning: text, language: language, label: label)
        if let before {
            rows += KindModel.rows(learning: text, language: language, label: .kind(before), times: -1)
        }
        try add(rows, db)
    }

    /// The language a text is learned under: the platform's field, else its words; nil
    /// when neither tells (too few words to learn from).
    static func language(of text: String, tag: String?) -> MentionLanguage? {
        MentionLanguage(tag: tag) ?? MentionLanguage.guess(text)
    }

    /// For a text too short to tell: the language whose stored words it shares most, else
    /// the one with the most confirmations; nil while nothing was learned.
    static func likelyLanguage(of text: String, _ db: some SQLRunner) throws -> MentionLanguage? {
        let features = KindModel.features(of: text)
        var arguments: [String: (any DatabaseValueConvertible)?] = [:]
        for (index, feature) in features.enumerated() { arguments["f\(index)"] = feature }
        let list = features.indices.map { ":f\($0)" }.joined(separator: ", ")
        let rows = try db.rows("""
            SELECT language, sum(CASE WHEN feature IN (\(list.isEmpty ? "NULL" : list)) THEN 1 ELSE 0 END) AS hits,
                sum(CASE WHEN feature = '' THEN count ELSE 0 END) AS documents
            FROM classifier_count WHERE count > 0 AND (feature = '' OR feature IN (\(list.isEmpty ? "NULL" : list)))
            GROUP BY language ORDER BY hits DESC, documents DESC, language LIMIT 1
            """, arguments)
        return rows.first.flatMap { MentionLanguage(rawValue: $0["language"]) }
    }

    /// Teaches a labelled file's entries in one go; returns how many were learned. A row
    /// whose language neither its column nor its words tell is learned under the
    /// language most of the file's rows are in (an export of one team's traffic).
    static func train(_ entries: [LabelledFile.Entry], _ db: some SQLRunner) throws -> Int {
        let told = entries.map { language(of: $0.text, tag: $0.languageTag) }
        var tally: [MentionLanguage: Int] = [:]
        for language in told.compactMap({ $0 }) { tally[language, default: 0] += 1 }
        let majority = tally.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key
        var model = KindModel()
        var learned = 0
        for (entry, language) in zip(entries, told) {
            guard let language = language ?? majority else { continue }
            model.learn(entry.text, language: language, label: entry.labels[0])
            learned += 1
        }
        try add(model.rows, db)
        return learned
    }
}

extension Schema {
    /// Adds `needs_reply` and `confidence` unless they are there. SQLite's v6 runs it
    /// too, before it reads mentions the way today's code does (`StoredMention.columns`
    /// names them); a database that ran v6 before v11 existed gets them from v11.
    static func addTriageColumns(_ db: some SQLRunner) throws {
        let present = switch db.dialect {
        case .sqlite: "SELECT 1 FROM pragma_table_info('mention') WHERE name = 'needs_reply'"
        case .postgres: """
            SELECT 1 FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'mention' AND column_name = 'needs_reply'
            """
        }
        guard try db.row(present) == nil else { return }
        let flag = db.dialect == .sqlite ? "INTEGER NOT NULL DEFAULT 1" : "boolean NOT NULL DEFAULT true"
        try db.execute("ALTER TABLE mention ADD COLUMN needs_reply \(flag)", [:])
        try db.execute("ALTER TABLE mention ADD COLUMN confidence INTEGER NOT NULL DEFAULT 100", [:])
    }

    /// v11 lets triage learn and say how sure it is:
    /// - `needs_reply`: whether the classifier thinks someone should answer; a mention
    ///   that needs none keeps its likely kind in `suggested_kind` but none in `kind`, so
    ///   it sorts and counts with what nobody classified, after every kind.
    /// - `confidence`: how sure the suggestion is, 0-100 (100 for mentions stored before).
    /// - `classifier_count`: the learned model's counts (`TriageLearning`), seeded from
    ///   the kinds agents confirmed before.
    static func migrateToLearningTriage(_ db: some SQLRunner) throws {
        try addTriageColumns(db)
        try db.execute("""
            CREATE TABLE classifier_count (language TEXT NOT NULL, label TEXT NOT NULL, feature TEXT NOT NULL,
                count BIGINT NOT NULL, PRIMARY KEY (language, label, feature))\(db.dialect == .sqlite ? " WITHOUT ROWID" : "")
            """, [:])
        let confirmed = try db.rows("""
            SELECT text, language, kind FROM mention WHERE case_id IS NULL AND kind_confirmed AND kind IS NOT NULL
            """, [:])
        let entries = confirmed.compactMap { row -> LabelledFile.Entry? in
            guard let kind = MentionKind(rawValue: row["kind"]) else { return nil }
            return LabelledFile.Entry(line: 0, text: row["text"], languageTag: row["language"], labels: [.kind(kind)])
        }
        _ = try TriageLearning.train(entries, db)
    }
}
