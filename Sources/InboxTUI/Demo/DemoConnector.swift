import Foundation
import InboxModel
import InboxStore

/// Stands in for the connector a team runs beside webcare: it "posts" what agents send
/// and acks it with a made-up platform id, so the demo's customers can answer our replies
/// and the answer joins the case, as with a real platform.
enum DemoConnector {
    /// The id a reply gets: the customer's message it answers and how many replies to
    /// that message came before it, such as `tw-1010-r1`. The sample's answers use these.
    static func postedID(answering platformID: String, earlierReplies: Int) -> String {
        "\(platformID)-r\(earlierReplies + 1)"
    }

    /// Acks every entry waiting in `inbox`'s outbox until `running` says to stop, looking
    /// twice a second (the inbox's change watcher wakes the agent's screen when it does).
    static func run(_ inbox: Inbox, running: @escaping @Sendable () -> Bool) {
        var posted: [String: Int] = [:]
        while running() {
            for entry in (try? inbox.outbox()) ?? [] {
                let key = "\(entry.platform.rawValue):\(entry.platformMentionID)"
                let earlier = posted[key, default: 0]
                let id = entry.action == .reply ? postedID(answering: entry.platformMentionID, earlierReplies: earlier) : nil
                if (try? inbox.acknowledge(outbox: entry.id, postedID: id)) != nil, entry.action == .reply {
                    posted[key] = earlier + 1
                }
            }
            usleep(500_000)
        }
    }
}
