import Foundation
import InboxModel

/// The kept facts of a case (`FoldedFacts` but its `more`) as one small binary value in
/// `mention.report_facts`: a report reads a million of them, and one column costs a
/// fraction of the eight it replaces (SQLite decodes every selected column of every row,
/// and each is a call to read).
///
/// Layout, little-endian: a version byte (1); a byte of flags saying which of first
/// response, current wait, closing and first reply are there; the outcome's place in
/// `outcomes` plus one (0: none); then eight bytes each for the first response (whole
/// seconds), the wait's start, the closing, the first reply's time and its handling's
/// start (seconds since 1970); then the first reply's agent, UTF-8, to the end.
enum ReportFactsBlob {
    static let version: UInt8 = 1
    static let header = 3
    static let length = header + 5 * 8

    /// Every outcome, in the order its byte names it.
    static let outcomes: [Outcome] = TeamReport.closedOrder + DismissReason.allCases.map(Outcome.noReply)

    private enum Flag: UInt8 {
        case first = 1, waiting = 2, closed = 4, reply = 8
    }

    static func encode(_ facts: FoldedFacts) -> [UInt8] {
        var flags: UInt8 = 0
        var bytes: [UInt8] = [version, 0, facts.outcome.flatMap { outcome in outcomes.firstIndex(of: outcome) }
            .map { UInt8($0 + 1) } ?? 0]
        func append(_ value: UInt64?, _ flag: Flag) {
            if value != nil { flags |= flag.rawValue }
            withUnsafeBytes(of: (value ?? 0).littleEndian) { bytes += $0 }
        }
        append(facts.firstResponse.map { UInt64(bitPattern: Int64($0)) }, .first)
        append(facts.waitingSince.map { $0.timeIntervalSince1970.bitPattern }, .waiting)
        append(facts.closedAt.map { $0.timeIntervalSince1970.bitPattern }, .closed)
        append(facts.firstReply.map { $0.at.timeIntervalSince1970.bitPattern }, .reply)
        append(facts.firstReply.map { $0.handlingFrom.timeIntervalSince1970.bitPattern }, .reply)
        bytes[1] = flags
        bytes += Array((facts.firstReply?.agent ?? "").utf8)
        return bytes
    }

    /// The facts in `bytes`, with what other columns hold; nil when they are not of this
    /// version or cut short.
    static func decode(_ bytes: UnsafeRawBufferPointer, confirmedKind: MentionKind?, lastAt: Date,
                       more: FoldedFacts.Rest?) -> FoldedFacts? {
        guard bytes.count >= length, bytes[0] == version else { return nil }
        let flags = bytes[1], outcome = Int(bytes[2])
        guard outcome <= outcomes.count else { return nil }
        func word(_ index: Int, _ flag: Flag) -> UInt64? {
            guard flags & flag.rawValue != 0 else { return nil }
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: header + 8 * index, as: UInt64.self))
        }
        func date(_ index: Int, _ flag: Flag) -> Date? {
            word(index, flag).map { Date(timeIntervalSince1970: Double(bitPattern: $0)) }
        }
        var reply: FoldedFacts.Reply?
        if let at = date(3, .reply), let from = date(4, .reply) {
            reply = FoldedFacts.Reply(agent: String(decoding: bytes[length...], as: UTF8.self), at: at, handlingFrom: from)
        }
        return FoldedFacts(confirmedKind: confirmedKind,
                           firstResponse: word(0, .first).map { Int(clamping: Int64(bitPattern: $0)) },
                           waitingSince: date(1, .waiting), outcome: outcome == 0 ? nil : outcomes[outcome - 1],
                           closedAt: date(2, .closed), firstReply: reply, lastAt: lastAt, more: more)
    }
}
