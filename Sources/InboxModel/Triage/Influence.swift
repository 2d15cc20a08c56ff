/// Follower counts as an agent reads them at a glance: 12, 950, 3.4k, 48k, 2.1M.
public enum Influence {
    /// The most followers a record may claim: more than there are people. Imports
    /// reject more; the display below stays correct for any `Int` a database may hold.
    public static let mostFollowers = 10_000_000_000

    /// Rounded half up to one decimal of `size`, by division only, so no count can
    /// overflow (a database edited by hand may hold `Int.max`).
    public static func short(_ followers: Int) -> String {
        let n = max(0, followers)
        if n < 1000 { return String(n) }
        for (size, suffix) in [(1_000_000_000, "B"), (1_000_000, "M"), (1000, "k")] where n >= size {
            let tenth = size / 10
            let tenths = n / tenth + (n % tenth >= tenth / 2 ? 1 : 0)
            // 3.4k, but 48k and 120k: a decimal only while it adds information.
            if tenths < 100 { return "\(tenths / 10).\(tenths % 10)\(suffix)".replacingOccurrences(of: ".0\(suffix)", with: suffix) }
            return "\(n / size + (n % size >= size / 2 ? 1 : 0))\(suffix)"
        }
        return String(n)
    }
}
