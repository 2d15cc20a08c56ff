import Foundation
import InboxModel

/// Prints the classifier's precision and recall per kind on a labelled mention
/// file (default: sample-data/mentions.jsonl) as the Markdown section
/// BENCHMARKS.md holds. Run by Benchmarks/run-classifier.sh.
struct Labelled: Decodable {
    var text: String
    var expectedKind: String
}

let path = CommandLine.arguments.dropFirst().first ?? "sample-data/mentions.jsonl"
guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("classifier-report: cannot read \(path)\n".utf8))
    exit(2)
}
var samples: [(text: String, expected: MentionKind?)] = []
for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
    do {
        let record = try JSONDecoder().decode(Labelled.self, from: Data(line.utf8))
        guard record.expectedKind == "other" || MentionKind(rawValue: record.expectedKind) != nil else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown kind \(record.expectedKind)"))
        }
        samples.append((record.text, MentionKind(rawValue: record.expectedKind)))
    } catch {
        FileHandle.standardError.write(Data("classifier-report: \(path):\(number + 1): expectedKind/text: \(error)\n".utf8))
        exit(2)
    }
}

let evaluation = ClassifierEvaluation(KindClassifier(), samples: samples)
func percent(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0 * 100) } ?? "n/a" }
print("Labelled mentions: \(evaluation.total) from `\(path)`; suggested kind right for \(evaluation.correct) (\(percent(Double(evaluation.correct) / Double(max(1, evaluation.total))))).")
print("")
print("| kind | labelled | suggested | right | precision | recall |")
print("|---|---:|---:|---:|---:|---:|")
for row in evaluation.rows {
    print("| \(row.label) | \(row.truePositives + row.falseNegatives) | \(row.truePositives + row.falsePositives) | \(row.truePositives) | \(percent(row.precision)) | \(percent(row.recall)) |")
}
print("")
print("Mistakes (expected → suggested):")
print("")
for mistake in evaluation.mistakes {
    let text = VisibleText.line(mistake.text)
    print("- \(mistake.expected?.rawValue ?? "other") → \(mistake.suggested?.rawValue ?? "other"): \(text)")
}
