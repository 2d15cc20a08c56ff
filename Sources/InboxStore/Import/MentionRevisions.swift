import Foundation
import GRDB
import InboxModel

/// What an import does to a mention the inbox already holds, on either engine: erase it
/// (its author deleted it), give it its edited words, or put a reply we posted outside
/// webcare on its case. Each is noted in the case's history. The text index follows the
/// new words by itself (a trigger in SQLite, a generated column in PostgreSQL).
struct MentionRevisions<Runner: SQLRunner> {
    let db: Runner
    let rules: HouseRules

    /// Removes the words and the author's details (name, followers, verified, link) of
    /// mention `id` on `platform`, because its author deleted it there, and notes it in
    /// its case's history; false when the inbox does not hold it (or already erased it).
    /// The handle stays: it is what the case is kept by.
    func erase(_ platform: Platform, id: String, at now: Date) throws -> Bool {
        guard let held = try held(platform, id: id), held.text != MentionWriter.erasedText else { return false }
        try db.execute("""
            UPDATE mention SET text = :text, author_name = '', followers = 0, influence = :influence, verified = :no,
                link = NULL WHERE id = :id
            """, ["text": MentionWriter.erasedText, "influence": QueueEntry.influence(followers: 0), "no": false,
                  "id": held.number])
        try note("#\(held.number) was deleted by its author on \(platform.displayName); its words and the author's "
                 + "details are removed here too", on: held, by: platform.rawValue, at: now)
        return true
    }

    /// Gives the mention that `edited` is a new version of (`original` on its platform)
    /// the new words and what the classifier suggests for them (`suggestion`; a kind an
    /// agent confirmed stays), keeping the earlier words in its case's history; false when
    /// the inbox does not hold the original (the edit is then a mention of its own).
    func edit(original: String, to edited: Mention, suggestion: KindClassifier.Suggestion, at now: Date) throws -> Bool {
        guard let held = try held(edited.platform, id: original) else { return false }
        guard held.text != edited.text else { return true }
        try db.execute("""
            UPDATE mention SET text = :text, suggested_kind = :kind, spam = :spam, needs_reply = :needs,
                confidence = :confidence, kind = CASE WHEN kind_confirmed THEN kind WHEN :needs THEN :kind END
            WHERE id = :id
            """, ["text": edited.text, "kind": suggestion.kind?.rawValue, "spam": suggestion.looksLikeSpam,
                  "needs": suggestion.needsReply, "confidence": suggestion.confidence, "id": held.number])
        try note("#\(held.number) was edited by its author; it said before: \(held.text)", on: held,
                 by: "@" + edited.author.handle, at: now)
        return true
    }

    /// Puts `reply`, which we posted outside webcare, on the case of the post it answers:
    /// a posted reply in its outbox (with the platform's id, so an answer to it joins the
    /// case) and a note in its history. False when the inbox does not hold that post. An
    /// archive read twice links each reply once.
    func link(_ reply: OurReply) throws -> Bool {
        guard let held = try held(reply.platform, id: reply.answers) else { return false }
        if try db.row("SELECT 1 FROM outbox WHERE posted_id = :posted AND mention_id = :head",
                      ["posted": reply.postedID, "head": held.head]) != nil { return true }
        let seq = try note("our reply to #\(held.number) from before webcare, found in the archive (posted as "
                           + "\(reply.postedID))", on: held, by: MentionWriter.archiveAgent, at: reply.postedAt)
        try db.execute("""
            INSERT INTO outbox (mention_id, seq, action, channel, text, agent, created_at, delivered_at, posted_id, answers)
            VALUES (:head, :seq, 'reply', :channel, :text, :agent, :at, :at, :posted, :number)
            """, ["head": held.head, "seq": seq, "channel": reply.platform.rawValue, "text": reply.text,
                  "agent": MentionWriter.archiveAgent, "at": reply.postedAt.timeIntervalSince1970,
                  "posted": reply.postedID, "number": held.number])
        return true
    }

    /// A stored mention's number, case and words.
    private struct Held {
        var number: Int64
        var head: Int64
        var text: String
    }

    private func held(_ platform: Platform, id: String) throws -> Held? {
        try db.row("""
            SELECT id, coalesce(case_id, id) AS head, text FROM mention WHERE platform = :platform AND platform_id = :id
            """, ["platform": platform.rawValue, "id": id]).map { Held(number: $0["id"], head: $0["head"], text: $0["text"]) }
    }

    /// Notes `text` in the history of the case `held` belongs to, as `agent`; the
    /// note's sequence number.
    @discardableResult
    private func note(_ text: String, on held: Held, by agent: String, at now: Date) throws -> Int {
        let seen = try db.row("SELECT last_seq FROM mention WHERE id = :id", ["id": held.head])?["last_seq"] as Int? ?? 0
        return try FlowWriter(agent: agent, rules: rules).append(db, .note(text), to: held.head, seenSeq: seen, at: now).seq
    }
}

extension MentionWriter {
    /// What a deleted post's copy says instead of its words.
    public static let erasedText = "(deleted by its author)"

    /// Who the history and the thread say sent a reply found in an archive.
    public static let archiveAgent = "archive"
}
