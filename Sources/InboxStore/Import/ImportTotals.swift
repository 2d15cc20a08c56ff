import InboxModel

/// What an import or replay did with the records it read.
public struct ImportTotals: Equatable, Sendable {
    public var imported = 0
    /// Of the imported: customers writing again, who joined their case.
    public var joined = 0
    /// Already in the inbox (same platform and id): left as they were.
    public var duplicates = 0
    /// New versions of posts the inbox holds: each took its words in place.
    public var edited = 0
    /// Our replies from an archive, put on the cases of the posts they answer.
    public var linked = 0
    public var skipped: [SkipReason: Int] = [:]
    public var rejected = 0

    public init() {}

    public var skippedCount: Int { skipped.values.reduce(0, +) }

    /// Every record read, each counted once: what the other figures add up to.
    public var read: Int { imported + duplicates + edited + linked + skippedCount + rejected }

    public static func += (lhs: inout ImportTotals, rhs: ImportTotals) {
        lhs.imported += rhs.imported
        lhs.joined += rhs.joined
        lhs.duplicates += rhs.duplicates
        lhs.edited += rhs.edited
        lhs.linked += rhs.linked
        lhs.rejected += rhs.rejected
        lhs.skipped.merge(rhs.skipped, uniquingKeysWith: +)
    }

    /// `78 read: 72 imported (4 joined their case), 3 duplicates, 2 skipped (1 retweet, 1 own
    /// post), 1 rejected`.
    public var summary: String {
        let reasons = SkipReason.allCases.compactMap { reason in skipped[reason].map { "\($0) \(reason.rawValue)" } }
        let skippedText = reasons.isEmpty ? "0 skipped" : "\(skippedCount) skipped (\(reasons.joined(separator: ", ")))"
        let joinedText = joined == 0 ? "" : " (\(joined) joined their case)"
        let editedText = (edited == 0 ? "" : ", \(edited) edited in place")
            + (linked == 0 ? "" : ", \(linked) of our replies linked to their case")
        return "\(read) read: \(imported) imported\(joinedText), \(duplicates) duplicate\(duplicates == 1 ? "" : "s")\(editedText), \(skippedText), \(rejected) rejected"
    }
}
