import Foundation

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

extension PlatformNotice {
    /// The tweet a deletion notice names: v1.1 `{"delete": {"status": {"id_str": …}}}`,
    /// v2 compliance `{"data": {"delete": {"tweet": {"id": …}}}}`; nil for anything else.
    /// Looked for only in lines that say `"delete"`, so other lines cost one byte search.
    static func deletedTweet(in json: Data) -> String? {
        guard json.range(of: Data("\"delete\"".utf8)) != nil,
              let object = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else { return nil }
        let delete = (object["delete"] as? [String: Any])
            ?? ((object["data"] as? [String: Any])?["delete"] as? [String: Any])
        guard let delete else { return nil }
        let target = (delete["status"] as? [String: Any]) ?? (delete["tweet"] as? [String: Any])
        if let id = target?["id_str"] as? String ?? target?["id"] as? String { return id }
        return (target?["id"] as? NSNumber).map { $0.stringValue }
    }
}
