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
        var scan = ReportScan(builder: builder, keeping: keeping)
        for rows in [ReportScan.periods, ReportScan.openBefore] { try scan.scan(db, rows) }
        return try finish(db, scan)
    }

    /// The report of what `scan` read, in the same transaction: later messages under
    /// their cases' kinds, positive cases with their authors (the ambassadors), the cases
    /// to fold folded, and rising themes from the sampled texts.
    static func finish(_ db: some SQLRunner, _ scan: ReportScan) throws -> TeamReport {
        var built = scan.builder
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
            for source in try foldedCases(db, scan.bounds, keeping: scan.keeping) { built.fold(source) }
        }
        return built.report(themes: try themeSample(db, scan.numbers), before: try themeSample(db, scan.numbersBefore))
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


    /// The cases of the period (as `report` reads them) with events at or after its
    /// end, with their logs: their kept facts are of now, not of the period's end.
    static func foldedCases(_ db: some SQLRunner, _ bounds: [String: (any DatabaseValueConvertible)?],
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
