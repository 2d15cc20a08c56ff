import Foundation

/// The file formats `import` and `replay` read, as named with `--format`.
public enum MentionFormat: String, CaseIterable, Sendable {
    /// The project's own JSON Lines (docs/formats.md).
    case webcare
    case twitterV2 = "twitter-v2"
    case twitterV1 = "twitter-v1"
    case facebook
    case linkedin
    /// A Twitter archive's `tweets.js`: our own tweets, the replies among them linked to
    /// the cases they answer.
    case twitterArchive = "twitter-archive"
    case csv

    /// Whether input starting with `firstLine` is CSV: a `.csv` file, or a first line
    /// that is not JSON.
    static func isCSV(firstLine: ArraySlice<UInt8>, fileName: String) -> Bool {
        if fileName.lowercased().hasSuffix(".csv") { return true }
        let first = firstLine.first { $0 != 0x20 && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        return first != 0x7B && first != 0x5B
    }

    /// The JSON format of a record, a line or a whole document, by the keys of its first
    /// object: `platform` is ours; `data` or `includes` v2, `author_id` twarc2's flattened
    /// tweet; `user` a v1.1 status, `statuses` or `results` a v1.1 or premium search page;
    /// `entry` a Meta delivery; `elements`, `actor` with `message`, or `action` with
    /// `generatedActivity` LinkedIn. Nil for none of them.
    static func format(forKeys keys: Set<String>) -> MentionFormat? {
        if keys.contains("platform") { return .webcare }
        if keys.contains("data") || keys.contains("includes") { return .twitterV2 }
        if keys.contains("entry") { return .facebook }
        if keys.contains("user") && (keys.contains("id_str") || keys.contains("created_at")) { return .twitterV1 }
        if keys.contains("statuses") || keys.contains("results") { return .twitterV1 }
        if keys.contains("elements") || (keys.contains("actor") && keys.contains("message"))
            || (keys.contains("action") && keys.contains("generatedActivity")) { return .linkedin }
        // twarc2's flattened tweets: the v2 tweet with its author folded in.
        if keys.contains("author_id") && keys.contains("text") { return .twitterV2 }
        return nil
    }

    /// The keys of the first object in `json`, which is an object or a list of them.
    static func firstObjectKeys(_ json: Data) -> Set<String>? {
        guard let value = try? JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed]) else { return nil }
        if let object = value as? [String: Any] { return Set(object.keys) }
        if let list = value as? [Any], let object = list.first as? [String: Any] { return Set(object.keys) }
        return nil
    }
}
