
/// What one record of an import file turned out to be.
public enum ImportedRecord: Equatable, Sendable {
    case mention(Mention)
    /// Not a mention to answer; counted, not imported.
    case skipped(SkipReason)
    /// Unreadable: which field, and what is wrong with it.
    case rejected(ImportProblem)
    /// The platform says its author deleted this post (a v1.1 `delete` notice, a v2
    /// compliance deletion): a copy we hold loses its words and its author's details, as
    /// the platform's terms require. Counted as a platform notice.
    case deleted(Platform, id: String)
    /// A new version of post `original` (a v2 tweet whose `edit_history_tweet_ids` starts
    /// elsewhere): the copy we hold takes its words, the earlier ones kept in its case's
    /// history; one we do not hold goes in as a mention of its own.
    case edited(original: String, Mention)
    /// A reply we posted outside webcare (a Twitter archive): put on the case of the post
    /// it answers, as a posted reply; counted as an own post when the inbox does not hold that.
    case ourReply(OurReply)
}

/// Why a well-formed record is not a mention to answer.
public enum SkipReason: String, CaseIterable, Sendable {
    /// A retweet repeats someone else's words; the original is the mention.
    case retweet
    /// The organisation's own post or reply.
    case ownPost = "own post"
    /// A like, share, edit or removal: nothing was said to us.
    case notSaid = "reaction or edit"
    /// A stream's control message (a limit, a disconnect, a deletion): about the feed,
    /// not from a customer.
    case platformNotice = "platform notice"
    /// A well-formed record of a kind that holds no mention (a delivery receipt, a
    /// profile change).
    case notMention = "not a mention"
}

/// A field of a record and what is wrong with it, for `file:line: field: what`.
public struct ImportProblem: Equatable, Sendable, Error, CustomStringConvertible {
    /// Dotted path of the field in the record, e.g. `author.followers` or `data[2].author_id`.
    public var field: String
    public var what: String

    public init(_ field: String, _ what: String) {
        self.field = field
        self.what = what
    }

    public var description: String { "\(field): \(what)" }

    /// `value` as an error message quotes it: between single quotes, as it was written,
    /// every control and bidi override shown as a placeholder, cut to 80 characters.
    public static func quoted(_ value: String) -> String {
        let visible = VisibleText.line(value)
        return "'" + (visible.count > 80 ? visible.prefix(79) + "…" : visible) + "'"
    }
}

/// One record found in a line (or document) of input: where in it, and what it is.
public struct DecodedRecord: Equatable, Sendable {
    /// The record's place within its line when a line holds several (a v2 response
    /// page, a webhook delivery), such as `data[3]`; nil when the line is the record.
    public var path: String?
    public var result: ImportedRecord

    public init(path: String? = nil, _ result: ImportedRecord) {
        self.path = path
        self.result = result
    }
}
