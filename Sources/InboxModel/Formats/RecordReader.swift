import Foundation

/// Turns an input stream into records of one format, each with the line it starts on:
/// one JSON record per line (ours, v2 stream or page lines, v1.1 lines, webhook
/// deliveries), a whole pretty-printed JSON document (a v2 response, a v1.1 list, one
/// delivery), or CSV with a header. The format is named or detected from the first line.
public struct RecordReader: Sendable {
    /// A record and the line of the file it starts on.
    public struct Item: Equatable, Sendable {
        public var line: Int
        public var record: DecodedRecord
    }

    /// A fault that stops reading the file: `file:line: field: what`.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var problem: ImportProblem
        public var description: String { "\(line): \(problem)" }
    }

    private var lines: LineReader
    private let fileName: String
    private let check: RecordCheck
    private let csvMapping: [String: String]
    public private(set) var format: MentionFormat?
    private var csv: CSVFormat?
    private var pending: [Item] = []
    private var started = false

    public init(lines: LineReader, fileName: String, format: MentionFormat?, check: RecordCheck,
                csvMapping: [String: String] = [:]) {
        self.lines = lines
        self.fileName = fileName
        self.format = format
        self.check = check
        self.csvMapping = csvMapping
    }

    /// The next record, nil at the end. `beforeWait` runs when reading would block on
    /// the input (a pipe), so a caller can commit what it has first.
    public mutating func next(beforeWait: () -> Void = {}) throws(Failure) -> Item? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            guard let line = lines.next(beforeWait: beforeWait) else { return nil }
            let number = lines.lineNumber
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if !started {
                started = true
                try start(with: line, number: number, beforeWait: beforeWait)
                continue
            }
            pending = try records(in: line, number: number, beforeWait: beforeWait)
        }
    }

    private mutating func start(with line: ArraySlice<UInt8>, number: Int, beforeWait: () -> Void) throws(Failure) {
        if format == .csv || (format == nil && MentionFormat.isCSV(firstLine: line, fileName: fileName)) {
            format = .csv
            var header = CSVRow()
            var current = line, at = number
            while !header.add(line: current) {
                guard let more = lines.next(beforeWait: beforeWait) else {
                    throw Failure(line: at, problem: ImportProblem("header", "a quoted column name never ends"))
                }
                current = more
                at = lines.lineNumber
            }
            do throws(ImportProblem) {
                csv = try CSVFormat(header: header.take(), mapping: csvMapping, check: check)
            } catch {
                throw Failure(line: number, problem: error)
            }
            return
        }
        let json = Data(line)
        if (try? JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])) != nil {
            try settleFormat(json, line: number)
            pending = try records(in: line, number: number, beforeWait: beforeWait)
            return
        }
        // Not a whole value on its own line: one pretty-printed document, read entire.
        var document = json
        while let more = lines.next(beforeWait: beforeWait) {
            document.append(0x0A)
            document.append(contentsOf: more)
        }
        try settleFormat(document, line: number)
        pending = decode(document).map { Item(line: number, record: $0) }
    }

    private mutating func settleFormat(_ json: Data, line: Int) throws(Failure) {
        if format != nil { return }
        guard let detected = MentionFormat.detect(json: json) else {
            throw Failure(line: line, problem: ImportProblem("record", """
                not a format webcare reads; name it with --format (\(MentionFormat.allCases.map(\.rawValue).joined(separator: ", ")))
                """))
        }
        format = detected
    }

    private mutating func records(in line: ArraySlice<UInt8>, number: Int, beforeWait: () -> Void) throws(Failure)
        -> [Item]
    {
        guard let csv else {
            let records = decode(Data(line))
            // Decoding validates the UTF-8 it reads; only a rejected line is checked
            // again, to say where the bytes go wrong rather than that the JSON does.
            if records.contains(where: { if case .rejected = $0.result { true } else { false } }),
               let invalid = Self.invalidUTF8(line, number: number) {
                return [invalid]
            }
            return records.map { Item(line: number, record: $0) }
        }
        if let invalid = Self.invalidUTF8(line, number: number) { return [invalid] }
        var row = CSVRow()
        var current = line
        while !row.add(line: current) {
            guard let more = lines.next(beforeWait: beforeWait) else {
                return [Item(line: number, record: DecodedRecord(.rejected(ImportProblem("record", "a quoted field never ends"))))]
            }
            current = more
        }
        return [Item(line: number, record: DecodedRecord(csv.record(row.take())))]
    }

    /// A rejection saying where `line` stops being UTF-8, or nil when it is UTF-8.
    private static func invalidUTF8(_ line: ArraySlice<UInt8>, number: Int) -> Item? {
        guard let invalid = line.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset(in: $0) }) else { return nil }
        return Item(line: number, record: DecodedRecord(.rejected(ImportProblem("record", "not valid UTF-8 at byte \(invalid + 1)"))))
    }

    private func decode(_ json: Data) -> [DecodedRecord] {
        switch format {
        case .webcare: WebcareFormat(check: check).records(in: json)
        case .twitterV2: TwitterV2Format(check: check).records(in: json)
        case .twitterV1: TwitterV1Format(check: check).records(in: json)
        case .facebook: FacebookWebhookFormat(check: check).records(in: json)
        case .csv, nil: []
        }
    }
}
