/// The report view: scroll it, switch between today and this week, go back.
extension AppState {
    mutating func reportAction(_ action: Action) -> [AppEffect] {
        guard let screen = report else { return [] }
        let page = ReportView.rows(self)
        let end = max(0, (screen.shown.map { ReportView.lines($0, state: self).count } ?? 0) - page)
        func scroll(to line: Int) { report?.scroll = min(max(0, line), end) }
        switch action {
        case .moveDown: scroll(to: screen.scroll + 1)
        case .moveUp: scroll(to: screen.scroll - 1)
        case .pageDown: scroll(to: screen.scroll + page)
        case .pageUp: scroll(to: screen.scroll - page)
        case .first: scroll(to: 0)
        case .last: scroll(to: end)
        case .switchPeriod:
            report?.showing = screen.showing == .today ? .week : .today
            report?.scroll = 0
        case .back: report = nil
        case .report:
            say("reading the report again")
            return [.loadReport(timeZone: settings.timeZone)]
        case .open, .search, .searchNext, .searchPrevious, .limit, .tag, .tagAct, .classify, .dismiss, .reply,
             .replyInEditor, .positions, .step, .handOff, .departmentAnswered, .note, .newPosition, .revisePosition,
             .alerts:
            complain("\(action.rawValue) does nothing in the report; q goes back to the queue")
        case .quit, .redraw, .help, .messages:
            break  // The app answers these on every screen before asking the report.
        }
        return []
    }
}
