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
    /// The mention's local number and its platform key.
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
}

extension Inbox {
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
                INSERT INTO outbox (mention_id, seq, action, channel, text, agent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [number, seq, kind.rawValue, channel, text, agent, now.timeIntervalSince1970])
            ids.append(db.lastInsertedRowID)
        }
        return ids
    }

    /// Outbox entries after `afterID`, oldest first; only those not yet delivered unless
    /// `includeDelivered`.
    public func outbox(afterID: Int64 = 0, includeDelivered: Bool = false) throws -> [OutboxEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.*, m.platform, m.platform_id, m.author_handle FROM outbox o JOIN mention m ON m.id = o.mention_id
                WHERE o.id > ? \(includeDelivered ? "" : "AND o.delivered_at IS NULL") ORDER BY o.id
                """, arguments: [afterID]).map { row in
                let platform: String = row["platform"], action: String = row["action"]
                guard let platform = Platform(rawValue: platform) else { throw StoreError.corrupt(column: "platform", value: platform) }
                guard let action = OutboxEntry.Action(rawValue: action) else { throw StoreError.corrupt(column: "outbox.action", value: action) }
                let delivered: Double? = row["delivered_at"]
                return OutboxEntry(id: row["id"], mentionNumber: row["mention_id"], platform: platform,
                                   platformMentionID: row["platform_id"], authorHandle: row["author_handle"],
                                   seq: row["seq"], action: action, channel: row["channel"], text: row["text"],
                                   agent: row["agent"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
                                   deliveredAt: delivered.map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    /// Marks entry `id` delivered: the connector posted it.
    public func acknowledge(outbox id: Int64, at now: Date = Date()) throws {
        try write { db in
            try db.execute(sql: "UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL",
                           arguments: [now.timeIntervalSince1970, id])
            if db.changesCount == 1 { return }
            let exists = try Int.fetchOne(db, sql: "SELECT 1 FROM outbox WHERE id = ?", arguments: [id]) != nil
            throw exists ? StoreError.alreadyDelivered(id) : StoreError.noSuchOutboxEntry(id)
        }
    }
}
