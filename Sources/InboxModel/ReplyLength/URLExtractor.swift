/// A URL found in text, as offsets of Unicode scalars in the NFC-normalised text.
public struct URLEntity: Equatable, Sendable {
    public var start: Int
    public var end: Int
}

/// Finds URLs exactly where twitter-text's `extractUrlsWithIndices` finds them, without
/// running its regular expression.
///
/// The reference is a backtracking regex: a preceding character, an optional
/// `https?://`, a domain (sub-domains, a domain name, a TLD with a lookahead), an
/// optional port, path and query; then checks on host label and URL length, t.co slugs,
/// and, for scheme-less matches, a second search for ASCII-only domains inside the
/// match. This type walks the same grammar by hand. Every backtracking choice the regex
/// would make is decided the same way, but each label's outcome is computed once, so
/// time stays linear where the regex goes quadratic (a long run of CJK text with a dot
/// in it is a candidate start at every character).
struct URLExtractor {
    private let s: UnsafeBufferPointer<UInt32>
    private let n: Int

    /// Longest URL twitter-text accepts, scheme included, with the host punycode-encoded.
    static let maxURLLength = 4096
    static let maxTcoSlugLength = 40

    /// The run of label characters (`[domain chars _ -]`) last scanned.
    private var run = (start: -1, end: -1, lastUnderscore: -1)
    /// The label chain last computed: its first and last dotted label, and the deepest
    /// label that can be the domain name with the end of its TLD (see `chainEnd`).
    private var chain = (first: -1, last: -2, deepest: -1, end: -1)
    private var tldCache = (at: -1, end: Int?.none)
    /// The next dot a match could be built around (see `skipAhead`); positions before it
    /// are searched one by one.
    private var anchorDot = -1
    /// No dot lies before this index.
    private var firstDot = 0

    init(_ scalars: UnsafeBufferPointer<UInt32>) {
        s = scalars
        n = scalars.count
    }

    /// Every URL of the text, in order, given where its first `.` is. (Like the
    /// reference, callers skip text without one.)
    static func entities(in scalars: UnsafeBufferPointer<UInt32>, firstDot: Int) -> [URLEntity] {
        var extractor = URLExtractor(scalars)
        extractor.firstDot = firstDot
        return extractor.extract()
    }

    /// The regex's global search: the leftmost match from `position`, then on from its end,
    /// whether or not the match survives the checks that follow.
    mutating func extract() -> [URLEntity] {
        var entities: [URLEntity] = []
        var position = 0
        while let found = nextMatch(from: position) {
            position = found.end
            accept(found, into: &entities)
        }
        return entities
    }

    /// One regex match: where the URL starts, its parts, and the character before it.
    private struct Match {
        var start: Int
        var hasScheme: Bool
        var domain: Range<Int>
        var hasPath: Bool
        var end: Int
        var preceding: UInt32?
    }

