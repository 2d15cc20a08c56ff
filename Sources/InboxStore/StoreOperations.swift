import Foundation
import GRDB
import InboxModel

/// The inbox's reads and writes, written once for both engines over `SQLRunner`; `Inbox`
/// and `PostgresInbox` run them in their own transactions.
enum StoreOperations {
    /// Mention `reference`: a local number, `platform:id`, or a platform id one platform has.
    static func mention(_ db: some SQLRunner, _ reference: String, now: Date) throws -> StoredMention {
        let select = "SELECT \(StoredMention.columns) FROM mention m \(StoredMention.joins)"
        let rows: [Row] = try {
            if let number = Int64(reference) {
                let byNumber = try db.rows("\(select) WHERE m.id = :n", ["now": now.timeIntervalSince1970, "n": number])
                if !byNumber.isEmpty { return byNumber }
            }
            let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2, Platform(rawValue: parts[0]) != nil {
                return try db.rows("\(select) WHERE m.platform = :p AND m.platform_id = :id",
                                   ["now": now.timeIntervalSince1970, "p": parts[0], "id": parts[1]])
            }
            return try db.rows("\(select) WHERE m.platform_id = :id LIMIT 2",
                               ["now": now.timeIntervalSince1970, "id": reference])
        }()
        if rows.isEmpty { throw StoreError.noSuchMention(reference) }
        if rows.count > 1 { throw StoreError.ambiguousMention(reference) }
        return try StoredMention(row: rows[0])
    }

    /// Appends `event` as `writer`'s agent; a reply onto a case another agent holds is
    /// refused with `.heldBy`, unless `takingOver`: then a `takeOver` event records whose
    /// it was and the claim becomes this agent's, in the caller's transaction.
    static func append(_ db: some SQLRunner, writer: FlowWriter, _ event: FlowEvent, to number: Int64, seenSeq: Int,
                       at now: Date, takingOver: Bool) throws -> Appended {
        var seen = seenSeq
        if case .send = event, let holder = try db.row("""
            SELECT agent FROM claim WHERE mention_id = :id AND expires_at > :now AND agent != :agent
            """, ["id": number, "now": now.timeIntervalSince1970, "agent": writer.agent])?["agent"] as String? {
            guard takingOver else { throw StoreError.heldBy(agent: holder) }
            seen = try writer.append(db, .takeOver(from: holder), to: number, seenSeq: seen, at: now).seq
            try db.execute("UPDATE claim SET agent = :agent, expires_at = :until WHERE mention_id = :id",
                           ["agent": writer.agent, "until": (now + Inbox.claimLease).timeIntervalSince1970, "id": number])
        }
        return try writer.append(db, event, to: number, seenSeq: seen, at: now)
    }

    /// Takes mention `number` for `agent` when free, expired or already theirs; returns
    /// whoever holds it afterwards.
    static func claim(_ db: some SQLRunner, agent: String, _ number: Int64, at now: Date, lease: TimeInterval) throws -> Claim {
        guard try db.row("SELECT 1 FROM mention WHERE id = :id", ["id": number]) != nil else {
            throw StoreError.noSuchMention(String(number))
        }
        try db.execute("""
            INSERT INTO claim (mention_id, agent, expires_at) VALUES (:id, :agent, :until)
            ON CONFLICT (mention_id) DO UPDATE SET agent = :agent, expires_at = :until
                WHERE claim.agent = :agent OR claim.expires_at <= :now
            """, ["id": number, "agent": agent, "until": (now + lease).timeIntervalSince1970,
                  "now": now.timeIntervalSince1970])
        guard let row = try db.row("SELECT agent, expires_at FROM claim WHERE mention_id = :id", ["id": number]) else {
            throw StoreError.noSuchMention(String(number))
        }
        return Claim(agent: row["agent"], expiresAt: Date(timeIntervalSince1970: row["expires_at"]))
    }

    static func release(_ db: some SQLRunner, agent: String, _ number: Int64) throws {
        try db.execute("DELETE FROM claim WHERE mention_id = :id AND agent = :agent", ["id": number, "agent": agent])
    }

    /// Position `id` at `version`, or at its latest version.
    static func position(_ db: some SQLRunner, _ id: String, version: Int?) throws -> TeamPosition {
        guard let row = try db.row("""
            SELECT id, version, topic, statement, short FROM team_position
            WHERE id = :id AND (CAST(:version AS INTEGER) IS NULL OR version = :version)
            ORDER BY version DESC LIMIT 1
            """, ["id": id, "version": version]) else { throw StoreError.noSuchPosition(id) }
        return position(row: row)
    }

    /// Outbox entries after `afterID`, oldest first; only those not yet delivered unless `includeDelivered`.
    static func outbox(_ db: some SQLRunner, afterID: Int64, includeDelivered: Bool) throws -> [OutboxEntry] {
        try db.rows("""
            \(OutboxEntry.select) WHERE o.id > :after \(includeDelivered ? "" : "AND o.delivered_at IS NULL") ORDER BY o.id
            """, ["after": afterID]).map(OutboxEntry.init(row:))
    }

    /// Marks entry `id` delivered, with the id the platform gave the posted reply.
    static func acknowledge(_ db: some SQLRunner, outbox id: Int64, postedID: String?, at now: Date) throws {
        let updated = try db.rows("""
            UPDATE outbox SET delivered_at = :now, posted_id = :posted WHERE id = :id AND delivered_at IS NULL RETURNING id
            """, ["now": now.timeIntervalSince1970, "posted": postedID, "id": id])
        if !updated.isEmpty { return }
        let exists = try db.row("SELECT 1 FROM outbox WHERE id = :id", ["id": id]) != nil
        throw exists ? StoreError.alreadyDelivered(id) : StoreError.noSuchOutboxEntry(id)
    }

    static func tableCounts(_ db: some SQLRunner) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in InboxTables.all {
            counts[table] = try db.row("SELECT count(*) AS n FROM \(table)")?["n"] ?? 0
        }
        return counts
    }
}
