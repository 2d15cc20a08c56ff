import Foundation
import Testing

/// What the terminal shows, read back from tmux as a person sees it: colour where the
/// terminal has it, none under NO_COLOR.
@Suite struct TerminalEndToEndTests {
    static let sample = StoreCommandTests.sample

    /// SGR colour codes (30–37, 40–47, 90–97, 38;5;n …) in a `capture-pane -e` screen.
    static func colours(_ screen: String) -> Set<String> {
        var found = Set<String>()
        var rest = Substring(screen)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "m") else { break }
            for code in rest[..<end].split(separator: ";") {
                if let n = Int(code), (30...37).contains(n) || (40...47).contains(n) || (90...97).contains(n) { found.insert(String(n)) }
            }
            rest = rest[end...]
        }
        return found
    }

    @Test(arguments: ["xterm-256color", "screen", "tmux-256color", "linux"])
    func colourOnEveryColourTerminal(term: String) throws {
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        _ = try scratch.run(["import", Self.sample + "/mentions.jsonl"])
        // Two complaints two hours old: overdue, drawn in red.
        let aged = try WebcareProcess.run([scratch.database, "UPDATE mention SET arrived_at = arrived_at - 7200 WHERE id IN (1, 6)"],
                                          executable: "/usr/bin/sqlite3")
        #expect(aged.status == 0)
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["--db", scratch.database], environment: ["TERM": term])
        let shown = try tmux.wait(for: { $0.contains("alle 11") && $0.contains("!") })
        #expect(shown.ok, "\(shown.screen)")
        let screen = try tmux.screen(escapes: true)
        let colours = Self.colours(screen)
        #expect(colours.contains("46"), "title bar in cyan on \(term): \(colours.sorted())")
        #expect(colours.contains("31"), "overdue in red on \(term): \(colours.sorted())")
        #expect(colours.contains("32"), "on-time clocks in green on \(term): \(colours.sorted())")
        #expect(try tmux.press("q", until: "EXIT=0"))
    }

    @Test func monochromeUnderNoColor() throws {
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        _ = try scratch.run(["import", Self.sample + "/mentions.jsonl"])
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["--db", scratch.database], environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        #expect(try tmux.wait(for: "alle 11").ok)
        let screen = try tmux.screen(escapes: true)
        #expect(Self.colours(screen).isEmpty, "\(Self.colours(screen))")
        #expect(screen.contains("\u{1B}[7m") || screen.contains(";7m"), "the title and cursor still stand out in reverse")
        #expect(try tmux.press("q", until: "EXIT=0"))
    }
}
