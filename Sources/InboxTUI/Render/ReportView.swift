import Foundation
import InboxModel

/// The report view (R): the same tables and charts as `webcare report`, for today or
/// this week, scrolled line by line.
enum ReportView {
    static func draw(_ report: ReportScreen, state: AppState, into screen: inout Screen) {
        screen.put(String(repeating: " ", count: screen.width), row: 0, column: 0, role: .title)
        let other = report.showing == .today ? "this week" : "today"
        let asOf = report.readAt.map { " as of " + Render.clockTime($0, in: state.settings.timeZone) } ?? ""
        screen.put(" Report · \(report.showing == .today ? "today" : "this week")\(asOf) · Tab \(other) · R again · q back",
                   row: 0, column: 0, role: .title)
        guard let shown = report.shown else {
            screen.put("Reading the report…", row: 2, column: 2, role: .dim)
            return
        }
        let lines = lines(shown, state: state)
        for (index, line) in lines.dropFirst(report.scroll).prefix(rows(state)).enumerated() {
            screen.put(line, row: 1 + index, column: 0, role: line.first == " " || line.isEmpty ? .normal : .header)
        }
    }

    /// The report's lines as `webcare report` prints them, bars as the terminal shows them.
    static func lines(_ report: TeamReport, state: AppState) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = state.settings.timeZone
        let text = TeamReportText(report: report, bars: Bars(unicode: !state.settings.ascii), calendar: calendar).render()
        return text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Lines of the report on screen at once: all but the title, status and message lines.
    static func rows(_ state: AppState) -> Int { max(1, state.height - 3) }
}
