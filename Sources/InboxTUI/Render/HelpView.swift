/// The help screen, generated from the keymap in force (so rebinding a key in
/// config.toml changes it here too), then the composer's fixed editing keys.
enum HelpView {
    static func draw(_ state: AppState, scroll: Int, into screen: inout Screen) {
        let lines = self.lines(state.settings.keymap, context: state.keyContext)
        let rows = screen.height - 2
        let first = min(scroll, max(0, lines.count - rows))
        for row in 0..<rows { screen.put(String(repeating: " ", count: screen.width), row: row, column: 0) }
        screen.put(String(repeating: " ", count: screen.width), row: 0, column: 0, role: .title)
        screen.put(" Help · j/k scroll · any other key closes", row: 0, column: 0, role: .title)
        for (index, line) in lines.dropFirst(first).prefix(rows - 1).enumerated() {
            screen.put(line.text, row: 1 + index, column: 1, role: line.role)
        }
    }

    static func lines(_ keymap: Keymap, context: KeyContext) -> [(text: String, role: Role)] {
        var lines: [(text: String, role: Role)] = [("Keys here (\(context.rawValue))", .header)]
        for row in keymap.help(for: context) {
            lines.append(("  " + QueueView.pad(row.keys.joined(separator: " "), 22) + QueueView.pad(row.action.rawValue, 18)
                          + row.action.help, .normal))
        }
        lines.append(("", .normal))
        lines.append(("Composer", .header))
        for (keys, help) in composerKeys {
            lines.append(("  " + QueueView.pad(keys, 22) + help, .normal))
        }
        lines.append(("", .normal))
        lines.append(("Keys are set in ~/.config/webcare/config.toml; webcare config --print-default shows how.", .dim))
        return lines
    }

    static let composerKeys: [(String, String)] = [
        ("<Enter>", "send (asks once)"), ("<Esc>", "back to the mention; the draft is kept"),
        ("<Left> <Right>", "move"), ("<Home> ^A  <End> ^E", "start / end of the text"),
        ("^E at the end", "continue in $EDITOR"), ("<Backspace> <Delete>", "delete before / under the cursor"),
        ("^W ^U ^K", "delete word before / to the start / to the end"),
    ]
}
