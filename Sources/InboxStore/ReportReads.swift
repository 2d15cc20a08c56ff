import Foundation
import GRDB
import InboxModel

extension StoreOperations {
    /// The report `builder` adds up for its period, in one pass over the mentions: the
    /// mentions of the period (counted) and of the one before it (a sample of their texts,
    /// for rising themes); the cases opened in the period and those still open when it
    /// started (over-read is harmless: the period's end decides), each with the facts its
    /// row keeps (`ReportColumns`) where they hold for the period, else with its log
    /// folded up to the period's end.
    ///
    /// With `keeping` false every case is folded from its log: the definition the kept
    /// facts must agree with (a test compares the two).
    static func report(_ db: some SQLRunner, _ builder: ReportBuilder, keeping: Bool = true) throws -> TeamReport {
        var builder = builder
        let period = builder.period
        let bounds: [String: (any DatabaseValueConvertible)?] = [
            "start": period.start.timeIntervalSince1970, "end": period.end.timeIntervalSince1970,
            "earlier": period.previous.start.timeIntervalSince1970]
        var scan = ReportScan(period: builder.period, keeping: keeping, adder: ReportAdder(builder))
        let columns = selecting(["m.id", "m.clock_from", "m.platform", "m.channel", "m.case_id", "m.kind", "m.closed_at",
                                 "m.kind_confirmed", "m.suggested_kind", "m.report_at", "m.report_facts", "m.report_more"])
        do {
            // The two periods' mentions, then the cases opened before them and still open
            // when the period started: two ranges of the index rather than one test per row.
            for rows in ["m.clock_from >= :earlier AND m.clock_from < :end",
                         "m.clock_from < :earlier AND m.case_id IS NULL AND (m.closed_at IS NULL OR m.closed_at >= :start)"] {
                try db.forEachRow("SELECT \(columns) FROM mention m WHERE \(rows)", bounds) { row in try scan.read(row) }
            }
        } catch {
            _ = scan.adder.finish()
            throw error
        }
        var built = scan.adder.finish()
        // A later message counts under its case's kind.
        let kinds = try caseKinds(db, of: Array(Set(scan.messages.map(\.case))))
        for (head, message) in scan.messages {
            var message = message
            message.kind = kinds[head] ?? nil
            built.add(message)
        }
        let authors = try authors(db, of: scan.positive.map(\.number))
        for var fact in scan.positive {
            fact.authorHandle = authors[fact.number]?.handle ?? ""
            fact.followers = authors[fact.number]?.followers ?? 0
            built.add(fact)
        }
        if scan.folding {
            for source in try foldedCases(db, bounds, keeping: keeping) { built.fold(source) }
        }
        return built.report(themes: try themeSample(db, scan.numbers), before: try themeSample(db, scan.numbersBefore))
    }

    /// One pass over the rows `report` selects: each mention counted, each case's kept
    /// facts added, the cases to fold and the mentions to sample noted.
    private struct ReportScan {
        let period: ReportPeriod
        let keeping: Bool
        /// Adds the mentions and cases read, on a thread of its own.
        let adder: ReportAdder
        /// The mentions of the period and of the one before it, by number.
        var numbers: [Int64] = [], numbersBefore: [Int64] = []
        /// Some case's kept facts do not hold for the period: its log is to be folded.
        var folding = false
        /// Positive cases, added once their authors are read (the ambassadors).
        var positive: [CaseFacts] = []
        /// Customers' later messages in the period, added once their cases' kinds are read.
        var messages: [(case: Int64, mention: ReportMention)] = []
        let decoder = JSONDecoder()

