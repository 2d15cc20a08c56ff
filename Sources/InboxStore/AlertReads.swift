import Foundation
import InboxModel

/// What the queue's alerts are computed from (`QueueAlerts`), besides the header's counts.
public struct AlertInput: Equatable, Sendable {
    /// The latest mentions whose wait started within the spreading window (at most
    /// `StoreOperations.recentMentionsRead`).
    public var recent: [RecentMention]
    /// Authors with more followers than the threshold whose case waits on us, most first.
    public var waiting: [WaitingAuthor]
}

extension StoreOperations {
    /// Most influential authors an alert names.
    static let waitingAuthorsRead = 9
    /// Most mentions of the spreading window read, the latest: enough for any conversation
    /// or theme to reach a threshold, and a refresh stays a few milliseconds when an
    /// outage brings thousands.
    static let recentMentionsRead = 2000

    static func alertInput(_ db: some SQLRunner, since: Date, followersOver: Int) throws -> AlertInput {
        let recent = try db.rows("""
            SELECT m.platform, coalesce(m.conversation_id, m.platform_id) AS conversation, m.text FROM mention m
            WHERE m.clock_from >= :since ORDER BY m.clock_from DESC LIMIT :limit
            """, ["since": since.timeIntervalSince1970, "limit": recentMentionsRead]).compactMap { row -> RecentMention? in
            guard let platform = Platform(rawValue: row["platform"]) else { return nil }
            return RecentMention(platform: platform, conversation: row["conversation"], text: row["text"])
        }
        // `mention_waiting` holds exactly these cases by followers: the first rows of it.
        let waiting = try db.rows("""
            SELECT platform, author_handle, followers FROM mention
            WHERE \(Schema.waitingOnUs) AND followers > :followers ORDER BY followers DESC LIMIT :limit
            """, ["followers": max(0, followersOver), "limit": waitingAuthorsRead]).compactMap { row -> WaitingAuthor? in
            guard let platform = Platform(rawValue: row["platform"]) else { return nil }
            return WaitingAuthor(platform: platform, handle: row["author_handle"], followers: row["followers"])
        }
        return AlertInput(recent: recent, waiting: waiting)
    }
}
