import Foundation
import InboxModel
import InboxStore

/// What learning from one confirmation costs an agent's step, on a real database:
/// imports MENTIONS, teaches the model the labelled set's training part TIMES times over
/// (a team with thousands of confirmations), then appends a classify event (which
/// learns) to 500 cases and a note (which does not) to 500 others, timing each append.
/// The difference of the medians is what learning adds. Prints Markdown lines.
///
/// Usage: TriageBenchmark DB LABELLED.jsonl MENTIONS.jsonl [TIMES] (DB: a path or a
/// PostgreSQL URI; the database must be new).
let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: TriageBenchmark DB LABELLED MENTIONS [TIMES]\n".utf8))
    exit(2)
}
let location = arguments[1], labelledPath = arguments[2], mentionsPath = arguments[3]
let times = arguments.count > 4 ? Int(arguments[4]) ?? 50 : 50
let steps = 500

do {
    let inbox: any InboxDatabase = PostgresLocation.isURI(location)
        ? try PostgresInbox(try PostgresLocation(uri: location)) : try Inbox(path: location, agent: "bench")
    let descriptor = open(mentionsPath, O_RDONLY)
    let reader = RecordReader(lines: LineReader(descriptor: descriptor), fileName: mentionsPath, format: nil,
                              check: RecordCheck(), csv: CSVOptions(mapping: [:]))
    _ = try MentionImport().run(reader, label: mentionsPath, into: inbox, report: { _ in })
    close(descriptor)
    var columns = LabelledFile.Columns()
    columns.only = ("split", "train")
    let training = try LabelledFile(Data(contentsOf: URL(fileURLWithPath: labelledPath)), columns: columns).entries
    for _ in 0..<times { try inbox.train(training) }
    let cases = try inbox.queue(limit: 2 * steps, now: Date())
    guard cases.count == 2 * steps else { throw StoreError.corrupt(column: "queue", value: "only \(cases.count) cases") }
    let clock = ContinuousClock()
    func median(_ durations: [Duration]) -> Double {
        let sorted = durations.sorted()
        let middle = sorted[sorted.count / 2].components
        return Double(middle.seconds) * 1e6 + Double(middle.attoseconds) / 1e12
    }
    var learning: [Duration] = [], plain: [Duration] = []
    // Interleaved, so both see the same cache and the same database size.
    for index in 0..<steps {
        let classify = cases[2 * index], note = cases[2 * index + 1]
        learning.append(try clock.measure {
            try inbox.append(.classify(.complaint), to: classify.number, seenSeq: classify.lastSeq, at: Date(), takingOver: false)
        })
        plain.append(try clock.measure {
            try inbox.append(.note("benchmark"), to: note.number, seenSeq: note.lastSeq, at: Date(), takingOver: false)
        })
    }
    let model = try inbox.learnedModel()
    let confirmations = MentionLanguage.allCases.reduce(0) { $0 + model.confirmations(in: $1) }
    print("- \(PostgresLocation.isURI(location) ? "PostgreSQL" : "SQLite"), \(confirmations) confirmations learned, "
        + "\(model.rows.count) counts: a classify append (learns) \(String(format: "%.0f", median(learning))) µs median, "
        + "a note append (does not) \(String(format: "%.0f", median(plain))) µs; learning adds "
        + "\(String(format: "%.0f", median(learning) - median(plain))) µs.")
} catch {
    FileHandle.standardError.write(Data("TriageBenchmark: \(error)\n".utf8))
    exit(1)
}
