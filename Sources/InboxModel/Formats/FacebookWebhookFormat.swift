import Foundation

/// Facebook Graph webhook deliveries for a page (`object: "page"`): comments and visitor
/// posts on the page feed (`field: "feed"`) and mentions of the page (`field: "mention"`),
/// each in `entry[].changes[].value`. One delivery per file or per line. Reactions,
/// shares, edits and removals are skipped; so is anything the page itself wrote.
/// Webhooks carry no follower counts: authors get 0.
struct FacebookWebhookFormat {
    struct Delivery: Decodable {
        var object: String?
        var entry: [Entry]
    }

    struct Entry: Decodable {
        /// The page's id.
        var id: String
        var changes: [Change]?
    }

    struct Change: Decodable {
        var field: String
        var value: Value
    }

    struct Value: Decodable {
        struct From: Decodable {
            var id: String
            var name: String?
        }

        var item: String?
        var verb: String?
        var from: From?
        var sender_id: String?
        var sender_name: String?
        var comment_id: String?
        var post_id: String?
        var parent_id: String?
        var message: String?
        var created_time: CreatedTime?
    }

    /// Unix seconds in feed changes, an ISO string in some deliveries.
    enum CreatedTime: Decodable {
        case seconds(Double)
        case text(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) { self = .seconds(seconds) } else {
                self = .text(try container.decode(String.self))
            }
        }

        var date: Date? {
            switch self {
            case .seconds(let seconds): Date(timeIntervalSince1970: seconds)
            case .text(let text): Timestamp.parse(text)
            }
        }
    }

    let check: RecordCheck

    func records(in json: Data) -> [DecodedRecord] {
        DecodedRecord.decoding(Delivery.self, from: json, records(in:))
    }

    private func records(in delivery: Delivery) -> [DecodedRecord] {
        var records: [DecodedRecord] = []
        for (e, entry) in delivery.entry.enumerated() {
            for (c, change) in (entry.changes ?? []).enumerated() {
                let path = "entry[\(e)].changes[\(c)]"
                records.append(DecodedRecord(path: path, record(change, page: entry.id, path: path + ".value")))
            }
        }
        return records
    }

    private func record(_ change: Change, page: String, path: String) -> ImportedRecord {
        let value = change.value
        guard change.field == "feed" || change.field == "mention", value.verb ?? "add" == "add",
              ["comment", "post", "status"].contains(value.item ?? "") else { return .skipped(.notSaid) }
        guard let authorID = value.from?.id ?? value.sender_id else {
            return .rejected(ImportProblem("\(path).from", "missing"))
        }
        if authorID == page { return .skipped(.ownPost) }
        let isComment = value.item == "comment"
        guard let id = isComment ? value.comment_id : value.post_id else {
            return .rejected(ImportProblem("\(path).\(isComment ? "comment_id" : "post_id")", "missing"))
        }
        guard let message = value.message else { return .rejected(ImportProblem("\(path).message", "missing")) }
        guard let postedAt = value.created_time?.date else {
            return .rejected(ImportProblem("\(path).created_time", "missing or not a time"))
        }
        let channel: MentionChannel = change.field == "mention" ? .publicMention : isComment ? .comment : .publicMention
        let parent = value.parent_id.flatMap { $0 == value.post_id ? nil : $0 } ?? (isComment ? value.post_id : nil)
        let mention = Mention(
            platform: .facebook, channel: channel, id: id, conversationID: value.post_id, inReplyToID: parent,
            author: Author(handle: authorID, name: value.from?.name ?? value.sender_name ?? authorID, followers: 0),
            text: message, postedAt: postedAt,
            link: value.post_id.map { "https://www.facebook.com/\($0)" + (isComment ? "?comment_id=\(id)" : "") })
        return check.record(mention)
    }
}
