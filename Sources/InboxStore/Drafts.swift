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
            try StoreOperations.saveDraft(SQLiteRunner(db: db), agent: agent, text, for: number, writtenFor: occasion, at: now)
        }
    }

    /// This agent's draft for mention `number` with what it was written for, if any.
    public func savedDraft(for number: Int64) throws -> SavedDraft? {
        try read { db in try StoreOperations.savedDraft(SQLiteRunner(db: db), agent: agent, for: number) }
    }
}

extension InboxDatabase {
    /// This agent's draft for mention `number`, if any.
    public func draft(for number: Int64) throws -> String? {
        try savedDraft(for: number)?.text
    }
}

extension StoreOperations {
    static func saveDraft(_ db: some SQLRunner, agent: String, _ text: String, for number: Int64, writtenFor occasion: String?,
                          at now: Date) throws {
        guard !text.isBlank else {
            try db.execute("DELETE FROM draft WHERE mention_id = :id AND agent = :agent", ["id": number, "agent": agent])
            return
        }
        try db.execute("""
            INSERT INTO draft (mention_id, agent, text, saved_at, written_for) VALUES (:id, :agent, :text, :at, :for)
            ON CONFLICT (mention_id, agent) DO UPDATE SET text = excluded.text, saved_at = excluded.saved_at,
                written_for = excluded.written_for
            """, ["id": number, "agent": agent, "text": text, "at": now.timeIntervalSince1970, "for": occasion])
    }

    static func savedDraft(_ db: some SQLRunner, agent: String, for number: Int64) throws -> SavedDraft? {
        try db.row("SELECT text, written_for FROM draft WHERE mention_id = :id AND agent = :agent",
                   ["id": number, "agent": agent]).map { SavedDraft(text: $0["text"], writtenFor: $0["written_for"]) }
    }
}

/// A reply being written, kept while the agent works on it.
public struct SavedDraft: Equatable, Sendable {
    public var text: String
    /// `MentionFlow.replyOccasion` when it was saved; nil for drafts from before v8.
    public var writtenFor: String?
}
