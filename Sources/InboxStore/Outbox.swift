import Foundation
import GRDB
import InboxModel

/// Something a connector must do on a platform for us: post a reply, or retweet/like.
/// An entry is written in the same transaction as the flow event that caused it, so the
/// log never says "sent" for a reply the outbox does not have, nor the other way round.
public struct OutboxEntry: Equatable, Sendable {
    public enum Action: String, Sendable {
        case reply
        case retweet
        case like
    }

    public var id: Int64
    /// The case's number, and the platform key of the customer's message it answers (the
    /// case's latest when it was sent).
    public var mentionNumber: Int64
    public var platform: Platform
    public var platformMentionID: String
    /// Who the reply goes to, without "@".
    public var authorHandle: String
    /// The flow event that queued it.
    public var seq: Int
    public var action: Action
    /// For a reply: where it goes (twitter, dm, email, …).
    public var channel: String
    /// For a reply: its text; nil for a retweet or like.
    public var text: String?
    public var agent: String
    public var createdAt: Date
    public var deliveredAt: Date?
    /// The id the platform gave the posted reply, once the connector said so.
    public var postedID: String?
}

extension FlowWriter {
    /// Queues what `actions` ask of a platform, as outbox entries of event `seq`.
    func queueOutbox(_ db: Database, actions: [FlowAction], number: Int64, seq: Int, at now: Date) throws -> [Int64] {
        var ids: [Int64] = []
        for action in actions {
            let (kind, channel, text): (OutboxEntry.Action, String, String?)
            switch action {
            case .post(let reply): (kind, channel, text) = (.reply, reply.channel.rawValue, reply.text)
            case .amplify(let gesture): (kind, channel, text) = (gesture == .retweet ? .retweet : .like, "", nil)
            case .passOn, .suggestAmbassador, .guidance: continue
            }
            try db.execute(sql: """
                INSERT INTO outbox (mention_id, seq, action, channel, text, agent, created_at, answers)
                SELECT ?, ?, ?, ?, ?, ?, ?, case_latest FROM mention WHERE id = ?
                """, arguments: [number, seq, kind.rawValue, channel, text, agent, now.timeIntervalSince1970, number])
            ids.append(db.lastInsertedRowID)
        }
        return ids
    }
}

extension Inbox {
    /// Outbox entries after `afterID`, oldest first; only those not yet delivered unless
    /// `includeDelivered`.
    public func outbox(afterID: Int64 = 0, includeDelivered: Bool = false) throws -> [OutboxEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                \(OutboxEntry.select) WHERE o.id > ? \(includeDelivered ? "" : "AND o.delivered_at IS NULL") ORDER BY o.id
                """, arguments: [afterID]).map(OutboxEntry.init(row:))
        }
    }

    /// Marks entry `id` delivered: the connector posted it, and the platform gave it
    /// `postedID` (so an answer to it joins its case).
    public func acknowledge(outbox id: Int64, postedID: String? = nil, at now: Date = Date()) throws {
        try write { db in
            try db.execute(sql: "UPDATE outbox SET delivered_at = ?, posted_id = ? WHERE id = ? AND delivered_at IS NULL",
                           arguments: [now.timeIntervalSince1970, postedID, id])
            if db.changesCount == 1 { return }
            let exists = try Int.fetchOne(db, sql: "SELECT 1 FROM outbox WHERE id = ?", arguments: [id]) != nil
            throw exists ? StoreError.alreadyDelivered(id) : StoreError.noSuchOutboxEntry(id)
        }
    }
}

extension OutboxEntry {
    /// The query every read of entries starts from: the entry, and the platform key and
    /// author of the customer's message it answers.
    static let select = """
        SELECT o.*, m.platform, m.platform_id, m.author_handle FROM outbox o
            JOIN mention m ON m.id = coalesce(o.answers, o.mention_id)
        """

    init(row: Row) throws {
        let platform: String = row["platform"], action: String = row["action"]
        guard let platform = Platform(rawValue: platform) else { throw StoreError.corrupt(column: "platform", value: platform) }
        guard let action = Action(rawValue: action) else { throw StoreError.corrupt(column: "outbox.action", value: action) }
        let delivered: Double? = row["delivered_at"]
        self.init(id: row["id"], mentionNumber: row["mention_id"], platform: platform,
                  platformMentionID: row["platform_id"], authorHandle: row["author_handle"],
                  seq: row["seq"], action: action, channel: row["channel"], text: row["text"],
                  agent: row["agent"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
                  deliveredAt: delivered.map(Date.init(timeIntervalSince1970:)), postedID: row["posted_id"])
    }
}