    private mutating func nextMatch(from position: Int) -> Match? {
        var i = position
        while i < n {
            if i >= anchorDot {
                guard let skip = skipAhead(from: i) else { return nil }
                i = skip
            }
            // The regex tries to consume a preceding character first, then `^`.
            if URLCharacterClass.canPrecedeURL(s[i]), var found = match(at: i + 1) {
                found.preceding = s[i]
                return found
            }
            if i == 0, let found = match(at: 0) { return found }
            // No start inside a run of label characters can succeed unless the run ends in
            // a dot (a domain) or a colon (a scheme): skip the rest of the word.
            let next = i + 1
            if next > run.start, next < run.end, run.end >= n || (s[run.end] != 0x2E && s[run.end] != 0x3A) {
                i = run.end
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Every match holds a dot followed by a TLD (the one after its domain name), and
    /// starts at most a scheme and a preceding character before the run of label
    /// characters and dots that leads to that dot. So the search jumps to the first
    /// position that could reach the next such dot, or ends when there is none: most
    /// text before a URL, and every reply whose dots end sentences, is never tried.
    private mutating func skipAhead(from i: Int) -> Int? {
        var dot = max(i + 1, firstDot)  // a match tried at `i` starts after it (at 0 it cannot start with a dot)
        while true {
            while dot < n, s[dot] != 0x2E { dot += 1 }
            guard dot < n else { return nil }
            if tld(at: dot + 1) != nil { break }
            dot += 1
        }
        var runStart = dot
        while runStart > i, s[runStart - 1] == 0x2E || s[runStart - 1] == 0x2D || s[runStart - 1] == 0x5F
            || URLCharacterClass.isDomainCharacter(s[runStart - 1]) {
            runStart -= 1
        }
        anchorDot = dot
        return max(i, runStart - Self.longestSchemeAndPreceding)
    }

    /// `https://` and the character before it.
    private static let longestSchemeAndPreceding = 9

    /// A URL starting exactly at `start`: with a scheme if one fits, else without.
    private mutating func match(at start: Int) -> Match? {
        guard start < n else { return nil }
        if s[start] | 0x20 == 0x68, let schemeEnd = schemeEnd(at: start), let domainEnd = domain(at: schemeEnd) {
            return finish(start: start, hasScheme: true, domain: schemeEnd..<domainEnd)
        }
        guard let domainEnd = domain(at: start) else { return nil }
        return finish(start: start, hasScheme: false, domain: start..<domainEnd)
    }

    private func schemeEnd(at i: Int) -> Int? {
        guard i + 7 <= n, s[i] | 0x20 == 0x68, s[i + 1] | 0x20 == 0x74, s[i + 2] | 0x20 == 0x74,
              s[i + 3] | 0x20 == 0x70 else { return nil }
        var j = i + 4
        if s[j] | 0x20 == 0x73 { j += 1 }
        guard j + 3 <= n, s[j] == 0x3A, s[j + 1] == 0x2F, s[j + 2] == 0x2F else { return nil }
        return j + 3
    }

    /// Port, path and query after the domain; all optional, so this never fails.
    private func finish(start: Int, hasScheme: Bool, domain: Range<Int>) -> Match {
        var end = domain.upperBound
        if end + 1 < n, s[end] == 0x3A, URLCharacterClass.isASCIIDigit(s[end + 1]) {
            end += 2
            while end < n, URLCharacterClass.isASCIIDigit(s[end]) { end += 1 }
        }
        var hasPath = false
        if end < n, s[end] == 0x2F {
            hasPath = true
            end = pathEnd(from: end + 1)
        }
        end = queryEnd(at: end) ?? end
        return Match(start: start, hasScheme: hasScheme, domain: domain, hasPath: hasPath,
                     end: end, preceding: nil)
    }

    /// The path after its `/`. In the reference regex a path is a series of elements,
    /// each either path characters and parenthesised groups ending in a character allowed
    /// to end a path, or a lone parenthesised group (the regex splices its ending-character
    /// alternation in ungrouped). So the path reaches the last point where every element
    /// is complete: `/c.(x)` stops after `c`, `/c(x)` takes the group.
    private func pathEnd(from first: Int) -> Int {
        var i = first, bestEnd = first, complete = true
        while i < n {
            let c = s[i]
            if URLCharacterClass.isPathCharacter(c) {
                i += 1
                complete = URLCharacterClass.canEndPath(c)
            } else if c == 0x28, let close = balancedGroupEnd(at: i) {
                i = close
            } else {
                break
            }
            if complete { bestEnd = i }
        }
        return bestEnd
    }

    /// `\((?:gpc+|gpc*\(gpc+\)gpc*)\)`: a parenthesised group, nested at most once.
    private func balancedGroupEnd(at open: Int) -> Int? {
        let inner = skipPathCharacters(from: open + 1)
        guard inner < n else { return nil }
        if s[inner] == 0x29 { return inner > open + 1 ? inner + 1 : nil }
        guard s[inner] == 0x28 else { return nil }
        let nestedEnd = skipPathCharacters(from: inner + 1)
        guard nestedEnd > inner + 1, nestedEnd < n, s[nestedEnd] == 0x29 else { return nil }
        let tail = skipPathCharacters(from: nestedEnd + 1)
        guard tail < n, s[tail] == 0x29 else { return nil }
        return tail + 1
    }

    private func skipPathCharacters(from i: Int) -> Int {
        var j = i
        while j < n, URLCharacterClass.isPathCharacter(s[j]) { j += 1 }
        return j
    }

    /// `\?` then query characters up to the last one allowed to end a query.
    private func queryEnd(at i: Int, limit: Int? = nil) -> Int? {
        let limit = limit ?? n
        guard i < limit, s[i] == 0x3F else { return nil }
        var j = i + 1, end: Int?
        while j < limit, URLCharacterClass.isQueryCharacter(s[j]) {
            if URLCharacterClass.canEndQuery(s[j]) { end = j + 1 }
            j += 1
        }
        return end
    }

    // MARK: The domain

    /// The end of `subdomain* domainName tld` starting at `start`, choosing as the regex
    /// does: as many sub-domains as possible, then fewer.
    ///
    /// A label is a run of domain characters, `_` and `-` that starts and ends with a
    /// domain character and is followed by `.`; `_` is allowed in sub-domains only. So the
    /// first label either is a sub-domain followed by a working chain, or is the domain
    /// name followed by a TLD.
    private mutating func domain(at start: Int) -> Int? {
        guard URLCharacterClass.isDomainCharacter(s[start]) else { return nil }
        let label = labelRun(containing: start)
        guard label.end < n, s[label.end] == 0x2E,
              URLCharacterClass.isDomainCharacter(s[label.end - 1]) else { return nil }
        let next = label.end + 1
        if let end = chainEnd(at: next) { return end }
        guard label.lastUnderscore < start else { return nil }
        return tld(at: next)
    }

    /// The run of label characters containing `start`, remembered because the search tries
    /// many starts inside one run.
    private mutating func labelRun(containing start: Int) -> (end: Int, lastUnderscore: Int) {
        if start >= run.start, start < run.end { return (run.end, run.lastUnderscore) }
        let label = scanLabel(from: start)
        run = (start, label.end, label.lastUnderscore)
        return label
    }

    /// The end of the run of `[domain chars _ -]` from `start`, and its last `_` (-1: none).
    private func scanLabel(from start: Int) -> (end: Int, lastUnderscore: Int) {
        var end = start, lastUnderscore = -1
        while end < n {
            let c = s[end]
            if c == 0x5F {
                lastUnderscore = end
            } else if !(c == 0x2D || URLCharacterClass.isDomainCharacter(c)) {
                break
            }
            end += 1
        }
        return (end, lastUnderscore)
    }

    /// The greedy outcome for a chain of labels starting at `start` (just after a dot),
    /// computed for every label of the chain at once, right to left.
    ///
    /// From any label of a chain, the regex takes as many sub-domains as it can, so its
    /// domain name is the deepest label of the chain that can be one (no `_`, a TLD after
    /// its dot), whichever label it started from, provided it starts at or before it.
    /// One forward pass over the chain answers every start inside it.
    private mutating func chainEnd(at start: Int) -> Int? {
        if start < chain.first || start > chain.last {
            chain = (start, start - 1, -1, -1)
            var p = start
            while p < n, URLCharacterClass.isDomainCharacter(s[p]) {
                let (end, lastUnderscore) = scanLabel(from: p)
                let underscore = lastUnderscore >= 0
                guard end < n, s[end] == 0x2E, URLCharacterClass.isDomainCharacter(s[end - 1]) else { break }
                chain.last = p
                if !underscore, let tldEnd = tld(at: end + 1) { (chain.deepest, chain.end) = (p, tldEnd) }
                p = end + 1
            }
        }
        return start <= chain.deepest ? chain.end : nil
    }

    private mutating func tld(at start: Int) -> Int? {
        if tldCache.at == start { return tldCache.end }
        let end = TopLevelDomainMatcher.shared.match(s, at: start, limit: n)
        tldCache = (start, end)
        return end
    }

    // MARK: Checks after a match

    private func accept(_ found: Match, into entities: inout [URLEntity]) {
        guard hostFits(found) else { return }
        if found.hasScheme {
            if let tco = tcoEnd(found) {
                guard let end = tco else { return }
                entities.append(URLEntity(start: found.start, end: end))
            } else {
                entities.append(URLEntity(start: found.start, end: found.end))
            }
            return
        }
        if let preceding = found.preceding, URLCharacterClass.blocksSchemelessURL(preceding) { return }
        let domains = asciiDomains(in: found.domain)
        guard var last = domains.last else { return }
        entities.append(contentsOf: domains.dropLast())
        if found.hasPath { last.end = found.end }
        entities.append(last)
    }

    /// The host passes IDNA and the whole URL, scheme included (`https://` when it has
    /// none) and the host encoded, stays within 4,096 characters.
    private func hostFits(_ found: Match) -> Bool {
        guard let host = HostName.encodedLength(s[found.domain]) else { return false }
        let scheme = found.hasScheme ? found.domain.lowerBound - found.start : 8
        return scheme + host + (found.end - found.domain.upperBound) <= Self.maxURLLength
    }

    /// For `https?://t.co/slug` URLs: nil when this is not one; `.some(nil)` when the slug
    /// is too long (the URL is dropped); else where the t.co URL ends, since nothing may
    /// follow the slug but a query.
    private func tcoEnd(_ found: Match) -> Int?? {
        var i = found.domain.lowerBound
        guard i + 5 < found.end, s[i] | 0x20 == 0x74, s[i + 1] == 0x2E, s[i + 2] | 0x20 == 0x63,
              s[i + 3] | 0x20 == 0x6F, s[i + 4] == 0x2F else { return nil }
        i += 5
        let slugStart = i
        while i < found.end, URLCharacterClass.isASCIIAlphanumeric(s[i]) { i += 1 }
        guard i > slugStart else { return nil }
        if i - slugStart > Self.maxTcoSlugLength { return .some(nil) }
        if let query = queryEnd(at: i, limit: found.end) { i = query }
        return .some(i)
    }

    /// twitter-text's `validAsciiDomain` searched inside a scheme-less match:
    /// `([-a-z0-9 accented]+\.)+` then a TLD, with the domain's end as the text's end.
    private func asciiDomains(in domain: Range<Int>) -> [URLEntity] {
        var found: [URLEntity] = []
        var k = domain.lowerBound
        let limit = domain.upperBound
        while k < limit {
            guard URLCharacterClass.isASCIIDomainLabelCharacter(s[k]) else {
                k += 1
                continue
            }
            var tldStarts: [Int] = []
            var p = k, chainEnd = k
            while true {
                var end = p
                while end < limit, URLCharacterClass.isASCIIDomainLabelCharacter(s[end]) { end += 1 }
                chainEnd = end
                guard end > p, end < limit, s[end] == 0x2E else { break }
                tldStarts.append(end + 1)
                p = end + 1
            }
            var matched: Int?
            for start in tldStarts.reversed() {
                if let end = TopLevelDomainMatcher.shared.match(s, at: start, limit: limit) {
                    matched = end
                    break
                }
            }
            if let end = matched {
                found.append(URLEntity(start: k, end: end))
                k = end
            } else {
                // Every start inside this chain sees the same or fewer TLD candidates.
                k = max(chainEnd, k + 1)
            }
        }
        return found
    }
}

extension URLEntity {
    /// The URLs twitter-text extracts from `text` as given (not normalised), with offsets
    /// in Unicode scalars: what the counter weighs as 23 characters each.
    public static func all(in text: String) -> [URLEntity] {
        let scalars = text.unicodeScalars.map(\.value)
        guard let firstDot = scalars.firstIndex(of: 0x2E) else { return [] }
        return scalars.withUnsafeBufferPointer { URLExtractor.entities(in: $0, firstDot: firstDot) }
    }

    /// This URL's text within `text`.
    public func text(in text: String) -> String {
        let scalars = text.unicodeScalars
        let from = scalars.index(scalars.startIndex, offsetBy: start)
        let to = scalars.index(from, offsetBy: end - start)
        return String(scalars[from..<to])
    }
}
