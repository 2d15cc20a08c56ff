/// Finds the top-level domain twitter-text would accept at a position: one of
/// `TopLevelDomains` followed by something that is not `[0-9a-zA-Z@+-]`, or a punycode
/// label (`xn--…`). Matching ignores case, as the reference regex does.
struct TopLevelDomainMatcher: Sendable {
    static let shared = TopLevelDomainMatcher()

    /// ASCII TLDs of up to 12 letters, packed five bits a letter into one integer, with
    /// their rank in the regex alternation (which decides between candidates).
    private let shortASCII: PackedNameTable
    private let longASCII: [String: Int]
    private let longestASCII: Int
    /// TLDs with a non-ASCII letter (中国, vermögensberatung) by first scalar.
    private let nonASCII: [UInt32: [(scalars: [UInt32], rank: Int)]]
    /// Bit `c` set when such a TLD starts with ASCII `c`, so most positions skip the lookup.
    private let asciiStartsOfNonASCII: (low: UInt64, high: UInt64)

    private init() {
        var short: [UInt64: Int] = [:], long: [String: Int] = [:]
        var other: [UInt32: [(scalars: [UInt32], rank: Int)]] = [:]
        for (rank, name) in (TopLevelDomains.generic + TopLevelDomains.country).enumerated() {
            let scalars = name.unicodeScalars.map(\.value)
            if scalars.allSatisfy({ $0 < 0x80 }) {
                if let key = Self.pack(scalars) { short[key] = rank } else { long[name] = rank }
            } else {
                other[scalars[0], default: []].append((scalars, rank))
            }
        }
        shortASCII = PackedNameTable(short)
        longASCII = long
        longestASCII = long.keys.map(\.count).max() ?? 0
        nonASCII = other
        var starts: (low: UInt64, high: UInt64) = (0, 0)
        for first in other.keys where first < 0x80 {
            if first < 64 { starts.low |= 1 << first } else { starts.high |= 1 << (first - 64) }
        }
        asciiStartsOfNonASCII = starts
    }

    /// Packs lower-case ASCII letters into an integer key; nil when too long or not letters.
    private static func pack<Letters: Collection<UInt32>>(_ letters: Letters) -> UInt64? {
        guard letters.count <= 12 else { return nil }
        var key: UInt64 = 0
        for c in letters {
            let lower = c | 0x20
            guard lower &- 0x61 < 26 else { return nil }
            key = key << 5 | UInt64(lower - 0x60)
        }
        return key
    }

    /// The end of the TLD starting at `start`, looking no further than `limit` (where the
    /// text, or the domain being searched, ends); nil when none starts there.
    func match(_ s: UnsafeBufferPointer<UInt32>, at start: Int, limit: Int) -> Int? {
        guard start < limit else { return nil }
        var best = matchNonASCII(s, at: start, limit: limit)
        if s[start] < 0x80, let ascii = matchASCII(s, at: start, limit: limit),
           best.map({ ascii.rank < $0.rank }) ?? true {
            best = ascii
        }
        return best?.end ?? matchPunycode(s, at: start, limit: limit)
    }

    private func followsCleanly(_ s: UnsafeBufferPointer<UInt32>, _ end: Int, _ limit: Int) -> Bool {
        end >= limit || !URLCharacterClass.cannotFollowTLD(s[end])
    }

    private func matchASCII(_ s: UnsafeBufferPointer<UInt32>, at start: Int, limit: Int) -> (end: Int, rank: Int)? {
        var end = start
        while end < limit, URLCharacterClass.isASCIIAlphanumeric(s[end]) { end += 1 }
        guard end > start, followsCleanly(s, end, limit) else { return nil }
        let run = UnsafeBufferPointer(rebasing: s[start..<end])
        if run.count <= 12 {
            guard let key = Self.pack(run) else { return nil }
            return shortASCII.rank(of: key).map { (end, $0) }
        }
        guard run.count <= longestASCII, run.allSatisfy(URLCharacterClass.isASCIILetter) else {
            return nil
        }
        let name = String(String.UnicodeScalarView(s[start..<end].map { Unicode.Scalar($0 | 0x20)! }))
        return longASCII[name].map { (end, $0) }
    }

    /// `xn--[-0-9a-z]+`, taken greedily and without a lookahead, as the reference does.
    private func matchPunycode(_ s: UnsafeBufferPointer<UInt32>, at start: Int, limit: Int) -> Int? {
        guard start + 4 < limit, s[start] | 0x20 == 0x78, s[start + 1] | 0x20 == 0x6E,
              s[start + 2] == 0x2D, s[start + 3] == 0x2D else { return nil }
        var end = start + 4
        while end < limit, URLCharacterClass.isASCIIAlphanumeric(s[end]) || s[end] == 0x2D { end += 1 }
        return end > start + 4 ? end : nil
    }

    private func matchNonASCII(_ s: UnsafeBufferPointer<UInt32>, at start: Int, limit: Int) -> (end: Int, rank: Int)? {
        let first = URLCharacterClass.lowercased(s[start])
        if first < 0x80 {
            let bits = first < 64 ? asciiStartsOfNonASCII.low >> first : asciiStartsOfNonASCII.high >> (first - 64)
            guard bits & 1 == 1 else { return nil }
        }
        guard let candidates = nonASCII[first] else { return nil }
        var best: (end: Int, rank: Int)?
        for candidate in candidates where start + candidate.scalars.count <= limit {
            var matches = true
            for (offset, expected) in candidate.scalars.enumerated()
            where URLCharacterClass.lowercased(s[start + offset]) != expected {
                matches = false
                break
            }
            let end = start + candidate.scalars.count
            if matches, followsCleanly(s, end, limit), best.map({ candidate.rank < $0.rank }) ?? true {
                best = (end, candidate.rank)
            }
        }
        return best
    }
}

/// The short ASCII TLDs as an open-addressing table keyed by their packed letters: one
/// multiply to find the slot, where a `Dictionary` would run its seeded hash on every
/// dot of every reply.
struct PackedNameTable: Sendable {
    private let keys: [UInt64]
    private let ranks: [Int]
    private let shift: UInt64

    init(_ entries: [UInt64: Int]) {
        var bits: UInt64 = 1
        while 1 << bits < entries.count * 4 { bits += 1 }
        var keys = [UInt64](repeating: 0, count: 1 << bits), ranks = [Int](repeating: 0, count: 1 << bits)
        shift = 64 - bits
        for (key, rank) in entries {
            var slot = Self.slot(key, shift)
            while keys[slot] != 0 { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            ranks[slot] = rank
        }
        self.keys = keys
        self.ranks = ranks
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The rank stored for `key` (never 0: a packed name has at least one letter).
    func rank(of key: UInt64) -> Int? {
        var slot = Self.slot(key, shift)
        while true {
            let found = keys[slot]
            if found == key { return ranks[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }
}
