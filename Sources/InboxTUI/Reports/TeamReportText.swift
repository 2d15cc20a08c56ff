import Foundation
import InboxModel

/// `webcare report` for people: the figures of `TeamReport` as terminal tables with bars,
/// every name from the data made inert.
struct TeamReportText {
    let report: TeamReport
    let bars: Bars
    let calendar: Calendar

    func render() -> String {
        var out: [String] = []
        out.append("webcare report: \(day(report.from)) to \(day(report.to.addingTimeInterval(-1))) (\(report.timeZone))")
        out.append("")
        out.append("In: \(report.mentions) mentions, \(report.cases) cases")
        out.append("  mentions by kind      " + counts(report.mentionsByKind))
        out.append("  mentions by platform  " + counts(report.mentionsByPlatform))
        out.append("  mentions by channel   " + counts(report.mentionsByChannel))
        out.append("  cases by kind         " + counts(report.casesByKind))
        out.append("")
        var outcome = ["\(report.replied) replied"]
        let noReply = report.noReply.reduce(0) { $0 + $1.count }
        outcome.append("\(noReply) no reply" + (noReply == 0 ? "" : " (\(counts(report.noReply, separator: ", ")))"))
        let closed = report.closed.reduce(0) { $0 + $1.count }
        outcome.append("\(closed) closed" + (closed == 0 ? "" : " (\(counts(report.closed, separator: ", ")))"))
        outcome.append("\(report.open) open")
        out.append("Cases: " + outcome.joined(separator: bars.separator))
        out.append("")
        out.append(row(["Response times", "n", "median", "p90"], widths: [22, 6, 8, 8]))
        for (name, durations) in [("first response", report.firstResponse), ("next response", report.nextResponse),
                                  ("resolution", report.resolution)] {
            out.append(row(["  " + name, "\(durations.count)", duration(durations.median), duration(durations.p90)],
                           widths: [22, 6, 8, 8]))
        }
        out.append("")
        out.append("First response within the house deadline")
        for deadline in report.deadlines {
            out.append(row(["  " + deadline.kind, "\(deadline.met)/\(deadline.met + deadline.missed)", share(deadline.share),
                            bars.bar(deadline.share ?? 0, of: 1, width: 30)], widths: [16, 9, 6, -1]))
        }
        out.append("")
        out += groups()
        out.append("")
        out.append(row(["Agents (replies sent)", "cases", "replies", "handling", "p90"], widths: [22, 7, 8, 10, 8]))
        for agent in report.agents {
            out.append(row(["  " + VisibleText.line(agent.agent), "\(agent.cases)", "\(agent.replies)",
                            duration(agent.handling.median), duration(agent.handling.p90)], widths: [22, 7, 8, 10, 8]))
        }
        if report.agents.isEmpty { out.append("  (no replies sent)") }
        out.append("")
        out.append("Backlog: open cases at the end of each day")
        let most = Double(report.backlog.map(\.open).max() ?? 0)
        for day in report.backlog {
            out.append(row(["  " + day.day, "\(day.open)", bars.bar(Double(day.open), of: most, width: 40)],
                           widths: [14, 7, -1]))
        }
        out.append("")
        out.append(row(["Hand-offs", "handed", "answered", "answer", "p90"], widths: [22, 7, 9, 8, 8]))
        for handOff in report.handOffs {
            out.append(row(["  " + VisibleText.line(handOff.department), "\(handOff.handedOff)", "\(handOff.answered)",
                            duration(handOff.answerTime.median), duration(handOff.answerTime.p90)],
                           widths: [22, 7, 9, 8, 8]))
        }
        if report.handOffs.isEmpty { out.append("  (none)") }
        out.append("")
        out.append("Allegations: \(report.allegations) (\(report.allegationsReplied) replied)")
        for position in report.positions {
            out.append("  position \(VisibleText.line(position.id)) v\(position.version) "
                       + "\"\(VisibleText.line(position.topic))\": \(position.cases) case\(position.cases == 1 ? "" : "s")")
        }
        out.append("Ambassadors (\(TeamReportText.ambassadorRule)): " + (report.ambassadors.isEmpty ? "none" : ""))
        for ambassador in report.ambassadors {
            out.append("  @\(VisibleText.line(ambassador.handle)) on \(ambassador.platform): \(ambassador.positiveCases) "
                       + "positive cases, \(Influence.short(ambassador.followers)) followers")
        }
        out.append("Rising themes: " + (report.risingThemes.isEmpty ? "none" : report.risingThemes.map {
            "\(VisibleText.line($0.word)) \($0.mentions) (\($0.previous) before)"
        }.joined(separator: bars.separator)))
        out.append("")
        out += grid()
        return out.joined(separator: "\n") + "\n"
    }

    static let ambassadorRule = "3 or more positive cases"

    private func groups() -> [String] {
        let widths = [18, 6, 8, 8, 8, 7, -1]
        var out = [row(["By \(report.by)", "cases", "replied", "first", "p90", "within"], widths: widths)]
        for group in report.groups {
            out.append(row(["  " + VisibleText.line(group.key), "\(group.cases)", "\(group.replied)",
                            duration(group.firstResponse.median), duration(group.firstResponse.p90),
                            share(group.withinDeadline), bars.bar(group.withinDeadline ?? 0, of: 1, width: 15)],
                           widths: widths))
        }
        return out
    }

    /// Mentions per weekday and hour as a heat map, the busiest cell darkest.
    private func grid() -> [String] {
        let most = report.weekdayHours.joined().max() ?? 0
        var out = ["Mentions per weekday and hour (busiest: \(most))",
                   "       " + stride(from: 0, to: 24, by: 3).map { String(format: "%02d", $0).padding(toLength: 3, withPad: " ", startingAt: 0) }.joined()]
        for (index, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].enumerated() {
            out.append("  \(name)  " + String(report.weekdayHours[index].map { bars.shade($0, of: most) }))
        }
        return out
    }

    private func counts(_ counts: [TeamReport.Count], separator: String? = nil) -> String {
        counts.isEmpty ? "none"
            : counts.map { "\(VisibleText.line($0.key)) \($0.count)" }.joined(separator: separator ?? bars.separator)
    }

    private func duration(_ seconds: Int?) -> String { seconds.map(TimeText.duration) ?? "-" }

    private func share(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "-" }

    private func day(_ date: Date) -> String { TeamReport.day(date, calendar) }

    /// Columns of `widths` (negative: as wide as the text); the first left-aligned, the others right.
    private func row(_ cells: [String], widths: [Int]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            let width = index < widths.count ? widths[index] : -1
            let pad = max(0, width - cell.count)
            if width < 0 {
                line += " " + cell
            } else if index == 0 {
                line += cell + String(repeating: " ", count: pad)
            } else {
                line += String(repeating: " ", count: pad) + cell
            }
        }
        return line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
}
