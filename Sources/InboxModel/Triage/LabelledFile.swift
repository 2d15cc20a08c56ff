import Foundation

/// A team's labelled history, as `webcare classifier train` and `report` read it:
/// JSON Lines (one object a line) or CSV with a header, a text column, a label column
/// and optionally a language column (`en`, `nl`; empty: the text decides).
public struct LabelledFile: Sendable {
    /// One labelled mention: the line it came from, its text, language and labels.
    public struct Entry: Sendable, Equatable {
        public var line: Int
        public var text: String
        public var languageTag: String?
        /// Ours, from the mapping: the first is learned, any is right.
        public var labels: [TriageLabel]

        public init(line: Int, text: String, languageTag: String?, labels: [TriageLabel]) {
            self.line = line
            self.text = text
            self.languageTag = languageTag
            self.labels = labels
        }
    }

    /// Where the fields are and which rows count.
    public struct Columns: Sendable {
        public var text = "text"
        public var label = "label"
        public var language = "language"
        /// Only rows whose column has this value (`split=train`).
        public var only: (column: String, value: String)?

        public init() {}
    }

    /// A bad line: `file:line: field: what is wrong`.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var problem: ImportProblem
        public var description: String { "\(line): \(problem)" }
    }

    public let entries: [Entry]

    public init(_ data: Data, columns: Columns = Columns(), mapping: LabelMapping = LabelMapping()) throws(Problem) {
        // A spreadsheet's export may start with a byte order mark; it is no part of a name.
        let bytes = Array(data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...])
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        let first = lines.firstIndex { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        guard let first else {
            entries = []
            return
        }
        var fieldsByLine: [(line: Int, fields: [String: String])] = []
        if lines[first].first == 0x7B {
            for (index, line) in lines.enumerated() where !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                fieldsByLine.append((index + 1, try Self.jsonFields(line, number: index + 1)))
            }
        } else {
            fieldsByLine = try Self.csvFields(lines, header: first)
        }
        var entries: [Entry] = []
        for (line, fields) in fieldsByLine {
            if let only = columns.only, fields[only.column] != only.value { continue }
            guard let text = fields[columns.text] else {
                throw Problem(line: line, problem: ImportProblem(columns.text, "missing"))
            }
            guard let label = fields[columns.label] else {
                throw Problem(line: line, problem: ImportProblem(columns.label, "missing"))
            }
            guard let labels = mapping.labels(for: label) else {
                throw Problem(line: line, problem: ImportProblem(columns.label, """
                    \(ImportProblem.quoted(label)) is not a kind (\(LabelMapping.names)); map it with --map \
                    \(ImportProblem.quoted(label).dropFirst().dropLast())=KIND
                    """))
            }
            let language = fields[columns.language].flatMap { $0.isEmpty ? nil : $0 }
            entries.append(Entry(line: line, text: text, languageTag: language, labels: labels))
        }
        self.entries = entries
    }

    private static func jsonFields(_ line: ArraySlice<UInt8>, number: Int) throws(Problem) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
            throw Problem(line: number, problem: ImportProblem("record", "not a JSON object"))
        }
        var fields: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case let text as String: fields[key] = text
            case let number as NSNumber: fields[key] = number.stringValue
            default: continue
            }
        }
        return fields
    }

    private static func csvFields(_ lines: [ArraySlice<UInt8>], header: Int) throws(Problem) -> [(line: Int, fields: [String: String])] {
        var row = CSVRow(delimiter: RecordReader.sniffDelimiter(lines[header]))
        _ = row.add(line: lines[header])
        let names = row.take().map { $0.trimmingSpaces }
        var result: [(line: Int, fields: [String: String])] = []
        var start = header + 1
        for index in (header + 1)..<lines.count {
            if !row.isOpen {
                start = index + 1
                if lines[index].isEmpty { continue }
            }
            guard row.add(line: lines[index]) else { continue }
            let values = row.take()
            guard values.count == names.count else {
                throw Problem(line: start, problem: ImportProblem("record", "\(values.count) fields, the header has \(names.count)"))
            }
            result.append((start, Dictionary(zip(names, values), uniquingKeysWith: { first, _ in first })))
        }
        if row.isOpen { throw Problem(line: start, problem: ImportProblem("record", "a quoted field does not end")) }
        return result
    }
}
