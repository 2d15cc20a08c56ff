import Foundation
import InboxModel

/// What the queue's alerts are computed from (`QueueAlerts`), besides the header's counts.
public struct AlertInput: Equatable, Sendable {
    /// The mentions whose wait started within the spreading window, among the
    /// `StoreOperations.recentMentionsRead` latest arrived.
    public var recent: [RecentMention]
    /// Authors with more followers than the threshold whose case waits on us, most first
    /// (of the highest influence decades' longest waiting).
    public var waiting: [WaitingAuthor]
}

extension StoreOperations {
    /// Most influential authors an alert names.
    static let waitingAuthorsRead = 9
    /// Most mentions of the spreading window read, the latest: enough for any conversation
    /// or theme to reach a threshold, and a refresh stays a few milliseconds when an
    /// outage brings thousands.
    static let recentMentionsRead = 2000

    /// Reads what the alerts need without an index of its own (each would cost the import
    /// a tenth of its speed): the window's mentions among the latest arrived (numbers grow
    /// with arrival), and per urgency the first waiting cases of the highest influence
    /// decades in the queue index, the longest waiting first.
    static func alertInput(_ db: some SQLRunner, since: Date, followersOver: Int) throws -> AlertInput {
        let recent = try db.rows("""
            SELECT platform, conversation, text FROM (
                SELECT m.platform, coalesce(m.conversation_id, m.platform_id) AS conversation, m.text, m.clock_from
                FROM mention m ORDER BY m.id DESC LIMIT :limit) AS latest
            WHERE clock_from >= :since
            """, ["since": since.timeIntervalSince1970, "limit": recentMentionsRead]).compactMap { row -> RecentMention? in
            guard let platform = Platform(rawValue: row["platform"]) else { return nil }
            return RecentMention(platform: platform, conversation: row["conversation"], text: row["text"])
        }
        let followers = min(max(0, followersOver), Int.max - 1)
        var waiting: [WaitingAuthor] = []
        for urgency in 0...MentionKind.allCases.count {
            waiting += try db.rows("""
                SELECT m.platform, m.author_handle, m.followers FROM mention m
                WHERE \(Schema.isOpenCase) AND m.urgency = :urgency AND m.influence >= :decade
                    AND m.clock_at IS NOT NULL AND m.followers > :followers
                ORDER BY m.influence DESC, m.clock_at LIMIT :limit
                """, ["urgency": urgency, "decade": QueueEntry.influence(followers: followers + 1), "followers": followers,
                      "limit": waitingAuthorsRead]).compactMap { row -> WaitingAuthor? in
                guard let platform = Platform(rawValue: row["platform"]) else { return nil }
                return WaitingAuthor(platform: platform, handle: row["author_handle"], followers: row["followers"])
            }
        }
        return AlertInput(recent: recent,
                          waiting: Array(waiting.sorted { $0.followers > $1.followers }.prefix(waitingAuthorsRead)))
    }
}
