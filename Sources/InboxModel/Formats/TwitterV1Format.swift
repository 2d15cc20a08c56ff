import Foundation

/// Twitter API v1.1 statuses, one per line, a list in one file, or a search response
/// (`{"statuses": […]}`, premium search's `{"results": […]}`). The full text of a
/// long tweet is `extended_tweet.full_text` (or `full_text` in extended mode), never
/// the truncated `text`; `&amp; &lt; &gt;` are decoded.
struct TwitterV1Format {
    struct Status: Decodable {
        struct User: Decodable {
            var screen_name: String
            var name: String?
            var followers_count: Int?
            var verified: Bool?
        }

        struct Extended: Decodable { var full_text: String }

        struct Entities: Decodable {
            struct Mention: Decodable { var screen_name: String }
            struct Hashtag: Decodable { var text: String }
            var user_mentions: [Mention]?
            var hashtags: [Hashtag]?
        }

        var created_at: String
        var id_str: String?
        var id: Int64?
        var text: String?
        var full_text: String?
        var extended_tweet: Extended?
        var user: User
        var in_reply_to_status_id_str: String?
        var lang: String?
        var retweeted_status: IgnoredValue?
        var entities: Entities?
    }

    let check: RecordCheck

    /// A v1.1 search response (`statuses`) or a premium search page (`results`).
    struct SearchPage: Decodable {
        var statuses: [Status]?
        var results: [Status]?
    }

    func records(in json: Data) -> [DecodedRecord] {
        if json.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }) == 0x5B {
            return DecodedRecord.decoding([Status].self, from: json) { statuses in
                statuses.enumerated().map { DecodedRecord(path: "[\($0)]", record($1, path: "[\($0)].")) }
            }
        }
        if let keys = MentionFormat.firstObjectKeys(json), keys.contains("statuses") || keys.contains("results"),
           !keys.contains("user") {
            let list = keys.contains("statuses") ? "statuses" : "results"
            return DecodedRecord.decoding(SearchPage.self, from: json) { page in
                (page.statuses ?? page.results ?? []).enumerated().map {
                    DecodedRecord(path: "\(list)[\($0)]", record($1, path: "\(list)[\($0)]."))
                }
            }
        }
        return DecodedRecord.decoding(Status.self, from: json) { [DecodedRecord(record($0, path: ""))] }
    }

    private func record(_ status: Status, path: String) -> ImportedRecord {
        guard let id = status.id_str ?? status.id.map(String.init) else { return .rejected(ImportProblem("\(path)id_str", "missing")) }
        guard let text = status.extended_tweet?.full_text ?? status.full_text ?? status.text else {
            return .rejected(ImportProblem("\(path)text", "missing"))
        }
        guard let postedAt = Timestamp.parse(status.created_at) else {
            return .rejected(ImportProblem("\(path)created_at", "not a time: \(ImportProblem.quoted(status.created_at))"))
        }
        let channel = check.twitterChannel(mentioning: (status.entities?.user_mentions ?? []).map { $0.screen_name }, hasHashtags: !(status.entities?.hashtags ?? []).isEmpty)
        let user = status.user
        let mention = Mention(
            platform: .twitter, channel: channel, id: id, inReplyToID: status.in_reply_to_status_id_str,
            author: Author(handle: user.screen_name, name: user.name ?? user.screen_name,
                           followers: user.followers_count ?? 0, verified: user.verified ?? false),
            text: HTMLEntities.decode(text), postedAt: postedAt, language: status.lang,
            link: "https://twitter.com/\(user.screen_name)/status/\(id)")
        return check.record(mention, isRetweet: status.retweeted_status != nil)
    }
}
