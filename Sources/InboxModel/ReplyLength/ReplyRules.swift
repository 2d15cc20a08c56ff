/// How a channel counts the length of a reply, and how long it may be.
///
/// Twitter's rules are twitter-text configurations: NFC code points weighted by range,
/// every URL counted as a t.co link, and (in v3) emoji sequences counted once. The other
/// channels' composers are JavaScript text fields, so they count UTF-16 units (an emoji
/// outside the Basic Multilingual Plane counts 2) and leave URLs as written.
public struct ReplyRules: Sendable, Equatable {
    /// Short name used on the command line and in JSON (`v1`, `facebook`, …).
    public var name: String {
        switch source {
        case let .twitter(version): "v\(version)"
        case let .channel(channel): channel.rawValue
        }
    }
    /// Whose rules these are. Kept as a plain value rather than the name's string, so
    /// that the rules copy without reference counting on the counter's hot path.
    private let source: Source
    /// The most a reply may weigh, in characters; nil for no limit (e-mail).
    public let limit: Int?
    let scale: Int
    let defaultWeight: Int
    let weighting: Weighting
    /// Characters a URL counts for whatever its length; nil when URLs count as written.
    let transformedURLLength: Int?
    let emojiSequencesCountOnce: Bool
    let countsUTF16Units: Bool

    private enum Source: Equatable {
        case twitter(version: Int)
        case channel(ReplyChannel)
    }

    /// Which code points weigh other than `defaultWeight`. An enum rather than a list of
    /// ranges keeps the rules a plain value, copied without reference counting on the
    /// counter's hot path.
    enum Weighting: Sendable, Equatable {
        /// Every code point weighs `defaultWeight`.
        case uniform
        /// twitter-text v2/v3: U+0000–10FF (Latin, Greek, Cyrillic, Hebrew, Arabic, …) and
        /// some punctuation (U+2000–200D, 2010–201F, 2032–2037) weigh 100, the rest 200.
        case xLatinLight
    }

    /// twitter-text's version-1 configuration: the 140-character tweet the source documents
    /// are written for. Every code point counts 1, every URL 23.
    public static let twitterV1 = ReplyRules(
        source: .twitter(version: 1), limit: 140, scale: 1, defaultWeight: 1, weighting: .uniform,
        transformedURLLength: 23, emojiSequencesCountOnce: false, countsUTF16Units: false)

    /// twitter-text's version-2 configuration: 280, with CJK and most symbols weighing 2.
    public static let twitterV2 = ReplyRules(
        source: .twitter(version: 2), limit: 280, scale: 100, defaultWeight: 200, weighting: .xLatinLight,
        transformedURLLength: 23, emojiSequencesCountOnce: false, countsUTF16Units: false)

    /// twitter-text's version-3 configuration, what X counts today: v2 plus every emoji
    /// sequence (a family with joiners, a flag) counting as one wide character.
    public static let twitterV3 = ReplyRules(
        source: .twitter(version: 3), limit: 280, scale: 100, defaultWeight: 200, weighting: .xLatinLight,
        transformedURLLength: 23, emojiSequencesCountOnce: true, countsUTF16Units: false)

    /// A plain limit in UTF-16 units, as the other platforms' composers count.
    static func plain(_ channel: ReplyChannel, limit: Int?) -> ReplyRules {
        ReplyRules(source: .channel(channel), limit: limit, scale: 1, defaultWeight: 1, weighting: .uniform,
                   transformedURLLength: nil, emojiSequencesCountOnce: false, countsUTF16Units: true)
    }

    /// Whether a URL counts as a fixed-length t.co link under these rules.
    var shortensURLs: Bool { transformedURLLength != nil }

    @inline(__always)
    func weight(of c: UInt32) -> Int {
        if countsUTF16Units { return c >= 0x10000 ? 2 : 1 }
        switch weighting {
        case .uniform:
            return defaultWeight
        case .xLatinLight:
            let light = c <= 4351 || (8192...8205).contains(c) || (8208...8223).contains(c)
                || (8242...8247).contains(c)
            return light ? 100 : defaultWeight
        }
    }
}

/// Where a reply goes. Each channel has its own limit; Twitter's follows the chosen rules.
public enum ReplyChannel: String, CaseIterable, Codable, Sendable {
    case twitter
    case facebook
    case linkedin
    case instagram
    case dm
    case email

    /// What an agent reads in help and errors.
    public var summary: String {
        switch self {
        case .twitter: "Twitter/X public reply (140 under v1, 280 under v3)"
        case .facebook: "Facebook comment, 8,000 characters"
        case .linkedin: "LinkedIn comment, 1,250 characters"
        case .instagram: "Instagram comment, 2,200 characters"
        case .dm: "direct message, 10,000 characters"
        case .email: "e-mail, no limit"
        }
    }

    /// The rules for this channel; `twitterRules` applies to Twitter only.
    public func rules(twitterRules: ReplyRules = .twitterV1) -> ReplyRules {
        switch self {
        case .twitter: twitterRules
        case .facebook: .plain(self, limit: 8_000)
        case .linkedin: .plain(self, limit: 1_250)
        case .instagram: .plain(self, limit: 2_200)
        case .dm: .plain(self, limit: 10_000)
        case .email: .plain(self, limit: nil)
        }
    }
}
