import Foundation

/// Turns an input stream into records, each with the line it starts on: CSV with a
/// header (told by its first line), JSON with one value per line (each line recognised
/// on its own: ours, v2 stream or page lines, v1.1 lines, webhook deliveries, stream
/// notices), or one pretty-printed JSON document (a v2 response, a v1.1 list or search
/// response, one delivery), recognised by its shape.
///
/// A line that cannot be read is one rejected record: it never takes its neighbours with
/// it, and a pipe's records flow from its first good line.
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

    /// The largest JSON document read whole (a pretty-printed file is one record list).
    public static let maxDocumentBytes = 64 << 20

    private var lines: LineReader
    private let fileName: String
    private let check: RecordCheck
    private let csvOptions: CSVOptions
    /// The format named with `--format`; nil: each line (or the document) says its own.
    private let named: MentionFormat?
    /// The last JSON format seen: the next line is most likely the same.
    private var recent: MentionFormat?
    private var csv: CSVFormat?
    /// The CSV delimiter, sniffed from the header: `,`, `;` (Excel in a Dutch locale) or tab.
    private var delimiter: UInt8 = 0x2C
    /// Lines to read again before the input's next: those an unbalanced quote took.
    private var reread: [(line: ArraySlice<UInt8>, number: Int)] = []
    private var pending: [Item] = []
    private var started = false

    /// What the input is read as: CSV, the named format, or the format of the last JSON
    /// record recognised.
    public var format: MentionFormat? { csv != nil ? .csv : named ?? recent }

    public init(lines: LineReader, fileName: String, format: MentionFormat?, check: RecordCheck,
                csv options: CSVOptions = CSVOptions()) {
        self.lines = lines
        self.fileName = fileName
        named = format
        self.check = check
        csvOptions = options
    }

    /// A CSV row may run over this many lines inside quotes; a quote still open after
    /// them is unbalanced, and the lines after its first are read again as rows.
    static let maxRowLines = 100

    /// The next line and its number: one to read again first, else the input's next.
    private mutating func nextLine(beforeWait: () -> Void) -> (line: LineReader.Line, number: Int)? {
        if !reread.isEmpty {
            let (line, number) = reread.removeFirst()
            return (.text(line), number)
        }
        guard let line = lines.next(beforeWait: beforeWait) else { return nil }
        return (line, lines.lineNumber)
    }

    /// The next record, nil at the end. `beforeWait` runs when reading would block on
    /// the input (a pipe), so a caller can commit what it has first.
    public mutating func next(beforeWait: () -> Void = {}) throws(Failure) -> Item? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            guard let (line, number) = nextLine(beforeWait: beforeWait) else { return nil }
            guard case .text(var text) = line else {
                if case .tooLong(let bytes) = line { return Self.tooLong(bytes, line: number) }
                continue
            }
            if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            if !started {
                started = true
                if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }  // a byte order mark
                try start(with: text, number: number, beforeWait: beforeWait)
                continue
            }
            pending = records(in: text, number: number, beforeWait: beforeWait)
        }
    }

    private static func tooLong(_ bytes: Int, line: Int) -> Item {
        Item(line: line, record: DecodedRecord(.rejected(ImportProblem("record", """
            \(bytes) bytes on one line, over the \(LineReader.defaultMaxLineBytes >> 20) MiB a record may take
            """))))
    }

    /// Settles what the input is from its first line: CSV when named so or the first line
    /// is a CSV header, JSON lines when it is a whole JSON value, else one JSON document.
    /// An unnamed input whose first line is neither loses only that line.
    private mutating func start(with line: ArraySlice<UInt8>, number: Int, beforeWait: () -> Void) throws(Failure) {
        // A Twitter archive's tweets.js: JavaScript around one JSON list.
        var first = line
        if named == nil || named == .twitterArchive, let json = TwitterArchiveFormat.jsonStart(of: line) {
            recent = .twitterArchive
            first = line[json...]
        }
        let namedCSV = named == .csv || (named == nil && fileName.lowercased().hasSuffix(".csv"))
        if recent == nil, namedCSV || (named == nil && MentionFormat.isCSV(firstLine: line, fileName: fileName)) {
            delimiter = Self.sniffDelimiter(line)
            var header = CSVRow(delimiter: delimiter)
            var current = line, at = number
            while !header.add(line: current) {
                guard case .text(let more)? = lines.next(beforeWait: beforeWait) else {
                    throw Failure(line: at, problem: ImportProblem("header", "a quoted column name never ends"))
                }
                current = more
                at = lines.lineNumber
            }
            do throws(ImportProblem) {
                csv = try CSVFormat(header: header.take(), options: csvOptions, check: check)
            } catch {
                guard !namedCSV else { throw Failure(line: number, problem: error) }
                // Not JSON, and no header webcare can read: one unreadable line, and the
                // next one says again what the input is.
                started = false
                pending = [Item(line: number, record: DecodedRecord(.rejected(ImportProblem("record", """
                    not JSON, and not a CSV header webcare reads (\(error))
                    """))))]
            }
            return
        }
        if (try? JSONSerialization.jsonObject(with: Data(first), options: [.fragmentsAllowed])) != nil {
            pending = records(in: first, number: number, beforeWait: beforeWait)
            return
        }
        // Not a whole value on its own line: one pretty-printed document, read entire.
        var document = Data(first)
        var rest: [(line: ArraySlice<UInt8>, number: Int)] = []
        while let more = lines.next(beforeWait: beforeWait) {
            guard case .text(let text) = more, document.count + text.count < Self.maxDocumentBytes else {
                throw Failure(line: number, problem: ImportProblem("record", """
                    a JSON document over \(Self.maxDocumentBytes >> 20) MiB; write it as one record per line \
                    (jq -c '.data[]' or '.[]')
                    """))
            }
            document.append(0x0A)
            document.append(contentsOf: text)
            rest.append((text, lines.lineNumber))
        }
        guard (try? JSONSerialization.jsonObject(with: document)) != nil else {
            // Not a document either: a broken first line of JSON lines. It alone is lost;
            // the lines after it are read one by one.
            pending = [Item(line: number, record: DecodedRecord(.rejected(ImportProblem("record", "not valid JSON"))))]
            reread = rest
            return
        }
        pending = Self.counted(decodeJSON(document)).map { Item(line: number, record: $0) }
    }

    private mutating func records(in line: ArraySlice<UInt8>, number: Int, beforeWait: () -> Void) -> [Item] {
        guard let csv else {
            // A line that holds no record (a delivery of nothing, an empty result page) is
            // still counted: read = imported + duplicates + skipped + rejected.
            let records = Self.counted(decodeJSON(Data(line)))
            // Decoding validates the UTF-8 it reads; only a rejected line is checked
            // again, to say where the bytes go wrong rather than that the JSON does.
            if records.contains(where: { if case .rejected = $0.result { true } else { false } }),
               let invalid = Self.invalidUTF8(line, number: number) {
                return [invalid]
            }
            return records.map { Item(line: number, record: $0) }
        }
        if let invalid = Self.invalidUTF8(line, number: number) { return [invalid] }
        var row = CSVRow(delimiter: delimiter)
        var current = line
        var taken: [(line: ArraySlice<UInt8>, number: Int)] = []
        while !row.add(line: current) {
            guard taken.count < Self.maxRowLines, let (next, at) = nextLine(beforeWait: beforeWait),
                  case .text(let more) = next else {
                // Unbalanced: the row is rejected where its quote opens, and what followed
                // it is read again as rows of its own.
                reread = taken + reread
                return [Item(line: number, record: DecodedRecord(.rejected(ImportProblem("record", """
                    a quote opens a field that never closes (within \(Self.maxRowLines) lines); the lines after it \
                    are read as rows again
                    """))))]
            }
            taken.append((more, at))
            current = more
        }
        return [Item(line: number, record: DecodedRecord(csv.record(row.take())))]
    }

    /// The delimiter of a header: whichever of `,` `;` and tab it has most of outside
    /// quotes (a comma when it has none).
    static func sniffDelimiter(_ header: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in header {
            if byte == 0x22 { quoted.toggle() } else if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        return [0x2C, 0x3B, 0x09].max { counts[$0]! < counts[$1]! } ?? 0x2C
    }

    /// `records`, or one skipped record when a line or document held none.
    private static func counted(_ records: [DecodedRecord]) -> [DecodedRecord] {
        records.isEmpty ? [DecodedRecord(.skipped(.notMention))] : records
    }

    /// A rejection saying where `line` stops being UTF-8, or nil when it is UTF-8.
    private static func invalidUTF8(_ line: ArraySlice<UInt8>, number: Int) -> Item? {
        guard let invalid = line.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset(in: $0) }) else { return nil }
        return Item(line: number, record: DecodedRecord(.rejected(ImportProblem("record", "not valid UTF-8 at byte \(invalid + 1)"))))
    }

    /// The records of one JSON line or document: in the named format, or in the format of
    /// the line before when it reads as that, else in the format its keys say, or a
    /// platform notice skipped, or one rejection.
    private mutating func decodeJSON(_ json: Data) -> [DecodedRecord] {
        if named == nil || named == .twitterV1 || named == .twitterV2, let id = PlatformNotice.deletedTweet(in: json) {
            return [DecodedRecord(.deleted(.twitter, id: id))]
        }
        if let named { return decode(json, as: named) }
        // Read as the line before was: what the decoder of that format says of a line
        // that is not one is also the most precise word on a broken one.
        var asRecent: [DecodedRecord]?
        if let recent {
            let records = decode(json, as: recent)
            if !Self.notRead(records) { return records }
            asRecent = records.isEmpty ? nil : records
        }
        guard let keys = MentionFormat.firstObjectKeys(json) else {
            return asRecent ?? [DecodedRecord(.rejected(ImportProblem("record", "not valid JSON")))]
        }
        if let notice = PlatformNotice(keys: keys) { return [DecodedRecord(.skipped(notice.reason))] }
        guard let format = MentionFormat.format(forKeys: keys) else {
            return asRecent ?? [DecodedRecord(.rejected(ImportProblem("record", """
                not a record webcare reads (its keys: \(ImportProblem.quoted(keys.sorted().prefix(8).joined(separator: ", "))));\
                 name the format with --format (\(MentionFormat.allCases.map(\.rawValue).joined(separator: ", ")))
                """)))]
        }
        if format == recent, let asRecent { return asRecent }
        recent = format
        return decode(json, as: format)
    }

    /// Whether a format found nothing of its own in a line: no record at all (a v2 page
    /// without `data` decodes to none), or one rejection of the whole line.
    private static func notRead(_ records: [DecodedRecord]) -> Bool {
        if records.isEmpty { return true }
        guard records.count == 1, records[0].path == nil, case .rejected = records[0].result else { return false }
        return true
    }

    private func decode(_ json: Data, as format: MentionFormat) -> [DecodedRecord] {
        switch format {
        case .webcare: WebcareFormat(check: check).records(in: json)
        case .twitterV2: TwitterV2Format(check: check).records(in: json)
        case .twitterV1: TwitterV1Format(check: check).records(in: json)
        case .facebook: FacebookWebhookFormat(check: check).records(in: json)
        case .linkedin: LinkedInFormat(check: check).records(in: json)
        case .twitterArchive: TwitterArchiveFormat().records(in: json)
        case .csv: [DecodedRecord(.rejected(ImportProblem("record", "JSON in a file read as CSV")))]
        }
    }
}
