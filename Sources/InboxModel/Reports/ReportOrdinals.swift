/// Where a value stands among its type's cases, for the report's counters kept in arrays:
/// `allCases` makes a new array at every use, which a million cases feel.
enum ReportOrdinals {
    static let kinds = MentionKind.allCases
    static let platforms = Platform.allCases
    static let channels = MentionChannel.allCases
    static let homes = ReplyChannel.allCases
    static let reasons = DismissReason.allCases

    /// `kind`'s place in `TeamReport.kindOrder` (nobody classified it: last).
    static func kind(_ kind: MentionKind?) -> Int { kind.flatMap { kinds.firstIndex(of: $0) } ?? kinds.count }
    static func platform(_ platform: Platform) -> Int { platforms.firstIndex(of: platform) ?? 0 }
    static func channel(_ channel: MentionChannel) -> Int { channels.firstIndex(of: channel) ?? 0 }
    static func home(_ home: ReplyChannel) -> Int { homes.firstIndex(of: home) ?? 0 }
    static func reason(_ reason: DismissReason) -> Int { reasons.firstIndex(of: reason) ?? 0 }
}
