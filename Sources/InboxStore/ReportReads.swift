import Foundation
import GRDB
import InboxModel

extension StoreOperations {
    /// What `TeamReport` is computed from for `period`: the cases opened in it and those
    /// still open when it started (over-read is harmless: each log is folded up to the
    /// period's end, which decides), with their logs, and the mentions of the period and
    /// of the one before it (for rising themes).
    static func reportInput(_ db: some SQLRunner, period: ReportPeriod) throws -> ReportInput {
        let bounds: [String: (any DatabaseValueConvertible)?] = [
            "start": period.start.timeIntervalSince1970, "end": period.end.timeIntervalSince1970,
            "earlier": period.previous.start.timeIntervalSince1970, "now": 0]
        let reported = """
            m.case_id IS NULL AND m.clock_from < :end
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
        let cases = try db.rows("""
            SELECT \(StoredMention.columns) FROM mention m \(StoredMention.joins) WHERE \(reported) ORDER BY m.id
            """, bounds).map { row in
            let stored = try StoredMention(row: row)
            return ReportCase(number: stored.number, mention: stored.mention, suggestedKind: stored.suggestedKind,
                              openedAt: stored.clockFrom, log: logs[stored.number] ?? [])
        }
        let mentions = try db.rows("""
            SELECT m.platform, m.channel, CASE WHEN m.case_id IS NULL THEN m.kind ELSE h.kind END AS kind,
                m.clock_from, m.text
            FROM mention m LEFT JOIN mention h ON h.id = m.case_id
            WHERE m.clock_from >= :earlier AND m.clock_from < :end
            """, bounds).compactMap { row -> ReportMention? in
            guard let platform = Platform(rawValue: row["platform"]), let channel = MentionChannel(rawValue: row["channel"])
            else { return nil }
            return ReportMention(platform: platform, channel: channel, kind: (row["kind"] as String?).flatMap(MentionKind.init),
                                 at: Date(timeIntervalSince1970: row["clock_from"]), text: row["text"])
        }
        return ReportInput(cases: cases, mentions: mentions)
    }
}
