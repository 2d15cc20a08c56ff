import Foundation

/// Twitter API v2: a search response (`data` as a list, `includes.users` with
/// `public_metrics`), one per file or one per line as collection tools write them, a
/// filtered-stream line (`data` as one tweet), or twarc2's flattened tweet (the tweet
/// with its `author` folded in). A long tweet's full text is in `note_tweet.text`; a
/// tweet whose author is not included is kept with the author unknown by name.
struct TwitterV2Format {
    struct Tweet: Decodable {
        struct Reference: Decodable {
            var type: String
            var id: String
        }

        struct Entities: Decodable {
            struct Mention: Decodable { var username: String }
            struct Hashtag: Decodable { var tag: String }
            var mentions: [Mention]?
            var hashtags: [Hashtag]?
        }

        struct NoteTweet: Decodable { var text: String }

        var id: String
        var text: String
        /// Only there when the request asked for it (`tweet.fields=author_id`).
        var author_id: String?
        /// Only there when the request asked for it; else the time is in the id.
        var created_at: String?
        var conversation_id: String?
        var lang: String?
        var referenced_tweets: [Reference]?
        var entities: Entities?
        var note_tweet: NoteTweet?
        /// twarc2's flattened tweets carry their author here.
        var author: User?
        /// The ids of every version, the first one the original.
        var edit_history_tweet_ids: [String]?
    }

    struct User: Decodable {
        struct Metrics: Decodable { var followers_count: Int }
        var id: String
        var name: String
        var username: String
        var verified: Bool?
        var public_metrics: Metrics?
    }

    struct Includes: Decodable { var users: [User]? }

    /// `data` is a list in responses and one tweet in stream lines.
    enum Tweets: Decodable {
        case one(Tweet)
        case many([Tweet])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let many = try? container.decode([Tweet].self) { self = .many(many); return }
            if let one = try? container.decode(Tweet.self) { self = .one(one); return }
            // Neither: decode as a list again to report the first field that is wrong.
            if (try? container.decode([IgnoredValue].self)) != nil { self = .many(try container.decode([Tweet].self)) }
            else { self = .one(try container.decode(Tweet.self)) }
        }
    }

    struct Response: Decodable {
        var data: Tweets?
        var includes: Includes?
    }

    let check: RecordCheck

    func records(in json: Data) -> [DecodedRecord] {
        if let keys = MentionFormat.firstObjectKeys(json), keys.contains("author_id"), !keys.contains("data") {
            return DecodedRecord.decoding(Tweet.self, from: json) { tweet in
                let users = tweet.author.map { [$0.id: $0] } ?? [:]
                return [DecodedRecord(record(tweet, users: users, path: "record"))]
            }
        }
        return DecodedRecord.decoding(Response.self, from: json, records(in:))
    }

    private func records(in response: Response) -> [DecodedRecord] {
        let users = Dictionary((response.includes?.users ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        switch response.data {
        case nil: return []
        case .one(let tweet): return [DecodedRecord(record(tweet, users: users, path: "data"))]
        case .many(let tweets):
            return tweets.enumerated().map { index, tweet in
                DecodedRecord(path: "data[\(index)]", record(tweet, users: users, path: "data[\(index)]"))
            }
        }
    }

    private func record(_ tweet: Tweet, users: [String: User], path: String) -> ImportedRecord {
        let references = tweet.referenced_tweets ?? []
        if references.contains(where: { $0.type == "retweeted" }) { return .skipped(.retweet) }
        // A page without `includes` (or a user left out of it) still holds a customer's
        // tweet: kept with the author unknown by name.
        let authorID = tweet.author_id ?? "unknown"
        let user = users[authorID] ?? User(id: authorID, name: "unknown (\(authorID))", username: authorID)
        guard let postedAt = tweet.created_at.map(Timestamp.parse) ?? Self.snowflakeTime(tweet.id) else {
            return .rejected(ImportProblem("\(path).created_at", """
                not a time: \(ImportProblem.quoted(tweet.created_at ?? "")), and the id holds none
                """))
        }
        let channel = check.twitterChannel(mentioning: (tweet.entities?.mentions ?? []).map { $0.username }, hasHashtags: !(tweet.entities?.hashtags ?? []).isEmpty)
        let mention = Mention(
            platform: .twitter, channel: channel, id: tweet.id, conversationID: tweet.conversation_id,
            inReplyToID: references.first { $0.type == "replied_to" }?.id,
            author: Author(handle: user.username, name: user.name, followers: user.public_metrics?.followers_count ?? 0,
                           verified: user.verified ?? false),
            text: HTMLEntities.decode(tweet.note_tweet?.text ?? tweet.text), postedAt: postedAt, language: tweet.lang,
            link: "https://twitter.com/\(user.username)/status/\(tweet.id)")
        let record = check.record(mention)
        if case .mention(let edited) = record, let original = tweet.edit_history_tweet_ids?.first, original != tweet.id {
            return .edited(original: original, edited)
        }
        return record
    }
}

extension TwitterV2Format {
    /// Twitter's epoch for snowflake ids: 2010-11-04T01:42:54.657Z, in milliseconds.
    static let snowflakeEpoch: UInt64 = 1_288_834_974_657

    /// When a tweet was posted, from its id (a snowflake: milliseconds since Twitter's
    /// epoch in all but the low 22 bits); nil for an id that is no snowflake.
    static func snowflakeTime(_ id: String) -> Date? {
        guard let value = UInt64(id), value >> 22 > 0 else { return nil }
        let (milliseconds, overflow) = (value >> 22).addingReportingOverflow(snowflakeEpoch)
        guard !overflow else { return nil }
        return Timestamp.unix(Double(milliseconds) / 1000)
    }
}

/// Any JSON value, decoded only to learn that it is there.
struct IgnoredValue: Decodable {
    init(from decoder: Decoder) throws {}
}
