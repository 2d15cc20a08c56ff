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
    func queueOutbox(_ db: some SQLRunner, actions: [FlowAction], number: Int64, seq: Int, at now: Date) throws -> [Int64] {
        var ids: [Int64] = []
        for action in actions {
            let (kind, channel, text): (OutboxEntry.Action, String, String?)
            switch action {
            case .post(let reply): (kind, channel, text) = (.reply, reply.channel.rawValue, reply.text)
            case .amplify(let gesture): (kind, channel, text) = (gesture == .retweet ? .retweet : .like, "", nil)
            case .passOn, .suggestAmbassador, .guidance: continue
            }
            let row = try db.row("""
                INSERT INTO outbox (mention_id, seq, action, channel, text, agent, created_at, answers)
                SELECT :id, :seq, :action, :channel, :text, :agent, :now, case_latest FROM mention WHERE id = :id
                RETURNING id
                """, ["id": number, "seq": seq, "action": kind.rawValue, "channel": channel, "text": text,
                      "agent": agent, "now": now.timeIntervalSince1970])
            ids.append(row?["id"] ?? 0)
        }
        return ids
    }
}

extension Inbox {
    /// Outbox entries after `afterID`, oldest first; only those not yet delivered unless
    /// `includeDelivered`.
    public func outbox(afterID: Int64 = 0, includeDelivered: Bool = false) throws -> [OutboxEntry] {
        try read { db in
            try StoreOperations.outbox(SQLiteRunner(db: db), afterID: afterID, includeDelivered: includeDelivered)
        }
    }

    /// Marks entry `id` delivered: the connector posted it, and the platform gave it
    /// `postedID` (so an answer to it joins its case).
    public func acknowledge(outbox id: Int64, postedID: String? = nil, at now: Date = Date()) throws {
        try write { db in
            try StoreOperations.acknowledge(SQLiteRunner(db: db), outbox: id, postedID: postedID, at: now)
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
