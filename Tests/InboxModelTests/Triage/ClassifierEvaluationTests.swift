import Foundation
import Testing
@testable import InboxModel

@Suite struct ClassifierEvaluationTests {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../..")

    static func entries(_ file: String, columns: LabelledFile.Columns = .init()) throws -> [LabelledFile.Entry] {
        try LabelledFile(Data(contentsOf: root.appending(path: file)), columns: columns).entries
    }

    @Test func countsPrecisionRecallAndConfusionPerLabel() throws {
        let file = try LabelledFile(Data("""
            {"text": "@NetVia al 3 dagen geen internet", "label": "complaint"}
            {"text": "@NetVia storing", "label": "complaint"}
            {"text": "@NetVia storing en echt slecht", "label": "negative"}
            {"text": "koffie", "label": "none"}
            {"text": "@NetVia waardeloos", "label": "mad"}
            """.utf8), mapping: try LabelMapping(parsing: "mad=complaint|negative"))
        let evaluation = ClassifierEvaluation(KindClassifier(), entries: file.entries)
        let complaint = evaluation.rows[TriageLabel.kind(.complaint).index]
        // Labelled complaint: 2 own + the "mad" one (learned as complaint, right as negative).
        #expect(complaint.labelled == 3 && complaint.right == 3)
        #expect(complaint.suggested == 2 && complaint.precision == 1)
        let negative = evaluation.rows[TriageLabel.kind(.negative).index]
        #expect(negative.labelled == 1 && negative.right == 1 && negative.suggested == 2 && negative.precision == 1)
        #expect(evaluation.confusion[TriageLabel.noReply.index][TriageLabel.noReply.index] == 1)
        #expect(evaluation.correct == 5 && evaluation.total == 5 && evaluation.mistakes.isEmpty)
        #expect(evaluation.withKind == 5)
    }

    /// The team's own sample: the floor keeps a change to the lists from quietly making
    /// triage worse (the lists were tuned on it, so this is no measure of quality).
    @Test func theSampleStaysAboveItsFloor() throws {
        var columns = LabelledFile.Columns()
        columns.label = "expectedKind"
        let evaluation = ClassifierEvaluation(KindClassifier(), entries: try Self.entries("sample-data/mentions.jsonl", columns: columns))
        #expect(evaluation.total >= 70)
        #expect(Double(evaluation.correct) / Double(evaluation.total) >= 0.85, "\(evaluation.mistakes.map(\.text))")
        #expect((evaluation.rows[TriageLabel.kind(.allegation).index].recall ?? 0) >= 0.9)
    }

    /// The held-out third of the labelled set (BENCHMARKS.md): nobody tunes on it, and
    /// this floor only guards against a change that makes it worse.
    @Test func theHeldOutPartStaysAboveItsFloor() throws {
        var columns = LabelledFile.Columns()
        columns.only = ("split", "test")
        let entries = try Self.entries("sample-data/labelled.jsonl", columns: columns)
        let evaluation = ClassifierEvaluation(KindClassifier(), entries: entries)
        #expect(evaluation.total >= 100)
        #expect(Double(evaluation.correct) / Double(evaluation.total) >= 0.85)
        #expect(Double(evaluation.withKind) / Double(evaluation.total) >= 0.8)
        let unhappy = entries.filter { [.kind(.complaint), .kind(.negative), .kind(.allegation)].contains($0.labels[0]) }
        let caught = unhappy.filter {
            [.complaint, .negative, .allegation].contains(KindClassifier().suggest(for: $0.text, languageTag: $0.languageTag).kind)
        }
        #expect(Double(caught.count) / Double(unhappy.count) >= 0.9)
    }
}
