import InboxModel

/// What an import or replay did with the records it read.
public struct ImportTotals: Equatable, Sendable {
    public var imported = 0
    /// Already in the inbox (same platform and id): left as they were.
    public var duplicates = 0
    public var skipped: [SkipReason: Int] = [:]
    public var rejected = 0

    public init() {}

    public var skippedCount: Int { skipped.values.reduce(0, +) }

    public static func += (lhs: inout ImportTotals, rhs: ImportTotals) {
        lhs.imported += rhs.imported
        lhs.duplicates += rhs.duplicates
        lhs.rejected += rhs.rejected
        lhs.skipped.merge(rhs.skipped, uniquingKeysWith: +)
    }

    /// `72 imported, 3 duplicates, 2 skipped (1 retweet, 1 own post), 1 rejected`.
    public var summary: String {
        let reasons = SkipReason.allCases.compactMap { reason in skipped[reason].map { "\($0) \(reason.rawValue)" } }
        let skippedText = reasons.isEmpty ? "0 skipped" : "\(skippedCount) skipped (\(reasons.joined(separator: ", ")))"
        return "\(imported) imported, \(duplicates) duplicate\(duplicates == 1 ? "" : "s"), \(skippedText), \(rejected) rejected"
    }
}
