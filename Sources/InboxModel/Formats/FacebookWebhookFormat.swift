import Foundation

/// Meta webhook deliveries as Meta sends them, one per file or per line:
/// - Facebook Page (`object: "page"`): feed comments, posts, statuses, photos and videos
///   with a message (`field: "feed"`), and mentions of the page in posts and comments
///   (`field: "mention"`), in `entry[].changes[].value`;
/// - Instagram (`object: "instagram"`): `comments`, `live_comments` and `mentions`;
/// - Messenger and Instagram Direct: `entry[].messaging[]`, direct messages.
///
/// Ids come as strings or numbers. The author is `from`, else `sender_id`/`sender_name`,
/// else recorded as unknown: a mention to answer is never dropped for lack of a profile.
/// The time is `created_time` (seconds, milliseconds or ISO), else the entry's `time`.
/// Reactions, shares, edits and removals are skipped; so is anything the page wrote.
/// Webhooks carry no follower counts: authors get 0.
struct FacebookWebhookFormat {
    struct Delivery: Decodable {
        var object: String?
        var entry: [Entry]
    }

    struct Entry: Decodable {
        /// The page's (or Instagram account's) id.
        var id: FlexibleID?
        var time: FlexibleTime?
        var changes: [Change]?
        var messaging: [Messaging]?
    }

    struct Change: Decodable {
        var field: String
        var value: Value
    }

    struct Value: Decodable {
        struct From: Decodable {
            var id: FlexibleID
            var name: String?
            var username: String?
        }

        struct Media: Decodable { var id: FlexibleID? }

        var item: String?
        var verb: String?
        var from: From?
        var sender_id: FlexibleID?
        var sender_name: String?
        var comment_id: FlexibleID?
        var post_id: FlexibleID?
        var parent_id: FlexibleID?
        var message: String?
        /// Instagram's comment fields.
        var id: FlexibleID?
        var text: String?
        var media: Media?
        var media_id: FlexibleID?
        var created_time: FlexibleTime?
    }

    struct Messaging: Decodable {
        struct Party: Decodable { var id: FlexibleID }
        struct Message: Decodable {
            var mid: String?
            var text: String?
            var is_echo: Bool?
            var attachments: [IgnoredValue]?
        }

        var sender: Party?
        var recipient: Party?
        var timestamp: FlexibleTime?
        var message: Message?
    }

    let check: RecordCheck

    func records(in json: Data) -> [DecodedRecord] {
        DecodedRecord.decoding(Delivery.self, from: json, records(in:))
    }

    private func records(in delivery: Delivery) -> [DecodedRecord] {
        let platform: Platform = delivery.object == "instagram" ? .instagram : .facebook
        var records: [DecodedRecord] = []
        for (e, entry) in delivery.entry.enumerated() {
            let page = entry.id?.text
            for (c, change) in (entry.changes ?? []).enumerated() {
                let path = "entry[\(e)].changes[\(c)]"
                records.append(DecodedRecord(path: path, record(change, platform: platform, page: page,
                                                                entryTime: entry.time, path: path + ".value")))
            }
            for (m, messaging) in (entry.messaging ?? []).enumerated() {
                let path = "entry[\(e)].messaging[\(m)]"
                records.append(DecodedRecord(path: path, record(messaging, platform: platform, page: page,
                                                                entryTime: entry.time, path: path)))
            }
        }
        return records
    }

    /// Where a mention without text still points the agent: they open it there.
    static let noText = "(the delivery holds no text: open the post to read it)"

