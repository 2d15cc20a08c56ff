import Foundation

/// CSV exports of monitoring tools: a header row, then one mention per row. Columns are
/// named as the fields of the project's format (`platform`, `channel`, `id`,
/// `conversationID`, `inReplyToID`, `author.handle`, `author.name`, `author.followers`,
/// `author.verified`, `text`, `postedAt`, `language`, `link`; case does not matter), or
/// mapped from a tool's own names with `--map 'Tool column=field'`, or set for every row
/// with `--set field=value` (`CSVOptions`). `retweetedID` marks a row as a retweet.
public struct CSVFormat: Sendable {
    public static let fields = ["platform", "channel", "id", "conversationID", "inReplyToID", "author.handle",
                                "author.name", "author.followers", "author.verified", "text", "postedAt", "language",
                                "link", "retweetedID"]
    static let required = ["platform", "id", "author.handle", "text", "postedAt"]

    /// Field name for each column, nil for columns nobody maps (ignored).
    private let columns: [String?]
    private let constants: [String: String]
    private let timeZone: TimeZone?
    private let dateFormat: DateFormat?
    private let check: RecordCheck

    /// Reads the header row with `options` (mapping, constants, time zone).
    init(header: [String], options: CSVOptions, check: RecordCheck) throws(ImportProblem) {
        let byLowercase = Dictionary(Self.fields.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let mapped = Dictionary(options.mapping.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, b in b })
        columns = header.map { name in
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            return mapped[key] ?? byLowercase[key]
        }
        constants = options.constants
        timeZone = options.timeZone
        dateFormat = options.dateFormat
        self.check = check
        let missing = Self.required.filter { !columns.contains($0) && constants[$0] == nil }
        if !missing.isEmpty {
            throw ImportProblem("header", """
                no column for \(missing.joined(separator: ", ")) (map one with --map 'Column=field', set one for \
                every row with --set field=value, or use a --preset)
                """)
        }
    }

    /// Checks `--map` values: every target must be a field of the format.
    public static func problem(inMapping mapping: [String: String]) -> String? {
        let unknown = mapping.values.filter { !fields.contains($0) }
        guard let first = unknown.first else { return nil }
        return "--map: \(ImportProblem.quoted(first)) is not a field (\(fields.joined(separator: ", ")))"
    }

    func record(_ row: [String]) -> ImportedRecord {
        var values = constants
        for (index, field) in columns.enumerated() {
            guard let field, index < row.count else { continue }
            let value = row[index]
            if !value.isEmpty { values[field] = value }
        }
        do {
            func required(_ field: String) throws -> String {
                guard let value = values[field] else { throw ImportProblem(field, "empty") }
                return value
            }
            let platformName = try required("platform")
            guard let platform = Platform(rawValue: platformName.lowercased()) else {
                throw ImportProblem("platform", "unknown \(ImportProblem.quoted(platformName)) (\(Platform.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let channel = try values["channel"].map { name in
                guard let channel = MentionChannel(rawValue: name.lowercased()) else {
                    throw ImportProblem("channel", "unknown \(ImportProblem.quoted(name)) (\(MentionChannel.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return channel
            } ?? .publicMention
            // Follower counts are optional: one written in a form nobody reads is unknown (0),
            // not a reason to lose the mention.
            let followers = values["author.followers"].flatMap(Self.count) ?? 0
            // Optional too: an unreadable mark is "not verified", not a lost mention.
            let verified = values["author.verified"].map(Self.isTrue) ?? false
            let time = try required("postedAt")
            let postedAt: Date
            switch Timestamp.parseExport(time, zone: timeZone, format: dateFormat) {
            case .time(let date): postedAt = date
            case .noZone:
                throw ImportProblem("postedAt", """
                    \(ImportProblem.quoted(time)) has no time zone: say which with --timezone (such as Europe/Amsterdam, or UTC)
                    """)
            case .notATime:
                throw ImportProblem("postedAt", """
                    not a time: \(ImportProblem.quoted(time)) (ISO 8601, 2015-02-24 11:35:52 -0800, 24-02-2015 11:35, \
                    Twitter's Wed Oct 10 20:19:24 +0000 2018, or Unix seconds or milliseconds)
                    """)
            }
            for field in ["id", "conversationID", "inReplyToID"] {
                if let id = values[field], Self.isScientific(id) {
                    throw ImportProblem(field, """
                        \(ImportProblem.quoted(id)) is in scientific notation: the spreadsheet rounded the id, its \
                        digits are lost; export the column as text
                        """)
                }
            }
            if values["retweetedID"] != nil { return .skipped(.retweet) }
            let written = try required("author.handle")
            let handle = written.hasPrefix("@") ? String(written.dropFirst()) : written
            let mention = Mention(
                platform: platform, channel: channel, id: try required("id"), conversationID: values["conversationID"],
                inReplyToID: values["inReplyToID"],
                author: Author(handle: handle, name: values["author.name"] ?? handle,
                               followers: followers, verified: verified),
                text: try required("text"), postedAt: postedAt, language: values["language"], link: values["link"])
            return check.record(mention)
        } catch let problem as ImportProblem {
            return .rejected(problem)
        } catch {
            return .rejected(ImportProblem("record", "\(error)"))
        }
    }

    /// A follower count as spreadsheets write it: `1234`, `1,234`, `1.234` (a Dutch
    /// thousands separator), `1234.0`, `12K`, `1,2K`, `3.4M`; nil for anything else.
    static func count(_ text: String) -> Int? {
        var digits = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
        var scale = 1.0
        if let last = digits.last, "kKmM".contains(last) {
            scale = "kK".contains(last) ? 1_000 : 1_000_000
            digits.removeLast()
            // 1,2K and 1.2K: the separator is a decimal point here.
            guard let value = Double(digits.replacingOccurrences(of: ",", with: ".")), value >= 0,
                  value * scale < Double(Int32.max) else { return nil }
            return Int(value * scale)
        }
        let groups = digits.split(whereSeparator: { $0 == "," || $0 == "." }).map(String.init)
        guard !groups.isEmpty, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let whole: String
        if groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }) {
            whole = groups.joined()  // thousands separators
        } else if groups.count == 2, groups[1].allSatisfy({ $0 == "0" }) {
            whole = groups[0]  // 1234.0
        } else if groups.count == 1 {
            whole = groups[0]
        } else {
            return nil
        }
        guard whole.count <= 10, let value = Int(whole), value <= Int(Int32.max) else { return nil }
        return value
    }

    /// Whether an id is written as a spreadsheet writes a long number: `5.70306E+17`.
    static func isScientific(_ id: String) -> Bool {
        guard let e = id.firstIndex(where: { $0 == "E" || $0 == "e" }), e != id.startIndex else { return false }
        let mantissa = id[..<e], exponent = id[id.index(after: e)...]
        return mantissa.allSatisfy { $0.isNumber || $0 == "." || $0 == "," } && mantissa.contains(where: \.isNumber)
            && !exponent.isEmpty && exponent.drop(while: { $0 == "+" || $0 == "-" }).allSatisfy(\.isNumber)
    }

    /// A spreadsheet's yes: true/yes/1, Dutch ja/waar (Excel's TRUE in a Dutch locale), y/j.
    static func isTrue(_ text: String) -> Bool {
        ["true", "yes", "1", "ja", "waar", "y", "j"].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
