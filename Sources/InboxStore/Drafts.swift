import Foundation
import GRDB
import InboxModel

extension Inbox {
    /// Saves what the agent has typed so far for mention `number`; called as they type,
    /// so a dropped ssh session loses nothing. Each agent has their own draft per mention.
    /// An empty (or blank) draft is no draft: it is removed, so the composer opens on the
    /// step's template next time instead of on nothing.
    public func saveDraft(_ text: String, for number: Int64, writtenFor occasion: String? = nil,
                          at now: Date = Date()) throws {
        try write { db in
            guard !text.isBlank else {
                try db.execute(sql: "DELETE FROM draft WHERE mention_id = ? AND agent = ?", arguments: [number, agent])
                return
            }
            try db.execute(sql: """
                INSERT INTO draft (mention_id, agent, text, saved_at, written_for) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (mention_id, agent) DO UPDATE SET text = excluded.text, saved_at = excluded.saved_at,
                    written_for = excluded.written_for
                """, arguments: [number, agent, text, now.timeIntervalSince1970, occasion])
        }
    }

    /// This agent's draft for mention `number`, if any.
    public func draft(for number: Int64) throws -> String? {
        try savedDraft(for: number)?.text
    }

    /// This agent's draft for mention `number` with what it was written for, if any.
    public func savedDraft(for number: Int64) throws -> SavedDraft? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT text, written_for FROM draft WHERE mention_id = ? AND agent = ?",
                             arguments: [number, agent]).map { SavedDraft(text: $0["text"], writtenFor: $0["written_for"]) }
        }
    }
}

/// A reply being written, kept while the agent works on it.
public struct SavedDraft: Equatable, Sendable {
    public var text: String
    /// `MentionFlow.replyOccasion` when it was saved; nil for drafts from before v8.
    public var writtenFor: String?
}
