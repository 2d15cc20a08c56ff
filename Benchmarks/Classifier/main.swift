import Foundation
import InboxModel

/// Measures triage on the labelled set (sample-data/labelled.jsonl): the word lists
/// alone on the held-out test third, then the learning curve (the model taught the
/// first 0, 50, 100, 200 and all mentions of the training part, in an order shuffled
/// with a fixed, printed seed), per kind; prints the Markdown section BENCHMARKS.md
/// holds. Run by Benchmarks/run-classifier.sh. `--mistakes train` lists the training
/// part's mistakes (what the lists may be tuned on); the test part's are never shown.
let arguments = Array(CommandLine.arguments.dropFirst())
let path = arguments.first { !$0.hasPrefix("--") } ?? "sample-data/labelled.jsonl"
let showTrainingMistakes = arguments.contains("--mistakes")
let seed: UInt64 = 20261130

func read(_ split: String) -> [LabelledFile.Entry] {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("classifier-report: cannot read \(path)\n".utf8))
        exit(2)
    }
    var columns = LabelledFile.Columns()
    columns.only = ("split", split)
    do {
        return try LabelledFile(data, columns: columns).entries
    } catch {
        FileHandle.standardError.write(Data("classifier-report: \(path):\(error)\n".utf8))
        exit(2)
    }
}

/// A fixed-seed shuffle (SplitMix64), so every run teaches the same order.
func shuffled(_ entries: [LabelledFile.Entry]) -> [LabelledFile.Entry] {
    var state = seed
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    var result = entries
    for i in stride(from: result.count - 1, to: 0, by: -1) {
        result.swapAt(i, Int(next() % UInt64(i + 1)))
    }
    return result
}

func percent(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0 * 100) } ?? "n/a" }
func share(_ part: Int, _ whole: Int) -> String { percent(whole == 0 ? nil : Double(part) / Double(whole)) }

/// `--validate` measures on a third of the training part instead of the test part, so
/// the lists' and the blend's settings are chosen without looking at the test part.
let validating = arguments.contains("--validate")
let allTraining = read("train")
let training = validating ? allTraining.enumerated().filter { $0.offset % 3 != 0 }.map(\.element) : allTraining
let test = validating ? allTraining.enumerated().filter { $0.offset % 3 == 0 }.map(\.element) : read("test")
if showTrainingMistakes {
    for mistake in ClassifierEvaluation(KindClassifier(), entries: training).mistakes {
        print("\(mistake.line): \(mistake.expected.name) → \(mistake.suggested.name): \(VisibleText.line(mistake.text))")
    }
    exit(0)
}

let rules = ClassifierEvaluation(KindClassifier(), entries: test)
print("Labelled set: `\(path)`, \(training.count + test.count) Dutch and English mentions at a telecom provider, a train")
print("operator, an airline, two shops and two banks, labelled by reading each one; every third line of each")
print("language is the test part (\(test.count) mentions), never used to tune the lists or the model.")
print("")
print("### The word lists alone, on the test part")
print("")
print("Right: \(rules.correct) of \(rules.total) (\(share(rules.correct, rules.total))); a kind suggested for \(share(rules.withKind, rules.total)), sure for \(share(rules.sure, rules.total)).")
print("")
print("| label | labelled | suggested | right | precision | recall |")
print("|---|---:|---:|---:|---:|---:|")
for row in rules.rows {
    print("| \(row.label.name) | \(row.labelled) | \(row.suggested) | \(row.right) | \(percent(row.precision)) | \(percent(row.recall)) |")
}
print("")
print("Confusion (rows: labelled, columns: suggested):")
print("")
print("| | " + TriageLabel.allCases.map(\.name).joined(separator: " | ") + " |")
print("|---|" + String(repeating: "---:|", count: TriageLabel.allCases.count))
for label in TriageLabel.allCases {
    print("| \(label.name) | " + rules.confusion[label.index].map(String.init).joined(separator: " | ") + " |")
}

print("")
print("### Learning curve, on the test part")
print("")
print("The model learns the training part's mentions one by one as confirmations, in an order shuffled with seed \(seed).")
print("")
print("| confirmations | right | model without lists | " + TriageLabel.allCases.map { "\($0.name) recall" }.joined(separator: " | ") + " |")
print("|---:|---:|---:|" + String(repeating: "---:|", count: TriageLabel.allCases.count))
let order = shuffled(training)
var model = KindModel()
var taught = 0
var learningTime: Duration = .zero
let clock = ContinuousClock()
for step in [0, 50, 100, 200, order.count] where step <= order.count {
    while taught < step {
        let entry = order[taught]
        let language = MentionLanguage(tag: entry.languageTag) ?? .other
        learningTime += clock.measure { model.learn(entry.text, language: language, label: entry.labels[0]) }
        taught += 1
    }
    let evaluation = ClassifierEvaluation(KindClassifier(model: model), entries: test)
    let alone = ClassifierEvaluation(KindClassifier(cues: [], model: model), entries: test)
    let recalls = evaluation.rows.map { percent($0.recall) }.joined(separator: " | ")
    print("| \(step == order.count && step != 200 ? "all (\(step))" : String(step)) | \(share(evaluation.correct, evaluation.total)) | \(share(alone.correct, alone.total)) | \(recalls) |")
}
let perConfirmation = Double(learningTime.components.attoseconds) / 1e12 / Double(max(1, taught))
    + Double(learningTime.components.seconds) * 1e6 / Double(max(1, taught))
print("")
print(String(format: "Learning one confirmation in memory: %.1f µs on average over %d.", perConfirmation, taught))
