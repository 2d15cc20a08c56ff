import Foundation
import InboxModel

/// What the queue's alerts are computed from (`QueueAlerts`), besides the header's counts.
public struct AlertInput: Equatable, Sendable {
    /// Mentions whose wait started within the spreading window.
    public var recent: [RecentMention]
    /// Authors with more followers than the threshold whose case waits on us, most first.
    public var waiting: [WaitingAuthor]
}

extension StoreOperations {
    /// Most influential authors an alert names.
    static let waitingAuthorsRead = 9

    static func alertInput(_ db: some SQLRunner, since: Date, followersOver: Int) throws -> AlertInput {
        let recent = try db.rows("""
            SELECT m.platform, coalesce(m.conversation_id, m.platform_id) AS conversation, m.text FROM mention m
            WHERE m.clock_from >= :since
            """, ["since": since.timeIntervalSince1970]).compactMap { row -> RecentMention? in
            guard let platform = Platform(rawValue: row["platform"]) else { return nil }
            return RecentMention(platform: platform, conversation: row["conversation"], text: row["text"])
        }
        // The queue index holds open cases by urgency and influence decade: a seek per
        // urgency into the decades at or above the threshold's.
        let urgencies = (0...MentionKind.allCases.count).map(String.init).joined(separator: ", ")
        let followers = min(max(0, followersOver), Int.max - 1)
        let waiting = try db.rows("""
            SELECT m.platform, m.author_handle, m.followers FROM mention m
            WHERE \(Schema.isOpenCase) AND m.urgency IN (\(urgencies)) AND m.influence >= :decade
                AND m.clock_at IS NOT NULL AND m.followers > :followers
            ORDER BY m.followers DESC LIMIT :limit
            """, ["decade": QueueEntry.influence(followers: followers + 1), "followers": followers,
                  "limit": waitingAuthorsRead]).compactMap { row -> WaitingAuthor? in
            guard let platform = Platform(rawValue: row["platform"]) else { return nil }
            return WaitingAuthor(platform: platform, handle: row["author_handle"], followers: row["followers"])
        }
        return AlertInput(recent: recent, waiting: waiting)
    }
}
