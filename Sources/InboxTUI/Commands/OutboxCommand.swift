import ArgumentParser
import Foundation
import InboxModel
import InboxStore

/// `webcare outbox`: what agents sent, for a connector that posts it to the platforms.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Print sent replies (and retweets/likes) waiting to be posted; ack marks one delivered.",
        subcommands: [OutboxList.self, OutboxAck.self],
        defaultSubcommand: OutboxList.self
    )
}

struct OutboxList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print outbox entries not yet delivered, oldest first.",
        discussion: """
            Fields with --json (one object per line): id, mention (number), key (platform:id), \
            platform, inReplyTo (the platform id answered), to (author handle), action (reply, \
            retweet, like), channel, text, agent, createdAt, deliveredAt, postedId. A connector \
            posts each entry and then runs `webcare outbox ack ID --posted-id PLATFORM_ID`.
            """
    )

    @Flag(help: "Keep running and print new entries as agents send them.")
    var follow = false

    @Flag(help: "One JSON object per entry, one per line.")
    var json = false

    @Flag(help: "Include delivered entries.")
    var all = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let inbox = try store.openDatabase()
        let watcher = follow ? try inbox.changes() : nil
        var lastID: Int64 = 0
        repeat {
            var output = BufferedOutput()
            for entry in try inbox.outbox(afterID: lastID, includeDelivered: all) {
                output.append(json ? ReportJSON.line(OutboxReport(entry)) : OutboxReport.line(entry))
                output.append("\n")
                lastID = entry.id
            }
            output.flush()
            if let watcher {
                while try !watcher.hasChanged() { usleep(200_000) }
            }
        } while follow
    }
}

struct OutboxAck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Mark an outbox entry delivered: the connector posted it.",
        discussion: """
            With --posted-id, the id the platform gave the posted reply is kept, so the \
            customer's answer to it (its in-reply-to) joins the case. Exit status 1 when there \
            is no such entry or it was already delivered.
            """
    )

    @Argument(help: ArgumentHelp("The entry's id, as `outbox` prints it.", valueName: "id"))
    var id: Int64

    @Option(name: .customLong("posted-id"), help: ArgumentHelp(
        "The id the platform gave the posted reply.", valueName: "platform-id"))
    var postedID: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let inbox = try store.openDatabase()
        do {
            if let postedID, let problem = RecordCheck.identifierProblem(postedID) {
                StandardStreams.error("webcare outbox ack: --posted-id: \(problem)")
                throw ExitCode(1)
            }
            try inbox.acknowledge(outbox: id, postedID: postedID)
        } catch let error as StoreError {
            StandardStreams.error("webcare outbox ack: \(error)")
            throw ExitCode(1)
        }
    }
}

/// An outbox entry as `outbox --json` prints it; the names are the connector's interface.
struct OutboxReport: Encodable {
    var id: Int64
    var mention: Int64
    var key: String
    var platform: String
    var inReplyTo: String
    var to: String
    var action: String
    var channel: String
    var text: String?
    var agent: String
    var createdAt: String
    var deliveredAt: String?
    var postedId: String?

    private enum Keys: String, CodingKey {
        case id, mention, key, platform, inReplyTo, to, action, channel, text, agent, createdAt, deliveredAt, postedId
    }

    /// Every key always present, absent values as null.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(id, forKey: .id)
        try c.encode(mention, forKey: .mention)
        try c.encode(key, forKey: .key)
        try c.encode(platform, forKey: .platform)
        try c.encode(inReplyTo, forKey: .inReplyTo)
        try c.encode(to, forKey: .to)
        try c.encode(action, forKey: .action)
        try c.encode(channel, forKey: .channel)
        try c.encode(text, forKey: .text)
        try c.encode(agent, forKey: .agent)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(deliveredAt, forKey: .deliveredAt)
        try c.encode(postedId, forKey: .postedId)
    }

    init(_ entry: OutboxEntry) {
        id = entry.id
        mention = entry.mentionNumber
        key = "\(entry.platform.rawValue):\(entry.platformMentionID)"
        platform = entry.platform.rawValue
        inReplyTo = entry.platformMentionID
        to = entry.authorHandle
        action = entry.action.rawValue
        channel = entry.channel
        text = entry.text
        agent = entry.agent
        createdAt = TimeText.iso(entry.createdAt)
        deliveredAt = entry.deliveredAt.map(TimeText.iso)
        postedId = entry.postedID
    }

    /// `3  reply twitter → @sanne_dekker (twitter:tw-1000) alice: Hoi Sanne, …`
    static func line(_ entry: OutboxEntry) -> String {
        let what = entry.action == .reply ? "reply \(entry.channel)" : entry.action.rawValue
        let delivered = entry.deliveredAt == nil ? "" : " [delivered]"
        return "\(entry.id)  \(what) → @\(VisibleText.line(entry.authorHandle)) "
            + "(\(entry.platform.rawValue):\(VisibleText.line(entry.platformMentionID))) \(VisibleText.line(entry.agent))"
            + "\(delivered): \(VisibleText.line(entry.text ?? ""))"
    }
}
