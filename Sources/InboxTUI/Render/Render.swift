import Foundation
import InboxModel

/// The pure view: the state drawn into a screen value. The terminal layer copies the
/// cells to ncurses; golden tests compare them.
enum Render {
    static func screen(_ state: AppState) -> Screen {
        var screen = Screen(width: state.width, height: state.height, ascii: state.settings.ascii)
        if state.isTooSmall {
            tooSmall(state, into: &screen)
            return screen
        }
        if let report = state.report {
            ReportView.draw(report, state: state, into: &screen)
        } else if let positions = state.positions {
            PositionsView.draw(positions, state: state, into: &screen)
        } else if let mention = state.mention {
            MentionView.draw(mention, state: state, into: &screen)
        } else {
            QueueView.draw(state, into: &screen)
        }
        StatusLine.draw(state, into: &screen)
        switch state.overlay {
        case .help(let scroll)?: HelpView.draw(state, scroll: scroll, into: &screen)
        case .messages(let scroll)?: MessagesView.draw(state, scroll: scroll, into: &screen)
        case .menu(let menu)?: BottomLines.menu(menu, into: &screen)
        case .prompt(let prompt)?: BottomLines.prompt(prompt, into: &screen)
        case .confirm(let confirm)?: BottomLines.message(confirm.question, role: .warning, into: &screen)
        case nil:
            if let message = state.message {
                BottomLines.message(message.text, role: message.isError ? .error : .normal, into: &screen)
            }
        }
        return screen
    }

    private static func tooSmall(_ state: AppState, into screen: inout Screen) {
        let lines = ["Terminal too small: \(state.width)x\(state.height).",
                     "webcare needs at least \(AppState.minimumWidth)x\(AppState.minimumHeight).",
                     "Make the window bigger; q quits."]
        for (index, line) in lines.enumerated() {
            let row = max(0, state.height / 2 - 1 + index)
            screen.put(line, row: row, column: max(0, (state.width - line.count) / 2), role: index == 0 ? .error : .normal)
        }
    }

    /// Wall-clock time, HH:mm, in the agent's zone (the machine's unless the settings
    /// say otherwise), for histories and the status line.
    static func clockTime(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}

/// The bottom row (and rows above it for menus): messages, prompts, menus.
enum BottomLines {
    /// What a message too long for its line ends with: where to read it whole.
    static let cut = "… (M)"

    static func message(_ text: String, role: Role, into screen: inout Screen) {
        let row = screen.height - 1
        screen.put(String(repeating: " ", count: screen.width), row: row, column: 0)
        let line = VisibleText.line(text)
        guard DisplayWidth.of(line) > screen.width, screen.width > cut.count else {
            screen.put(line, row: row, column: 0, role: role)
            return
        }
        let end = screen.put(line, row: row, column: 0, role: role, limit: screen.width - cut.count)
        screen.put(cut, row: row, column: end, role: .dim)
    }

    static func prompt(_ prompt: Prompt, into screen: inout Screen) {
        let row = screen.height - 1
        screen.put(String(repeating: " ", count: screen.width), row: row, column: 0)
        let start = screen.put(prompt.purpose.label, row: row, column: 0, role: .title)
        let room = screen.width - start - 1
        let characters = prompt.editor.characters
        // Scroll the line so the insertion point stays in view.
        var first = 0
        while DisplayWidth.of(String(characters[first..<prompt.editor.cursor])) > room { first += 1 }
        let end = screen.put(String(characters[first..<prompt.editor.cursor]), row: row, column: start)
        screen.put(String(characters[prompt.editor.cursor...]), row: row, column: end, limit: screen.width - end)
        screen.cursor = (row, end)
    }

    /// A menu as a block of lines just above the status line, one choice per line.
    static func menu(_ menu: Menu, into screen: inout Screen) {
        let lines = [(menu.title, Role.title)] + menu.items.map { item in
            ("  \(item.key)  \(item.label)" + (item == menu.onEnter ? "  (Enter: suggested)" : ""), Role.normal)
        } + [("  Esc  nothing", Role.dim)]
        let top = max(1, screen.height - 2 - lines.count)
        for (index, line) in lines.enumerated() where top + index < screen.height - 2 {
            screen.put(String(repeating: " ", count: screen.width), row: top + index, column: 0)
            screen.put(line.0, row: top + index, column: 0, role: line.1)
        }
        message("Choose: " + menu.items.map { String($0.key) }.joined(separator: " ")
                + (menu.onEnter.map { ", Enter: \($0.label)" } ?? ""), role: .title, into: &screen)
    }
}

/// The status line: who, which database, where in the queue, the last thing that happened.
enum StatusLine {
    static func draw(_ state: AppState, into screen: inout Screen) {
        let row = screen.height - 2
        let shown = state.queue.summary.shown
        var before = [state.agent, state.databaseLabel + (state.readOnly ? " (read-only)" : "")]
        // Said first: what the agent types now waits for it.
        if let wait = state.databaseWait {
            before.insert("waiting for the database" + (wait.heldKeys > 0 ? " (\(wait.heldKeys) keys kept)" : "") + "…", at: 0)
        }
        if !state.queue.filter.description.isEmpty { before.append("limit: \(state.queue.filter)") }
        let position: String
        if state.queue.counting {
            position = state.queue.rows.isEmpty ? "…" : "\(state.queue.cursor + 1)/…"
        } else {
            // As wide as the count, so 9 → 10 rewrites two digits, not the rest of the line.
            let figure = String(state.queue.cursor + 1)
            position = shown == 0 ? "empty"
                : String(repeating: " ", count: max(0, String(shown).count - figure.count)) + figure + "/\(shown)"
        }
        var after: [String] = []
        if !state.queue.tagged.isEmpty { after.append("\(state.queue.tagged.count) tagged") }
        if let last = state.queue.summary.lastEvent {
            after.append("last: \(last.agent) \(last.event) #\(last.mention) \(Render.clockTime(last.at, in: state.settings.timeZone))")
        }
        let help = "?:help "
        let end = screen.width - help.count - 1
        screen.put(String(repeating: " ", count: screen.width), row: row, column: 0, role: .status)
        var x = screen.put(" " + before.joined(separator: " | ") + " | ", row: row, column: 0, role: .status, limit: end)
        // The position is plain inside the bar: it changes on every j/k step, and plain
        // it costs no change of attributes next to the plain rows a step repaints.
        x = screen.put(position, row: row, column: x, role: .normal, limit: max(0, end - x))
        if !after.isEmpty {
            screen.put(" | " + after.joined(separator: " | "), row: row, column: x, role: .status, limit: max(0, end - x))
        }
        if screen.width > help.count { screen.put(help, row: row, column: screen.width - help.count, role: .status) }
    }
}
