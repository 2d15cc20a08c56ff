import Foundation
import GRDB
import InboxModel
@testable import InboxStore

/// A fresh directory per test, removed when the value goes away, holding a real
/// SQLite database file.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "webcare-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var database: String { path + "/inbox.sqlite" }

    /// Writes `text` to a file in the directory and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// The repository's sample-data directory.
let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("sample-data").path

let t0 = Date(timeIntervalSince1970: 1_795_000_000)

func t(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

func mention(_ id: String, text: String = "@NetVia hoe kan ik mijn modem resetten?", handle: String = "sanne",
             followers: Int = 412, platform: Platform = .twitter, channel: MentionChannel = .publicMention,
             postedAt: Date = t0) -> Mention {
    Mention(platform: platform, channel: channel, id: id,
            author: Author(handle: handle, name: "Sanne Dekker", followers: followers), text: text, postedAt: postedAt)
}

extension Inbox {
    /// Adds mentions as an import would, arriving at `arrivedAt`; returns their numbers.
    @discardableResult
    func add(_ mentions: [Mention], arrivedAt: Date = t0) throws -> [Int64] {
        try addingMentions { writer in
            try mentions.map { mention in
                _ = try writer.add(mention, suggestion: classifier.suggest(for: mention), arrivedAt: arrivedAt)
                return mention
            }
        }.map { try self.mention("\($0.platform.rawValue):\($0.id)").number }
    }
}

extension InboxDatabase {
    /// Imports the file at `path` and returns the totals and the messages.
    func importFile(_ path: String, format: MentionFormat? = nil, strict: Bool = false, own: [String] = [],
                    mapping: [String: String] = [:], csv: CSVOptions? = nil) throws
        -> (totals: ImportTotals, messages: [String]) {
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        let reader = RecordReader(lines: LineReader(descriptor: descriptor), fileName: path, format: format,
                                  check: RecordCheck(ownHandles: own), csv: csv ?? CSVOptions(mapping: mapping))
        var messages: [String] = []
        let totals = try MentionImport(strict: strict).run(reader, label: "in", into: self,
                                                           report: { messages.append($0) })
        return (totals, messages)
    }
}

/// An answer to a question that passes every check on Twitter.
let answer = Reply(text: "Hoi Sanne, houd de resetknop 10 seconden ingedrukt; je instellingen blijven staan. ^Lotte",
                   channel: .twitter, moves: [.answer])

/// A database in `dir` as a webcare of schema `version` left it, to be opened by today's.
func oldDatabase(_ dir: TemporaryDirectory, upTo version: String) throws -> DatabaseQueue {
    let old = try DatabaseQueue(path: dir.database)
    try Schema.migrator(cases: CaseJoiner(agent: "test", rules: HouseRules())).migrate(old, upTo: version)
    return old
}

/// Stores `mention` as the first schema did (v1 columns only), for migration tests: the
/// writer of today writes columns an old database does not have.
func insertAsVersion1(_ db: Database, _ mention: Mention, arrivedAt: Date = t0) throws {
    try db.execute(sql: """
        INSERT INTO mention (platform, platform_id, channel, conversation_id, in_reply_to_id, author_handle,
            author_name, followers, influence, verified, text, posted_at, arrived_at, spam)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, 0)
        """, arguments: [mention.platform.rawValue, mention.id, mention.channel.rawValue, mention.conversationID,
                         mention.inReplyToID, mention.author.handle, mention.author.name, mention.author.followers,
                         mention.text, mention.postedAt.timeIntervalSince1970, arrivedAt.timeIntervalSince1970])
}
