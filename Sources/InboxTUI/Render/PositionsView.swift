/// The team positions: one per line with its id, version and topic, the selected one's
/// statement in full below the list, and its short form for replies.
enum PositionsView {
    static func draw(_ positions: PositionsScreen, state: AppState, into screen: inout Screen) {
        screen.put(String(repeating: " ", count: screen.width), row: 0, column: 0, role: .title)
        let purpose = positions.target.map { "for #\($0.number): Enter sets it" } ?? "Enter on a mention's p sets one"
        screen.put(" Team positions · \(purpose) · n new · e revise · q back", row: 0, column: 0, role: .title)
        guard !positions.positions.isEmpty else {
            screen.put("No team positions yet. n writes the first: a topic, the one statement everyone uses, a short form.",
                       row: 2, column: 2, role: .dim)
            return
        }
        let listRows = max(1, (state.height - 3) / 2)
        let first = max(0, positions.cursor - listRows + 1)
        for (index, position) in positions.positions.enumerated().dropFirst(first).prefix(listRows) {
            let row = 1 + index - first
            let x = screen.put(" \(QueueView.pad(position.id, 20)) v\(position.version)  ", row: row, column: 0, role: .dim)
            screen.put(position.topic, row: row, column: x)
            if index == positions.cursor { screen.fill(row: row, role: .selected) }
        }
        let selected = positions.positions[min(positions.cursor, positions.positions.count - 1)]
        let top = 2 + listRows
        screen.rule(row: top - 1)
        var lines = TextWrap.lines(selected.statement, width: screen.width - 2).map { ($0, Role.normal) }
        if let short = selected.short {
            lines += TextWrap.lines("in replies: " + short, width: screen.width - 2).map { ($0, Role.dim) }
        }
        for (index, line) in lines.enumerated() where top + index < state.height - 2 {
            screen.put(line.0, row: top + index, column: 1, role: line.1)
        }
    }
}
