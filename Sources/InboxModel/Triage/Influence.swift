/// Follower counts as an agent reads them at a glance: 12, 950, 3.4k, 48k, 2.1M.
public enum Influence {
    public static func short(_ followers: Int) -> String {
        let n = max(0, followers)
        if n < 1000 { return String(n) }
        for (size, suffix) in [(1_000_000_000, "B"), (1_000_000, "M"), (1000, "k")] where n >= size {
            let tenths = (n * 10 + size / 2) / size
            // 3.4k, but 48k and 120k: a decimal only while it adds information.
            if tenths < 100 { return "\(tenths / 10).\(tenths % 10)\(suffix)".replacingOccurrences(of: ".0\(suffix)", with: suffix) }
            return "\((n + size / 2) / size)\(suffix)"
        }
        return String(n)
    }
}
