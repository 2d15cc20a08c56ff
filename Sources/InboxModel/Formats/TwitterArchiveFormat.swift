import Foundation

/// A Twitter archive's `tweets.js` (`window.YTD.tweets.part0 = [{"tweet": {…}}, …]`):
/// the organisation's own tweets. They are not mentions; a reply among them is one we
/// sent before webcare, and goes on the case of the tweet it answers, so a customer
/// answering it joins that case as they would an answer to a reply sent from webcare.
/// The rest is counted as own posts.
struct TwitterArchiveFormat {
    struct Item: Decodable { var tweet: Tweet }

    struct Tweet: Decodable {
        var id_str: String
        var full_text: String?
        var text: String?
        var created_at: String
        var in_reply_to_status_id_str: String?
    }

    /// The part of a `tweets.js` line before its JSON: `window.YTD.tweets.part0 = `.
    static func jsonStart(of line: ArraySlice<UInt8>) -> ArraySlice<UInt8>.Index? {
        guard line.starts(with: Array("window.YTD.".utf8)), let equals = line.firstIndex(of: 0x3D) else { return nil }
        return line.index(after: equals)
    }

    func records(in json: Data) -> [DecodedRecord] {
        DecodedRecord.decoding([Item].self, from: json) { items in
            items.enumerated().map { index, item in
                DecodedRecord(path: "[\(index)].tweet", record(item.tweet, path: "[\(index)].tweet."))
            }
        }
    }

    private func record(_ tweet: Tweet, path: String) -> ImportedRecord {
        guard let reply = tweet.in_reply_to_status_id_str else { return .skipped(.ownPost) }
        guard let postedAt = Timestamp.parse(tweet.created_at) else {
            return .rejected(ImportProblem("\(path)created_at", "not a time: \(ImportProblem.quoted(tweet.created_at))"))
        }
        let text = HTMLEntities.decode(tweet.full_text ?? tweet.text ?? "")
        return .ourReply(OurReply(platform: .twitter, postedID: tweet.id_str, answers: reply, text: text, postedAt: postedAt))
    }
}

/// A reply the organisation posted outside webcare (found in an archive): the platform's
/// id for it, the post it answers, its words and time.
public struct OurReply: Equatable, Sendable {
    public var platform: Platform
    public var postedID: String
    public var answers: String
    public var text: String
    public var postedAt: Date
}
