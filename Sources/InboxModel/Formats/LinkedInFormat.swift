import Foundation

/// LinkedIn's Community Management API, as it returns them: comment objects
/// (`socialActions/{urn}/comments`: `actor` URN, `message.text`, `created.time` in
/// milliseconds, `object` the post, `parentComment` for a reply) and organization
/// social-action notifications (`organizationalEntityNotifications`: `action`,
/// `sourcePost`, `generatedActivity`, the comment or mention in
/// `decoratedGeneratedActivity`). One per line, or a page of them in `elements`.
///
/// The API gives members by URN, not by name: the author's handle is the URN's id and
/// the name says it is unknown. Likes and shares without words are skipped.
struct LinkedInFormat {
    struct Page: Decodable { var elements: [Element] }

    /// A comment object or a notification; which one its keys say.
    struct Element: Decodable {
        struct Stamp: Decodable {
            var time: FlexibleTime?
            var actor: String?
        }

        struct Message: Decodable { var text: String? }

        struct Decorated: Decodable {
            struct Comment: Decodable {
                var fullText: String?
                var text: String?
                var owner: String?
                var actor: String?
            }

            var comment: Comment?
            var share: Comment?
        }

        // Comment objects.
        var actor: String?
        var id: FlexibleID?
        var commentUrn: String?
        var message: Message?
        var object: String?
        var parentComment: String?
        var created: Stamp?
        // Notifications.
        var action: String?
        var sourcePost: String?
        var generatedActivity: String?
        var lastModifiedAt: FlexibleTime?
        var decoratedGeneratedActivity: Decorated?
    }

    let check: RecordCheck

    func records(in json: Data) -> [DecodedRecord] {
        if let keys = MentionFormat.firstObjectKeys(json), keys.contains("elements") {
            return DecodedRecord.decoding(Page.self, from: json) { page in
                page.elements.enumerated().map {
                    DecodedRecord(path: "elements[\($0)]", record($1, path: "elements[\($0)]."))
                }
            }
        }
        return DecodedRecord.decoding(Element.self, from: json) { [DecodedRecord(record($0, path: ""))] }
    }

    private func record(_ element: Element, path: String) -> ImportedRecord {
        if let action = element.action { return notification(element, action: action, path: path) }
        guard let actor = element.actor ?? element.created?.actor else {
            return .rejected(ImportProblem("\(path)actor", "missing"))
        }
        guard let id = element.commentUrn ?? element.id?.text else {
            return .rejected(ImportProblem("\(path)id", "missing"))
        }
        guard let text = element.message?.text, !text.isEmpty else {
            return .rejected(ImportProblem("\(path)message.text", "missing"))
        }
        guard let postedAt = element.created?.time?.date else {
            return .rejected(ImportProblem("\(path)created.time", "missing or not a time"))
        }
        return check.record(mention(id: id, actor: actor, text: text, postedAt: postedAt, post: element.object,
                                    parent: element.parentComment))
    }

    private func notification(_ element: Element, action: String, path: String) -> ImportedRecord {
        guard ["COMMENT", "SHARE_MENTION", "COMMENT_MENTION", "ADMIN_COMMENT"].contains(action) else {
            return .skipped(.notSaid)
        }
        let said = element.decoratedGeneratedActivity?.comment ?? element.decoratedGeneratedActivity?.share
        guard let id = element.generatedActivity else {
            return .rejected(ImportProblem("\(path)generatedActivity", "missing"))
        }
        guard let postedAt = element.lastModifiedAt?.date else {
            return .rejected(ImportProblem("\(path)lastModifiedAt", "missing or not a time"))
        }
        let actor = said?.owner ?? said?.actor ?? "unknown"
        let text = (said?.fullText ?? said?.text).flatMap { $0.isEmpty ? nil : $0 }
            ?? "(the notification holds no text: open it on LinkedIn to read it)"
        let mention = mention(id: id, actor: actor, text: text, postedAt: postedAt, post: element.sourcePost, parent: nil)
        return action == "ADMIN_COMMENT" ? .skipped(.ownPost) : check.record(mention)
    }

    private func mention(id: String, actor: String, text: String, postedAt: Date, post: String?, parent: String?)
        -> Mention {
        let handle = actor.split(separator: ":").last.map(String.init) ?? actor
        return Mention(
            platform: .linkedin, channel: .comment, id: id, conversationID: post, inReplyToID: parent ?? post,
            author: Author(handle: handle, name: "unknown (\(actor))", followers: 0), text: text, postedAt: postedAt,
            link: post.map { "https://www.linkedin.com/feed/update/\($0)" })
    }
}
