import Foundation
import GRDB
import InboxModel

/// Adds mentions inside one write transaction with one prepared statement, so an import
/// of a million pays for parsing the SQL once. A mention the inbox already has (same
/// platform and platform id) is left exactly as it is: importing twice adds nothing and
/// never resets a flow.
public struct MentionWriter {
    private let statement: Statement
    private let db: Database

    init(_ db: Database) throws {
        self.db = db
        statement = try db.cachedStatement(sql: """
            INSERT INTO mention (platform, platform_id, channel, conversation_id, in_reply_to_id, author_handle,
                author_name, followers, influence, verified, text, posted_at, language, link, arrived_at,
                suggested_kind, spam, kind)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (platform, platform_id) DO NOTHING
            """)
    }

    /// Adds `mention`, arrived at `arrivedAt`, with the kind the classifier suggested.
    /// Returns false when it was already there.
    public func add(_ mention: Mention, suggestion: KindClassifier.Suggestion, arrivedAt: Date) throws -> Bool {
        let kind = suggestion.kind?.rawValue
        statement.setUncheckedArguments([
            mention.platform.rawValue, mention.id, mention.channel.rawValue, mention.conversationID,
            mention.inReplyToID, mention.author.handle, mention.author.name, mention.author.followers,
            QueueEntry.influence(followers: mention.author.followers), mention.author.verified, mention.text,
            mention.postedAt.timeIntervalSince1970, mention.language, mention.link, arrivedAt.timeIntervalSince1970,
            kind, suggestion.looksLikeSpam, kind,
        ])
        try statement.execute()
        return db.changesCount > 0
    }
}

extension Inbox {
    /// Runs `body` with a writer in one transaction: what it adds lands together, or
    /// not at all when it throws.
    public func addingMentions<T>(_ body: (MentionWriter) throws -> T) throws -> T {
        try write { db in try body(MentionWriter(db)) }
    }
}
