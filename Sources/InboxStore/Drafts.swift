import Foundation
import GRDB
import InboxModel

extension Inbox {
    /// Saves what the agent has typed so far for mention `number`; called as they type,
    /// so a dropped ssh session loses nothing. Each agent has their own draft per mention.
    /// An empty (or blank) draft is no draft: it is removed, so the composer opens on the
    /// step's template next time instead of on nothing.
    public func saveDraft(_ text: String, for number: Int64, at now: Date = Date()) throws {
        try write { db in
            guard !text.isBlank else {
                try db.execute(sql: "DELETE FROM draft WHERE mention_id = ? AND agent = ?", arguments: [number, agent])
                return
            }
            try db.execute(sql: """
                INSERT INTO draft (mention_id, agent, text, saved_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (mention_id, agent) DO UPDATE SET text = excluded.text, saved_at = excluded.saved_at
                """, arguments: [number, agent, text, now.timeIntervalSince1970])
        }
    }

    /// This agent's draft for mention `number`, if any.
    public func draft(for number: Int64) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT text FROM draft WHERE mention_id = ? AND agent = ?",
                                arguments: [number, agent])
        }
    }
}
