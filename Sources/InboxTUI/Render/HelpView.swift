/// The help screen, generated from the keymap in force (so rebinding a key in
/// config.toml changes it here too), then the composer's fixed editing keys.
enum HelpView {
    static func draw(_ state: AppState, scroll: Int, into screen: inout Screen) {
        PageView.draw(title: "Help", lines: lines(state.settings.keymap, context: state.keyContext, width: screen.width - 1),
                      scroll: scroll, into: &screen)
    }

    /// Width from which the action's config name has a column of its own.
    static let wideWidth = 112

    /// The help as lines no wider than `width`: keys, the action's name for config.toml
    /// (when there is room), and what it does, wrapped under itself when long.
    static func lines(_ keymap: Keymap, context: KeyContext, width: Int = wideWidth) -> [(text: String, role: Role)] {
        let wide = width >= wideWidth
        let keyColumn = wide ? 22 : 16
        var lines: [(text: String, role: Role)] = [("Keys here (\(context.rawValue))", .header)]
        func add(_ keys: String, _ name: String?, _ help: String) {
            // Keys that do not fit their column get a line of their own.
            var keys = keys
            if DisplayWidth.of(keys) >= keyColumn {
                lines.append(("  " + keys, .normal))
                keys = ""
            }
            let lead = "  " + QueueView.pad(keys, keyColumn) + (name.map { QueueView.pad($0, 18) } ?? "")
            let room = max(10, width - DisplayWidth.of(lead))
            let wrapped = TextWrap.lines(help, width: room)
            for (index, part) in wrapped.enumerated() {
                lines.append(((index == 0 ? lead : String(repeating: " ", count: DisplayWidth.of(lead))) + part, .normal))
            }
        }
        for row in keymap.help(for: context) {
            add(row.keys.joined(separator: " "), wide ? row.action.rawValue : nil, row.action.help)
        }
        lines.append(("", .normal))
        lines.append(("Composer", .header))
        for (keys, help) in composerKeys {
            add(keys, nil, help)
        }
        lines.append(("", .normal))
        lines.append(("Kinds in the queue", .header))
        for (shown, meaning) in kindLegend {
            add(shown, nil, meaning)
        }
        lines.append(("", .normal))
        for part in TextWrap.lines("Keys are set in ~/.config/webcare/config.toml; webcare config --print-default shows how"
                                   + " (and the action names).", width: max(10, width - 1)) {
            lines.append((part, .dim))
        }
        return lines
    }

    /// What the kind column says (`SuggestionText.short`).
    static let kindLegend: [(String, String)] = [
        ("complaint", "confirmed by an agent"), ("complaint?", "suggested; the case view says why"),
        ("not sure", "suggested, but unsure: sorts as its likely kind"),
        ("no reply?", "likely chatter needing no answer: sorts after every kind"), ("spam?", "looks like spam"),
    ]

    static let composerKeys: [(String, String)] = [
        ("<Enter>", "send (asks once)"), ("<Esc>", "back to the case; the draft is kept"),
        ("<Left> <Right>", "move"), ("<Alt-b> <Alt-f>", "a word back / forward"),
        ("<Home> ^A  <End> ^E", "start / end of the text"), ("^X", "continue in $EDITOR"),
        ("<Backspace> <Delete>", "delete before / under the cursor"),
        ("^W <Alt-d>", "delete the word before / after"), ("^U ^K", "delete to the start / to the end"),
        ("^_", "undo"),
        ("^T", "the step's template in the next style: nl-je, nl-u, en"),
        ("^R", "the other text: a draft from an earlier step, or the text before ^T"),
    ]
}
