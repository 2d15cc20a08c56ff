/// A page over the screen that j/k scroll and any other key closes: the help and the
/// message log.
enum PageView {
    static func draw(title: String, lines: [(text: String, role: Role)], scroll: Int, into screen: inout Screen) {
        let rows = screen.height - 2
        let first = min(scroll, max(0, lines.count - rows + 1))
        for row in 0..<rows { screen.put(String(repeating: " ", count: screen.width), row: row, column: 0) }
        screen.put(String(repeating: " ", count: screen.width), row: 0, column: 0, role: .title)
        screen.put(" \(title) · j/k scroll · any other key closes", row: 0, column: 0, role: .title)
        for (index, line) in lines.dropFirst(first).prefix(rows - 1).enumerated() {
            screen.put(line.text, row: 1 + index, column: 1, role: line.role)
        }
    }
}