        init(period: ReportPeriod, keeping: Bool, adder: ReportAdder) {
            self.period = period
            self.keeping = keeping
            self.adder = adder
        }

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
                if let head { messages.append((head, mention)) } else { adder.add(mention) }
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
                folded = try Self.facts(row, confirmed: confirmed, lastAt: lastAt, decoder: decoder)
            } else {
                folded = FoldedFacts(openedAt: openedAt)
            }
            let fact = CaseFacts(number: number, openedAt: openedAt, platform: platform, channel: channel,
                                 authorHandle: "", followers: 0, suggestedKind: suggested, folded: folded)
            if fact.kind == .positive { positive.append(fact) } else { adder.add(fact) }
        }

        /// The facts `ReportColumns` kept on the row (columns 9 to 11).
        private static func facts(_ row: some ColumnReader, confirmed: MentionKind?, lastAt: Double,
                                  decoder: JSONDecoder) throws -> FoldedFacts {
            let more = try row.text(11).map { json in
                do { return try decoder.decode(FoldedFacts.Rest.self, from: Data(json.utf8)) }
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

    /// The kinds of cases `numbers` as the inbox holds them.
    private static func caseKinds(_ db: some SQLRunner, of numbers: [Int64]) throws -> [Int64: MentionKind?] {
        var kinds: [Int64: MentionKind?] = [:]
        try forEach(db, of: numbers, columns: ["id", "kind"]) { row in
            if let number = row.integer(0) { kinds[number] = row.text(1).flatMap(MentionKind.init(rawValue:)) }
        }
        return kinds
    }

    /// Reads `columns` of mentions `numbers`, a thousand a statement.
    private static func forEach(_ db: some SQLRunner, of numbers: [Int64], columns: [String],
                                _ body: (any ColumnReader) throws -> Void) throws {
        for start in stride(from: 0, to: numbers.count, by: 1000) {
            let list = numbers[start..<min(start + 1000, numbers.count)].map(String.init).joined(separator: ",")
            try db.forEachRow("SELECT \(selecting(columns)) FROM mention WHERE id IN (\(list))", [:], body)
        }
    }

    /// The authors of cases `numbers`: handle and followers.
    private static func authors(_ db: some SQLRunner, of numbers: [Int64]) throws
        -> [Int64: (handle: String, followers: Int)] {
        var authors: [Int64: (handle: String, followers: Int)] = [:]
        try forEach(db, of: numbers, columns: ["id", "author_handle", "followers"]) { row in
            if let number = row.integer(0) { authors[number] = (row.text(1) ?? "", Int(clamping: row.integer(2) ?? 0)) }
        }
        return authors
    }

    /// What a report's rows hold in a few columns, matched without a string per row.
    private enum Names {
        static let platforms = ColumnNames(Platform.self)
        static let channels = ColumnNames(MentionChannel.self)
        static let kinds = ColumnNames(MentionKind.self)
    }

    /// The cases of the period (as `report` reads them) with events at or after its
    /// end, with their logs: their kept facts are of now, not of the period's end.
    private static func foldedCases(_ db: some SQLRunner, _ bounds: [String: (any DatabaseValueConvertible)?],
                                    keeping: Bool) throws -> [ReportCase] {
        let reported = """
            m.case_id IS NULL AND m.clock_from < :end \(keeping ? "AND m.report_at >= :end" : "")
                AND (m.clock_from >= :start OR m.closed_at IS NULL OR m.closed_at >= :start)
            """
        var logs: [Int64: [ReportStep]] = [:]
        let decoder = JSONDecoder()
        for row in try db.rows("""
            SELECT e.mention_id, e.at, e.agent, e.event FROM flow_event e JOIN mention m ON m.id = e.mention_id
            WHERE \(reported) ORDER BY e.mention_id, e.seq
            """, bounds) {
            let json: String = row["event"]
            guard let event = try? decoder.decode(FlowEvent.self, from: Data(json.utf8)) else {
                throw StoreError.corrupt(column: "flow_event.event", value: json)
            }
            logs[row["mention_id"], default: []].append(
                ReportStep(at: Date(timeIntervalSince1970: row["at"]), agent: row["agent"], event: event))
        }
        return try db.rows("""
            SELECT \(StoredMention.columns) FROM mention m \(StoredMention.joins) WHERE \(reported) ORDER BY m.id
            """, bounds.merging(["now": 0]) { old, _ in old }).map { row in
            let stored = try StoredMention(row: row)
            return ReportCase(number: stored.number, mention: stored.mention, suggestedKind: stored.suggestedKind,
                              openedAt: stored.clockFrom, log: logs[stored.number] ?? [])
        }
    }

    /// The texts of `numbers` (a period's mentions) that rising themes read: all of them,
    /// or past `ThemeSample.size` those whose number is a multiple of `ThemeSample.every`.
    private static func themeSample(_ db: some SQLRunner, _ numbers: [Int64]) throws -> ThemeSample {
        let every = ThemeSample.every(of: numbers.count)
        let sampled = every == 1 ? numbers : numbers.filter { $0 % every == 0 }
        var texts: [String] = []
        texts.reserveCapacity(sampled.count)
        try forEach(db, of: sampled, columns: ["text"]) { row in texts.append(row.text(0) ?? "") }
        return ThemeSample(texts: texts, of: numbers.count)
    }
}
