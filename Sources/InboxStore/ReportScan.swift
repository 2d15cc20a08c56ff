import Foundation
import GRDB
import InboxModel

/// One pass over what a report reads of the mentions (`StoreOperations.report`): each
/// mention counted, each case's kept facts added to the builder, the cases to fold, the
/// later messages and positive cases to finish and the mentions to sample noted. A scan
/// may cover part of the rows (`scan(_:_:within:)`), and two such scans merge.
struct ReportScan {
    var builder: ReportBuilder
    let keeping: Bool
    /// The period's bounds as the queries name them.
    let bounds: [String: (any DatabaseValueConvertible)?]
    /// The mentions of the period and of the one before it, by number.
    var numbers: [Int64] = [], numbersBefore: [Int64] = []
    /// Some case's kept facts do not hold for the period: its log is to be folded.
    var folding = false
    /// Positive cases, added once their authors are read (the ambassadors).
    var positive: [CaseFacts] = []
    /// Customers' later messages in the period, added once their cases' kinds are read.
    var messages: [(case: Int64, mention: ReportMention)] = []

    init(builder: ReportBuilder, keeping: Bool) {
        self.builder = builder
        self.keeping = keeping
        let period = builder.period
        bounds = ["start": period.start.timeIntervalSince1970, "end": period.end.timeIntervalSince1970,
                  "earlier": period.previous.start.timeIntervalSince1970]
    }

    /// The two periods' mentions (from `:from` to `:to` of them when split).
    static let periods = "m.clock_from >= :from AND m.clock_from < :to"
    /// The cases opened before both periods and still open when the period started.
    static let openBefore = "m.clock_from < :earlier AND m.case_id IS NULL AND (m.closed_at IS NULL OR m.closed_at >= :start)"

    static let columns = selecting(["m.id", "m.clock_from", "m.platform", "m.channel", "m.case_id", "m.kind",
                                    "m.closed_at", "m.kind_confirmed", "m.suggested_kind", "m.report_at",
                                    "m.report_facts", "m.report_more"])

    /// Reads the rows `condition` selects; for `periods`, those from `within` (the whole
    /// of both periods when nil).
    mutating func scan(_ db: some SQLRunner, _ condition: String, within: (from: Date, to: Date)? = nil) throws {
        let range = within ?? (builder.period.previous.start, builder.period.end)
        let arguments = bounds.merging(["from": range.from.timeIntervalSince1970, "to": range.to.timeIntervalSince1970]) {
            old, _ in old
        }
        try db.forEachRow("SELECT \(Self.columns) FROM mention m WHERE \(condition)", arguments) { row in try read(row) }
    }

    /// Adds what `other` read (another part of the same report's rows, read later in
    /// order of time).
    mutating func merge(_ other: ReportScan) {
        builder.merge(other.builder)
        numbers += other.numbers
        numbersBefore += other.numbersBefore
        folding = folding || other.folding
        positive += other.positive
        messages += other.messages
    }

    var period: ReportPeriod { builder.period }

    /// Reads one row (the columns `report` selects, in order).
    mutating func read(_ row: some ColumnReader) throws {
        guard let number = row.integer(0), let clockFrom = row.real(1),
              let platform = row.value(2, Names.platforms), let channel = row.value(3, Names.channels)
        else { return }
        let openedAt = Date(timeIntervalSince1970: clockFrom)
        let inPeriod = period.contains(openedAt)
        let head = row.integer(4)
        if inPeriod {
            numbers.append(number)
            let mention = ReportMention(platform: platform, channel: channel, kind: row.value(5, Names.kinds),
                                        at: openedAt)
            if let head { messages.append((head, mention)) } else { builder.add(mention) }
        } else if openedAt < period.previous.end, openedAt >= period.previous.start {
            numbersBefore.append(number)
        }
        guard head == nil else { return }
        // A case opened before the period counts (in the backlog) if it was open when it started.
        if !inPeriod, openedAt >= period.start || (row.real(6).map { $0 < period.start.timeIntervalSince1970 } ?? false) {
            return
        }
        let lastAt = row.real(9)
        if !keeping || (lastAt ?? -.infinity) >= period.end.timeIntervalSince1970 {
            folding = true
            return
        }
        let confirmed = row.integer(7) == 1 ? row.value(5, Names.kinds) : nil
        let suggested = row.value(8, Names.kinds)
        // (Not `lastAt.map`: a closure in a mutating method would copy the whole scan.)
        let folded: FoldedFacts
        if let lastAt {
            folded = try Self.facts(row, confirmed: confirmed, lastAt: lastAt)
        } else {
            folded = FoldedFacts(openedAt: openedAt)
        }
        let fact = CaseFacts(number: number, openedAt: openedAt, platform: platform, channel: channel,
                             authorHandle: "", followers: 0, suggestedKind: suggested, folded: folded)
        if fact.kind == .positive { positive.append(fact) } else { builder.add(fact) }
    }

    /// The facts `ReportColumns` kept on the row (columns 9 to 11).
    private static func facts(_ row: some ColumnReader, confirmed: MentionKind?, lastAt: Double) throws -> FoldedFacts {
        let more = try row.text(11).map { json in
            do { return try JSONDecoder().decode(FoldedFacts.Rest.self, from: Data(json.utf8)) }
            catch { throw StoreError.corrupt(column: "mention.report_more", value: json) }
        }
        let facts = row.bytes(10) { bytes in
            ReportFactsBlob.decode(bytes, confirmedKind: confirmed, lastAt: Date(timeIntervalSince1970: lastAt),
                                   more: more)
        }
        guard let facts = facts ?? nil else {
            throw StoreError.corrupt(column: "mention.report_facts",
                                     value: row.bytes(10) { $0.map { String(format: "%02x", $0) }.joined() } ?? "NULL")
        }
        return facts
    }
}

/// What a report's rows hold in a few columns, matched without a string per row.
private enum Names {
    static let platforms = ColumnNames(Platform.self)
    static let channels = ColumnNames(MentionChannel.self)
    static let kinds = ColumnNames(MentionKind.self)
}
