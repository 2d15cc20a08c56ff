/// The last messages in full, newest first, each wrapped to the screen: a message the
/// bottom line had to cut (`… (M)`) is read here.
enum MessagesView {
    static func draw(_ state: AppState, scroll: Int, into screen: inout Screen) {
        PageView.draw(title: "Messages", lines: lines(state, width: screen.width - 1), scroll: scroll, into: &screen)
    }

    static func lines(_ state: AppState, width: Int) -> [(text: String, role: Role)] {
        guard !state.messageLog.isEmpty else { return [("No messages yet.", .dim)] }
        var lines: [(text: String, role: Role)] = []
        for entry in state.messageLog.reversed() {
            let time = Render.clockTime(entry.at, in: state.settings.timeZone) + "  "
            let role: Role = entry.message.isError ? .error : .normal
            for (index, part) in TextWrap.lines(entry.message.text, width: max(10, width - time.count)).enumerated() {
                lines.append(((index == 0 ? time : String(repeating: " ", count: time.count)) + part, role))
            }
        }
        return lines
    }
}
