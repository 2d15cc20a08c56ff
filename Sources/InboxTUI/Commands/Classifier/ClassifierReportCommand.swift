import ArgumentParser
import Foundation
import InboxModel

/// `webcare classifier report FILE`: how the suggestions do on a labelled file.
struct ClassifierReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print precision and recall per kind and the confusion table for a labelled file.",
        discussion: """
            Suggests a kind for each row with the word lists and the team's model as the \
            database holds it, and compares it with the row's label ("none": needs no reply; \
            spam and chatter count as none).
            """
    )

    @OptionGroup var labelled: LabelledFileOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "Print the figures as one JSON document.")
    var json = false

    @Flag(help: "Also list the mentions it got wrong (line, label, suggestion, text).")
    var mistakes = false

    func run() throws {
        let entries = try labelled.read()
        let inbox = try store.openDatabase()
        let classifier: KindClassifier
        do {
            classifier = try inbox.currentClassifier()
        } catch {
            StandardStreams.error("webcare: \(error)")
            throw ExitCode(1)
        }
        let evaluation = ClassifierEvaluation(classifier, entries: entries)
        print(json ? try Self.json(evaluation) : Self.text(evaluation), terminator: "")
        if mistakes && !json {
            print("\nmistakes (line: labelled -> suggested: text)")
            for mistake in evaluation.mistakes {
                print("\(mistake.line): \(mistake.expected.name) -> \(mistake.suggested.name): \(VisibleText.line(mistake.text))")
            }
        }
    }

    static func percent(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0 * 100) } ?? "-" }
    static func share(_ part: Int, _ whole: Int) -> String { percent(whole == 0 ? nil : Double(part) / Double(whole)) }

    static func text(_ evaluation: ClassifierEvaluation) -> String {
        var out = "\(evaluation.total) labelled mentions: \(evaluation.correct) right (\(share(evaluation.correct, evaluation.total))), "
            + "a kind suggested for \(evaluation.withKind) (\(share(evaluation.withKind, evaluation.total))), "
            + "sure of \(evaluation.sure) (\(share(evaluation.sure, evaluation.total)))\n\n"
        out += "label        labelled  suggested  right  precision  recall\n"
        for row in evaluation.rows {
            out += row.label.name.padding(toLength: 12, withPad: " ", startingAt: 0)
                + [pad(String(row.labelled), 8), pad(String(row.suggested), 11), pad(String(row.right), 7),
                   pad(percent(row.precision), 11), pad(percent(row.recall), 8)].joined() + "\n"
        }
        let names = TriageLabel.allCases.map(\.name)
        out += "\nconfusion (rows: labelled, columns: suggested)\n"
        out += "".padding(toLength: 12, withPad: " ", startingAt: 0) + names.map { pad($0, 11) }.joined() + "\n"
        for label in TriageLabel.allCases {
            out += label.name.padding(toLength: 12, withPad: " ", startingAt: 0)
                + evaluation.confusion[label.index].map { pad(String($0), 11) }.joined() + "\n"
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// One line, keys sorted: total, correct, withKind, sure, and per label its counts.
    static func json(_ evaluation: ClassifierEvaluation) throws -> String {
        struct Row: Encodable { var label: String; var labelled, suggested, right: Int; var precision, recall: Double? }
        struct Report: Encodable {
            var total, correct, withKind, sure: Int
            var labels: [Row]
            var confusion: [String: [String: Int]]
        }
        var confusion: [String: [String: Int]] = [:]
        for expected in TriageLabel.allCases {
            confusion[expected.name] = Dictionary(uniqueKeysWithValues: TriageLabel.allCases.map {
                ($0.name, evaluation.confusion[expected.index][$0.index])
            })
        }
        let report = Report(total: evaluation.total, correct: evaluation.correct, withKind: evaluation.withKind,
                            sure: evaluation.sure,
                            labels: evaluation.rows.map {
                                Row(label: $0.label.name, labelled: $0.labelled, suggested: $0.suggested, right: $0.right,
                                    precision: $0.precision, recall: $0.recall)
                            },
                            confusion: confusion)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