    private func record(_ change: Change, platform: Platform, page: String?, entryTime: FlexibleTime?,
                        path: String) -> ImportedRecord {
        let value = change.value
        guard value.verb ?? "add" == "add" else { return .skipped(.notSaid) }
        let isInstagram = platform == .instagram
        switch change.field {
        case "feed":
            guard ["comment", "post", "status", "photo", "video", "share"].contains(value.item ?? ""),
                  value.message != nil || value.item == "comment" || value.item == "post" else { return .skipped(.notSaid) }
        case "mention", "mentions", "comments", "live_comments": break
        default: return .skipped(.notMention)
        }
        let isComment = value.item == "comment" || change.field == "comments" || change.field == "live_comments"
            || (change.field == "mentions" && value.comment_id != nil)
        let authorID = value.from?.id.text ?? value.sender_id?.text
        if let authorID, authorID == page { return .skipped(.ownPost) }
        let id: String? = isInstagram
            ? (value.comment_id ?? value.id ?? value.media_id)?.text
            : (isComment ? value.comment_id ?? value.id : value.post_id ?? value.id)?.text
        guard let id else {
            return .rejected(ImportProblem("\(path).\(isComment ? "comment_id" : "post_id")", "missing"))
        }
        guard let postedAt = value.created_time?.date ?? entryTime?.date else {
            return .rejected(ImportProblem("\(path).created_time", "missing, and the entry has no time either"))
        }
        let post = isInstagram ? (value.media?.id ?? value.media_id)?.text : value.post_id?.text
        let parent = value.parent_id?.text.flatMap { $0 == post ? nil : $0 } ?? (isComment ? post : nil)
        let handle = value.from?.username ?? authorID ?? "unknown"
        let name = value.from?.name ?? value.sender_name ?? value.from?.username
            ?? authorID.map { "unknown (\($0))" } ?? "unknown"
        let text = value.message ?? value.text
        let mention = Mention(
            platform: platform, channel: change.field.hasPrefix("mention") ? .publicMention : isComment ? .comment : .publicMention,
            id: id, conversationID: post, inReplyToID: parent,
            author: Author(handle: handle, name: name, followers: 0),
            text: text.flatMap { $0.isEmpty ? nil : $0 } ?? Self.noText, postedAt: postedAt,
            link: isInstagram ? nil : post.map { "https://www.facebook.com/\($0)" + (isComment ? "?comment_id=\(id)" : "") })
        return check.record(mention)
    }

    private func record(_ messaging: Messaging, platform: Platform, page: String?, entryTime: FlexibleTime?,
                        path: String) -> ImportedRecord {
        // Delivery and read receipts, postbacks, reactions: nothing was said to us.
        guard let message = messaging.message else { return .skipped(.notSaid) }
        guard let sender = messaging.sender?.id.text else { return .rejected(ImportProblem("\(path).sender.id", "missing")) }
        if message.is_echo == true || sender == page { return .skipped(.ownPost) }
        guard let id = message.mid else { return .rejected(ImportProblem("\(path).message.mid", "missing")) }
        guard let postedAt = messaging.timestamp?.date ?? entryTime?.date else {
            return .rejected(ImportProblem("\(path).timestamp", "missing, and the entry has no time either"))
        }
        let text = message.text ?? (message.attachments != nil ? "(an attachment: open the conversation to see it)" : nil)
        let mention = Mention(
            platform: platform, channel: .directMessage, id: id,
            author: Author(handle: sender, name: "unknown (\(sender))", followers: 0),
            text: text.flatMap { $0.isEmpty ? nil : $0 } ?? Self.noText, postedAt: postedAt)
        return check.record(mention)
    }
}

/// An id Meta sends as a string or as a JSON number; kept as the digits it was.
struct FlexibleID: Decodable {
    var text: String?

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            text = string
        } else if let whole = try? container.decode(UInt64.self) {
            text = String(whole)
        } else if let whole = try? container.decode(Int64.self) {
            text = String(whole)
        } else if let number = try? container.decode(Decimal.self) {
            text = "\(number)"
        } else {
            text = try container.decode(String.self)
        }
    }
}

/// A time Meta sends as Unix seconds, Unix milliseconds (told apart by size) or ISO text.
struct FlexibleTime: Decodable {
    var date: Date?

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            date = Timestamp.unix(number)
        } else {
            date = Timestamp.parse(try container.decode(String.self))
        }
    }
}
