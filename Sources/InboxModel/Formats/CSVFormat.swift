import Foundation

/// CSV exports of monitoring tools: a header row, then one mention per row. Columns are
/// named as the fields of the project's format (`platform`, `channel`, `id`,
/// `conversationID`, `inReplyToID`, `author.handle`, `author.name`, `author.followers`,
/// `author.verified`, `text`, `postedAt`, `language`, `link`; case does not matter), or
/// mapped from a tool's own names with `--map 'Tool column=field'`.
public struct CSVFormat: Sendable {
    public static let fields = ["platform", "channel", "id", "conversationID", "inReplyToID", "author.handle",
                                "author.name", "author.followers", "author.verified", "text", "postedAt", "language",
                                "link"]
    static let required = ["platform", "id", "author.handle", "text", "postedAt"]

    /// Field name for each column, nil for columns nobody maps (ignored).
    private let columns: [String?]
    private let check: RecordCheck

    /// Reads the header row; `mapping` is column name → field name.
    init(header: [String], mapping: [String: String], check: RecordCheck) throws(ImportProblem) {
        let byLowercase = Dictionary(Self.fields.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let mapped = Dictionary(mapping.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, b in b })
        columns = header.map { name in
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            return mapped[key] ?? byLowercase[key]
        }
        self.check = check
        let missing = Self.required.filter { !columns.contains($0) }
        if !missing.isEmpty {
            throw ImportProblem("header", "no column for \(missing.joined(separator: ", ")) (map one with --map 'Column=field')")
        }
    }

    /// Checks `--map` values: every target must be a field of the format.
    public static func problem(inMapping mapping: [String: String]) -> String? {
        let unknown = mapping.values.filter { !fields.contains($0) }
        guard let first = unknown.first else { return nil }
        return "--map: \(ImportProblem.quoted(first)) is not a field (\(fields.joined(separator: ", ")))"
    }

    func record(_ row: [String]) -> ImportedRecord {
        var values: [String: String] = [:]
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
            let platformName = try required("platform").lowercased()
            guard let platform = Platform(rawValue: platformName) else {
                throw ImportProblem("platform", "unknown \(ImportProblem.quoted(platformName)) (\(Platform.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let channel = try values["channel"].map { name in
                guard let channel = MentionChannel(rawValue: name.lowercased()) else {
                    throw ImportProblem("channel", "unknown \(ImportProblem.quoted(name)) (\(MentionChannel.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return channel
            } ?? .publicMention
            let followers = try values["author.followers"].map { text in
                guard let count = Int(text.replacingOccurrences(of: ",", with: "")) else {
                    throw ImportProblem("author.followers", "not a whole number: \(ImportProblem.quoted(text))")
                }
                return count
            } ?? 0
            let verified = try values["author.verified"].map { text in
                switch text.lowercased() {
                case "true", "yes", "1": return true
                case "false", "no", "0": return false
                default: throw ImportProblem("author.verified", "not true or false: \(ImportProblem.quoted(text))")
                }
            } ?? false
            let time = try required("postedAt")
            guard let postedAt = Timestamp.parse(time) else {
                throw ImportProblem("postedAt", "not a time: \(ImportProblem.quoted(time)) (ISO 8601 or Unix seconds)")
            }
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
}
