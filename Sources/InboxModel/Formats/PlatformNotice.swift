/// A stream's message about the feed rather than from a customer, told by its top-level
/// keys: Twitter v1.1 stream notices (`delete`, `limit`, `disconnect`, `warning`,
/// `friends` …), a v2 stream's operational `errors`. Skipped and counted, never rejected:
/// a capture of a stream is full of them.
public struct PlatformNotice: Equatable, Sendable {
    /// The key that told it.
    public var kind: String

    static let keys: Set<String> = [
        "delete", "scrub_geo", "limit", "status_withheld", "user_withheld", "disconnect", "warning", "friends",
        "friends_str", "event", "control", "errors", "for_user", "direct_message_events_indicate_typing",
    ]

    /// The notice a record with these top-level keys is, or nil when it is something else
    /// (a record that also holds a tweet or a delivery is that, not a notice).
    public init?(keys: Set<String>) {
        guard !keys.contains("data"), !keys.contains("entry"), !keys.contains("user"), !keys.contains("platform"),
              let kind = keys.intersection(Self.keys).sorted().first else { return nil }
        self.kind = kind
    }

    var reason: SkipReason { .platformNotice }
}
