import Foundation
import GRDB
import InboxModel

extension StoreOperations {
    /// What `TeamReport` is computed from for `period`, in one pass over the mentions:
    /// the mentions of the period (counted) and of the one before it (a sample of their
    /// texts, for rising themes); the cases opened in the period and those still open
    /// when it started (over-read is harmless: the period's end decides), each with the
    /// facts its row keeps (`ReportColumns`) where they hold for the period, else with
    /// its log to fold up to the period's end.
    ///
    /// With `keeping` false every case is folded from its log: the definition the kept
    /// facts must agree with (a test compares the two).
    static func reportInput(_ db: some SQLRunner, period: ReportPeriod, keeping: Bool = true) throws -> ReportInput {
        let bounds: [String: (any DatabaseValueConvertible)?] = [
            "start": period.start.timeIntervalSince1970, "end": period.end.timeIntervalSince1970,
            "earlier": period.previous.start.timeIntervalSince1970]
        var kept: [CaseFacts] = [], mentions: [ReportMention] = []
        var numbers: [Int64] = [], numbersBefore: [Int64] = []
        var folding = false
        let decoder = JSONDecoder()
        try db.forEachRow("""
            SELECT \(selecting(["m.id", "m.clock_from", "m.platform", "m.channel", "m.case_id",
                                 "CASE WHEN m.case_id IS NULL THEN m.kind ELSE h.kind END", "m.closed_at", "m.kind_confirmed",
                                 "m.suggested_kind", "m.followers", "m.author_handle"] + ReportColumns.selected))
            FROM mention m LEFT JOIN mention h ON h.id = m.case_id
            WHERE m.clock_from < :end
                AND (m.clock_from >= :earlier OR (m.case_id IS NULL AND (m.closed_at IS NULL OR m.closed_at >= :start)))
            """, bounds) { row in
            guard let number = row.integer(0), let clockFrom = row.real(1),
                  let platform = row.text(2).flatMap(Platform.init(rawValue:)),
                  let channel = row.text(3).flatMap(MentionChannel.init(rawValue:)) else { return }
            let openedAt = Date(timeIntervalSince1970: clockFrom)
            if openedAt < period.previous.end, openedAt >= period.previous.start {
                numbersBefore.append(number)
            } else if period.contains(openedAt) {
                numbers.append(number)
                mentions.append(ReportMention(platform: platform, channel: channel,
                                              kind: row.text(5).flatMap(MentionKind.init(rawValue:)), at: openedAt))
            }
            let closedAt = row.real(6)
            guard row.integer(4) == nil, period.contains(openedAt)
                    || openedAt < period.start && (closedAt.map { $0 >= period.start.timeIntervalSince1970 } ?? true)
            else { return }
            let lastAt = row.real(11)
            if !keeping || (lastAt ?? -.infinity) >= period.end.timeIntervalSince1970 {
                folding = true
                return
            }
            let confirmed = row.integer(7) == 1 ? row.text(5).flatMap(MentionKind.init(rawValue:)) : nil
            let suggested = row.text(8).flatMap(MentionKind.init(rawValue:))
            let folded: FoldedFacts
            if let lastAt {
                let more = try row.text(19).map { json in
                    do { return try decoder.decode(FoldedFacts.Rest.self, from: Data(json.utf8)) }
                    catch { throw StoreError.corrupt(column: "mention.report_more", value: json) }
                }
                let outcome = try row.text(14).map { code in
                    guard let outcome = Outcome(code: code) else {
                        throw StoreError.corrupt(column: "mention.report_outcome", value: code)
                    }
                    return outcome
                }
                let date = { (column: Int32) in row.real(column).map(Date.init(timeIntervalSince1970:)) }
                let reply = row.text(16).flatMap { agent in
                    date(17).map { FoldedFacts.Reply(agent: agent, at: $0, handlingFrom: date(18) ?? $0) }
                }
                folded = FoldedFacts(confirmedKind: confirmed, firstResponse: row.integer(12).map(Int.init(clamping:)),
                                     waitingSince: date(13), outcome: outcome, closedAt: date(15), firstReply: reply,
                                     lastAt: Date(timeIntervalSince1970: lastAt), rest: more)
            } else {
                folded = FoldedFacts(openedAt: openedAt)
            }
            let positive = (confirmed ?? suggested) == .positive
            kept.append(CaseFacts(number: number, openedAt: openedAt, platform: platform, channel: channel,
                                  authorHandle: positive ? row.text(10) ?? "" : "",
                                  followers: positive ? Int(clamping: row.integer(9) ?? 0) : 0,
                                  suggestedKind: suggested, folded: folded))
        }
        return ReportInput(kept: kept, cases: folding ? try foldedCases(db, bounds, keeping: keeping) : [], mentions: mentions,
                           themes: try themeSample(db, numbers), themesBefore: try themeSample(db, numbersBefore))
    }

    /// The cases of the period (as `reportInput` reads them) with events at or after its
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
    /// or every k-th by number past `ThemeSample.size`.
    private static func themeSample(_ db: some SQLRunner, _ numbers: [Int64]) throws -> ThemeSample {
        let every = ThemeSample.every(of: numbers.count)
        let sorted = numbers.sorted()
        let sampled = stride(from: 0, to: sorted.count, by: every).map { sorted[$0] }
        var texts: [String] = []
        texts.reserveCapacity(sampled.count)
        for start in stride(from: 0, to: sampled.count, by: 1000) {
            let list = sampled[start..<min(start + 1000, sampled.count)].map(String.init).joined(separator: ",")
            try db.forEachRow("SELECT \(selecting(["text"])) FROM mention WHERE id IN (\(list))", [:]) { row in
                texts.append(row.text(0) ?? "")
            }
        }
        return ThemeSample(texts: texts, every: every)
    }
}
