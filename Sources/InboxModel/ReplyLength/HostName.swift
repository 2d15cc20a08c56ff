/// IDNA's view of a URL host, as twitter-text's Java implementation (what Twitter's
/// servers run) and its Python port apply it: labels split at `.` and the ideographic
/// full stops, each label nameprepped (deletions, lower case, prohibited characters, the
/// bidi rule) and punycode-encoded to 1…63 characters. The JavaScript port skips nameprep;
/// where they differ, this follows the servers.
///
/// Nameprep's NFKC step is left out: it changes an encoded label's length only for
/// compatibility characters (full-width letters), near the 63-character edge.
enum HostName {
    static let maxLabelLength = 63

    /// The host's encoded length, or nil when IDNA would reject it.
    static func encodedLength(_ host: Slice<UnsafeBufferPointer<UInt32>>) -> Int? {
        var total = 0, labelStart = host.startIndex
        for i in host.startIndex...host.endIndex where i == host.endIndex || isLabelSeparator(host.base[i]) {
            guard let length = encodedLabelLength(host.base[labelStart..<i]) else { return nil }
            total += length + (i == host.endIndex ? 0 : 1)
            labelStart = i + 1
        }
        return total
    }

    private static func isLabelSeparator(_ c: UInt32) -> Bool {
        c == 0x2E || c == 0x3002 || c == 0xFF0E || c == 0xFF61
    }

    private static func encodedLabelLength(_ label: Slice<UnsafeBufferPointer<UInt32>>) -> Int? {
        if label.allSatisfy({ $0 < 0x80 }) {
            return (1...maxLabelLength).contains(label.count) ? label.count : nil
        }
        // A label that claims to be punycode already cannot hold non-ASCII characters.
        if label.count > 4, label.prefix(4).map({ $0 | 0x20 }) == [0x78, 0x6E, 0x2D | 0x20, 0x2D | 0x20] {
            return nil
        }
        let prepared = label.filter { !contains(NameprepTables.mappedToNothing, $0) }.map(URLCharacterClass.lowercased)
        guard !prepared.contains(where: { contains(NameprepTables.prohibited, $0) }),
              followsBidiRule(prepared),
              let length = Punycode.encodedLength(of: prepared),
              (1...maxLabelLength).contains(length) else { return nil }
        return length
    }

    /// RFC 3454 section 6: a label with right-to-left characters has no left-to-right ones
    /// and starts and ends with a right-to-left character.
    private static func followsBidiRule(_ label: [UInt32]) -> Bool {
        guard label.contains(where: { contains(NameprepTables.rightToLeft, $0) }) else { return true }
        guard let first = label.first, let last = label.last else { return true }
        return !label.contains { contains(NameprepTables.leftToRight, $0) }
            && contains(NameprepTables.rightToLeft, first) && contains(NameprepTables.rightToLeft, last)
    }


    private static func contains(_ ranges: [ClosedRange<UInt32>], _ c: UInt32) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound < c { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].contains(c)
    }
}
