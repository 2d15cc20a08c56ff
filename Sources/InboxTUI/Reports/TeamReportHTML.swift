import Foundation
import InboxModel

/// `webcare report --html FILE`: one self-contained page a team lead mails to management,
/// the same figures as the terminal report with charts (volume per day, the spread of
/// first response times, the share within the deadline per kind, replies per agent).
/// Inline CSS and SVG only: nothing is fetched, no script runs.
struct TeamReportHTML {
    let report: TeamReport
    let calendar: Calendar

    func render() -> String {
        let title = "webcare report \(day(report.from)) to \(day(report.to.addingTimeInterval(-1)))"
        var body: [String] = []
        body.append("<h1>\(HTMLText.escaped(title))</h1>")
        body.append("<p class=\"meta\">Times in \(HTMLText.escaped(report.timeZone)). Every figure is defined in "
                    + "docs/reports.md.</p>")
        body.append(tiles())
        body.append(section("Mentions per day", SVGChart.columns(report.mentionsPerDay.map {
            SVGChart.Bar(label: String($0.key.suffix(5)), value: Double($0.count), caption: "\($0.count)")
        }, title: "Mentions per day")))
        body.append(section("First response times", SVGChart.columns(report.firstResponseSpread.map {
            SVGChart.Bar(label: $0.key == "longer" ? "longer" : "≤ " + $0.key, value: Double($0.count), caption: "\($0.count)")
        }, title: "First responses by how long they took")))
        body.append(section("First response within the deadline", SVGChart.rows(report.deadlines.map {
            SVGChart.Bar(label: $0.kind, value: $0.share ?? 0, caption: "\(percent($0.share)) of \($0.met + $0.missed)")
        }, maximum: 1, title: "Share within the deadline per kind")))
        body.append(section("Replies per agent", SVGChart.rows(report.agents.map {
            SVGChart.Bar(label: $0.agent, value: Double($0.replies), caption: "\($0.replies)")
        }, title: "Replies per agent") + agentTable()))
        body.append(section("By \(report.by)", groupTable()))
        body.append(section("Response times", durationTable()))
        body.append(section("Hand-offs, allegations, ambassadors, themes", teamLists()))
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escaped(title))</title>
            <style>\(Self.style)</style></head>
            <body><main>
            \(body.joined(separator: "\n"))
            </main></body></html>

            """
    }

    static let style = """
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,sans-serif;color:#1a202c;background:#f7fafc}
        main{max-width:1180px;margin:0 auto;padding:24px}h1{font-size:24px;margin:0 0 4px}
        h2{font-size:17px;margin:0 0 12px}.meta{color:#4a5568;margin:0 0 20px}
        section{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:16px 20px;margin:0 0 20px;overflow:hidden}
        .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin:0 0 20px}
        .tile{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px 16px}
        .tile b{display:block;font-size:26px}.tile span{color:#4a5568}
        svg.chart{width:100%;height:auto;display:block;max-width:760px}svg.chart text{font:13px system-ui,sans-serif;fill:#2d3748}
        table{border-collapse:collapse;width:100%;margin-top:8px}th,td{padding:4px 8px;border-bottom:1px solid #edf2f7;
        text-align:right;overflow-wrap:anywhere}th:first-child,td:first-child{text-align:left}ul{margin:4px 0 12px;padding-left:20px}
        """

    private func tiles() -> String {
        let tiles = [("\(report.mentions)", "mentions in"), ("\(report.cases)", "cases"), ("\(report.replied)", "replied"),
                     ("\(report.open)", "still open"), (duration(report.firstResponse.median), "median first response"),
                     (duration(report.firstResponse.p90), "p90 first response")]
        return "<div class=\"tiles\">" + tiles.map { "<div class=\"tile\"><b>\(HTMLText.escaped($0.0))</b><span>\($0.1)</span></div>" }
            .joined() + "</div>"
    }

    private func section(_ heading: String, _ content: String) -> String {
        "<section><h2>\(HTMLText.escaped(heading))</h2>\(content)</section>"
    }

    private func table(_ header: [String], _ rows: [[String]]) -> String {
        "<table><tr>" + header.map { "<th>\(HTMLText.escaped($0))</th>" }.joined() + "</tr>"
            + rows.map { "<tr>" + $0.map { "<td>\(HTMLText.escaped($0))</td>" }.joined() + "</tr>" }.joined() + "</table>"
    }

    private func groupTable() -> String {
        table([report.by, "cases", "replied", "first response", "p90", "within deadline"], report.groups.map {
            [$0.key, "\($0.cases)", "\($0.replied)", duration($0.firstResponse.median), duration($0.firstResponse.p90),
             percent($0.withinDeadline)]
        })
    }

    private func agentTable() -> String {
        table(["agent", "cases", "replies", "handling median", "p90"], report.agents.map {
            [$0.agent, "\($0.cases)", "\($0.replies)", duration($0.handling.median), duration($0.handling.p90)]
        })
    }

    private func durationTable() -> String {
        table(["wait", "count", "median", "p90"], [("first response", report.firstResponse),
                                                    ("next response", report.nextResponse),
                                                    ("resolution", report.resolution)].map {
            [$0.0, "\($0.1.count)", duration($0.1.median), duration($0.1.p90)]
        })
    }

    private func teamLists() -> String {
        var out = report.handOffs.isEmpty ? "<p>Hand-offs: none.</p>"
            : table(["department", "handed off", "answered", "answer median", "p90"], report.handOffs.map {
                [$0.department, "\($0.handedOff)", "\($0.answered)", duration($0.answerTime.median),
                 duration($0.answerTime.p90)]
            })
        out += "<p>Allegations: \(report.allegations) (\(report.allegationsReplied) replied).</p>"
        out += list(report.positions.map {
            "position \($0.id) v\($0.version), \($0.topic): \($0.cases) case\($0.cases == 1 ? "" : "s")"
        }, empty: nil)
        out += "<p>Ambassadors (\(TeamReportText.ambassadorRule)):</p>" + list(report.ambassadors.map {
            "@\($0.handle) on \($0.platform): \($0.positiveCases) positive cases, \(Influence.short($0.followers)) followers"
        })
        out += "<p>Rising themes:</p>" + list(report.risingThemes.map {
            "\($0.word): \($0.mentions) mentions (\($0.previous) the period before)"
        })
        return out
    }

    /// Items as a list, escaped; `empty` when there are none (nothing at all when nil).
    private func list(_ items: [String], empty: String? = "none") -> String {
        if items.isEmpty { return empty.map { "<ul><li>\($0)</li></ul>" } ?? "" }
        return "<ul>" + items.map { "<li>\(HTMLText.escaped($0))</li>" }.joined() + "</ul>"
    }

    private func duration(_ seconds: Int?) -> String { seconds.map(TimeText.duration) ?? "-" }

    private func percent(_ share: Double?) -> String { share.map { "\(Int(($0 * 100).rounded()))%" } ?? "-" }

    private func day(_ date: Date) -> String { TeamReport.day(date, calendar) }
}
