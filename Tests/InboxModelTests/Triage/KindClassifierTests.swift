import Foundation
import Testing
@testable import InboxModel

@Suite struct KindClassifierTests {
    let classifier = KindClassifier()

    @Test(arguments: [
        ("@NetVia jullie zijn oplichters, stelletje leugenaars", MentionKind.allegation, ["oplichters", "leugenaars"]),
        ("@NetVia al 3 dagen geen internet", .complaint, ["al 3 dagen", "geen internet"]),
        ("@NetVia hoe kan ik mijn modem resetten?", .question, ["hoe", "kan ik", "?"]),
        ("Top service van @NetVia, bedankt!", .positive, ["top", "bedankt"]),
        ("@NetVia worst provider ever, never again", .negative, ["worst", "never again"]),
        ("@NetVia this is a scam and you are lying to us", .allegation, ["scam", "lying"]),
    ])
    func suggestsTheKindWithTheWordsThatDecidedIt(_ text: String, _ kind: MentionKind, _ words: [String]) {
        let suggestion = classifier.suggest(for: text)
        #expect(suggestion.kind == kind)
        #expect(suggestion.evidence == words)
        #expect(!suggestion.looksLikeSpam)
    }

    @Test func aComplaintPhrasedAsAQuestionStaysAComplaint() {
        // "storing" (complaint, 2) against "wanneer" (question, 2): a tie goes to the more urgent kind.
        let suggestion = classifier.suggest(for: "@NetVia storing. Wanneer is het opgelost")
        #expect(suggestion.kind == .complaint)
        #expect(suggestion.evidence == ["storing"])
    }

    @Test func spamAndNoiseGetNoKind() {
        let spam = classifier.suggest(for: "@NetVia buy followers cheap, dm for promo")
        #expect(spam == .init(kind: nil, looksLikeSpam: true, evidence: ["buy followers", "dm for promo"]))
        let noise = classifier.suggest(for: "Lekker weekend gehad, koffie!")
        #expect(noise == .init(kind: nil, looksLikeSpam: false, evidence: []))
    }

    @Test func wordEndingsAndNumbersMatchAsTheListsSay() {
        #expect(classifier.suggest(for: "Oplichting is het").evidence == ["oplichting"])
        #expect(classifier.suggest(for: "al 12 weken wachten").evidence == ["al 12 weken"])
        // "waar" as a whole word only: "waarom" is not "waar".
        #expect(classifier.suggest(for: "waarom").kind == nil)
    }

    /// The labelled sample data, as BENCHMARKS.md reports it; this floor keeps
    /// a change to the word lists from quietly making triage worse.
    @Test func labelledSampleDataStaysAboveTheFloor() throws {
        let url = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../../sample-data/mentions.jsonl")
        struct Labelled: Decodable { var text: String; var expectedKind: String }
        let samples = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let record = try JSONDecoder().decode(Labelled.self, from: Data(line.utf8))
            return (text: record.text, expected: MentionKind(rawValue: record.expectedKind))
        }
        let evaluation = ClassifierEvaluation(classifier, samples: samples)
        #expect(evaluation.total >= 60)
        #expect(Double(evaluation.correct) / Double(evaluation.total) >= 0.9)
        for row in evaluation.rows where row.label == "allegation" {
            #expect((row.recall ?? 0) >= 0.9, "allegations missed: \(row)")
        }
    }

    @Test func evaluationCountsPrecisionAndRecallPerKind() {
        let evaluation = ClassifierEvaluation(classifier, samples: [
            ("al 3 dagen geen internet", .complaint), ("storing", .complaint), ("storing en slecht", .negative),
            ("koffie", nil),
        ])
        let complaint = evaluation.rows.first { $0.label == "complaint" }!
        #expect(complaint.truePositives == 2 && complaint.falsePositives == 1 && complaint.falseNegatives == 0)
        #expect(complaint.precision == 2.0 / 3.0 && complaint.recall == 1)
        let negative = evaluation.rows.first { $0.label == "negative" }!
        #expect(negative.recall == 0 && negative.precision == nil)
    }
}
