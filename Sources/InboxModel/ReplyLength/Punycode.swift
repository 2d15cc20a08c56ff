/// The length of a domain label once IDNA-encoded (RFC 3492 punycode behind `xn--`).
/// twitter-text rejects URLs whose host has a label longer than 63 encoded characters,
/// so a label of 20 CJK characters passes while one of 60 does not.
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
    private static let initialBias = 72, initialN: UInt32 = 0x80

    /// Encoded length of `label`: its own length when it is ASCII, else `xn--` plus the
    /// punycode encoding. Nil only on arithmetic overflow (absurdly long labels).
    static func encodedLength<Label: Collection<UInt32>>(of label: Label) -> Int? {
        let basicCount = label.reduce(0) { $0 + ($1 < 0x80 ? 1 : 0) }
        if basicCount == label.count { return label.count }
        var output = basicCount + (basicCount > 0 ? 1 : 0)
        var n = initialN, delta = 0, bias = initialBias, handled = basicCount
        while handled < label.count {
            guard let m = label.lazy.filter({ $0 >= n }).min() else { return nil }
            let (step, overflow) = Int(m - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow, delta <= Int.max - step else { return nil }
            delta += step
            n = m
            for c in label {
                if c < n { delta += 1 }
                if c == n {
                    var q = delta, k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output += 1
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output += 1
                    bias = adapt(delta: delta, count: handled + 1, first: handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return 4 + output
    }

    private static func adapt(delta: Int, count: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
