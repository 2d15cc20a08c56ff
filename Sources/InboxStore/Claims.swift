import Foundation
import GRDB

extension Inbox {
    /// How long a claim lasts without renewal. An inbox renews well within it while the
    /// agent has the mention open; an agent whose ssh session drops loses it after this.
    public static let claimLease: TimeInterval = 90

    /// How long an inbox keeps renewing a claim without a key from its agent: a few
    /// minutes of reading is normal; longer, the agent is gone (or their connection is
    /// frozen) and the mention should go back to the team.
    public static let claimIdle: TimeInterval = 5 * 60

    /// Opens mention `number` for this agent: takes it when free, expired or already
    /// ours (which renews the lease). When another agent holds it, returns their claim
    /// and takes nothing: the caller shows who is on it.
    @discardableResult
    public func claim(_ number: Int64, at now: Date = Date(), lease: TimeInterval = claimLease) throws -> Claim {
        try write { db in
            try db.execute(sql: """
                INSERT INTO claim (mention_id, agent, expires_at) VALUES (:id, :agent, :until)
                ON CONFLICT (mention_id) DO UPDATE SET agent = :agent, expires_at = :until
                    WHERE claim.agent = :agent OR claim.expires_at <= :now
                """, arguments: ["id": number, "agent": agent, "until": (now + lease).timeIntervalSince1970,
                                 "now": now.timeIntervalSince1970])
            let row = try Row.fetchOne(db, sql: "SELECT agent, expires_at FROM claim WHERE mention_id = ?",
                                       arguments: [number])
            guard let row else { throw StoreError.noSuchMention(String(number)) }
            return Claim(agent: row["agent"], expiresAt: Date(timeIntervalSince1970: row["expires_at"]))
        }
    }

    /// Lets go of mention `number` if this agent holds it.
    public func release(_ number: Int64) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM claim WHERE mention_id = ? AND agent = ?", arguments: [number, agent])
        }
    }
}
