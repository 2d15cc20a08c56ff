import Foundation

/// How to read a spreadsheet export: which column is which field (`--map`), fields every
/// row shares (`--set platform=twitter`), the zone of times written without one
/// (`--timezone`), the layout of times in no common form (`--date-format`), and a preset
/// for the exports teams have (`--preset`).
public struct CSVOptions: Sendable {
    /// Column name → field name.
    public var mapping: [String: String]
    /// Field name → the value every row has, for fields the export leaves out.
    public var constants: [String: String]
    /// The zone of times written without one; nil: such a time is refused.
    public var timeZone: TimeZone?
    /// The layout of times no built-in form reads (`--date-format`).
    public var dateFormat: DateFormat?

    public init(mapping: [String: String] = [:], constants: [String: String] = [:], timeZone: TimeZone? = nil,
                dateFormat: DateFormat? = nil) {
        self.mapping = mapping
        self.constants = constants
        self.timeZone = timeZone
        self.dateFormat = dateFormat
    }

    /// The exports teams bring, by the name `--preset` takes.
    public enum Preset: String, CaseIterable, Sendable {
        /// twarc2's CSV (`twarc2 csv`), one tweet per row, column names as twarc writes them.
        case twarc
        /// The generic monitoring-tool export in `sample-data/formats/monitoring-export.csv`.
        case monitoring

        public var options: CSVOptions {
            switch self {
            case .twarc:
                CSVOptions(mapping: [
                    "conversation_id": "conversationID", "referenced_tweets.replied_to.id": "inReplyToID",
                    "referenced_tweets.retweeted.id": "retweetedID", "author.username": "author.handle",
                    "author.name": "author.name", "author.public_metrics.followers_count": "author.followers",
                    "author.verified": "author.verified", "created_at": "postedAt", "lang": "language",
                ], constants: ["platform": "twitter"])
            case .monitoring:
                CSVOptions(mapping: [
                    "Source": "platform", "Type": "channel", "Message ID": "id", "Thread": "conversationID",
                    "Author": "author.handle", "Author Name": "author.name", "Reach": "author.followers",
                    "Verified": "author.verified", "Message": "text", "Date": "postedAt", "Language": "language",
                    "URL": "link",
                ])
            }
        }
    }

    /// These options on top of `preset`'s: what is given by hand wins.
    public func over(_ preset: Preset) -> CSVOptions {
        let base = preset.options
        return CSVOptions(mapping: base.mapping.merging(mapping) { _, mine in mine },
                          constants: base.constants.merging(constants) { _, mine in mine },
                          timeZone: timeZone ?? base.timeZone, dateFormat: dateFormat ?? base.dateFormat)
    }
}
