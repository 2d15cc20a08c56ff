import Foundation
import Testing
@testable import InboxTUI

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
        try tmux.send("t")
        let tagged = try tmux.wait(for: { Self.colours($0).contains("35") }, escapes: true)
        #expect(tagged.ok, "a tagged mention's mark in magenta on \(term)")
        #expect(try tmux.press("q", until: "EXIT=0"))
    }

    @Test func monochromeUnderNoColor() throws {
        let inbox = try SampleInbox(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        defer { inbox.stop() }
        let tmux = inbox.tmux
        let screen = try tmux.screen(escapes: true)
        #expect(Self.colours(screen).isEmpty, "\(Self.colours(screen))")
        #expect(screen.contains("\u{1B}[7m") || screen.contains(";7m"), "the title and cursor still stand out in reverse")
        #expect(try tmux.press("q", until: "EXIT=0"))
    }

    /// In a C locale the screen is ASCII, but what the agent types or pastes as UTF-8 is
    /// kept whole: "één" used to end the text.
    @Test func nonASCIIInputInACLocale() throws {
        let inbox = try SampleInbox(environment: ["LANG": "C", "LC_ALL": "C"])
        defer { inbox.stop() }
        let tmux = inbox.tmux
        #expect(try tmux.press("Enter", until: "yours"))
        #expect(try tmux.press("r", until: "Reply on"))
        try tmux.send("C-u")
        try tmux.type("Hoi één, 日本 en 😀 klaar")
        #expect(try tmux.wait(for: "klaar").ok)
        #expect(try tmux.press("Escape", "q", "q", until: "EXIT=0"))
        #expect(try inbox.query("SELECT text FROM draft") == "Hoi één, 日本 en 😀 klaar\n")
    }

    /// Home, End, Delete and arrows as xterm and rxvt send them, to a terminal described
    /// as something else: edited in the composer, not an Escape that closes it.
    @Test(arguments: ["screen", "linux"]) func xtermSequencesOnOtherTerminals(term: String) throws {
        let inbox = try SampleInbox(environment: ["TERM": term])
        defer { inbox.stop() }
        let tmux = inbox.tmux
        #expect(try tmux.press("Enter", until: "yours"))
        #expect(try tmux.press("r", until: "Reply on"))
        try tmux.send("C-u")
        try tmux.type("abc")
        for piece in ["\u{1B}[H", "X", "\u{1B}[F", "Y", "\u{1B}[D", "\u{1B}[3~", "\u{1B}OH", "Z", "\u{1B}[4~", "!", "\u{1B}[1~", "<"] {
            try tmux.type(piece)
        }
        let edited = try tmux.wait(for: "<ZXabc!")
        #expect(edited.ok, "\(edited.screen)")
        #expect(try tmux.screen().contains("Reply on"), "the composer is still open")
        #expect(try tmux.press("Escape", "q", "q", until: "EXIT=0"))
    }

    /// Alt-b and Alt-f arrive as Esc and a letter in one write: they move by word in the
    /// composer, and ^_ undoes; Esc typed on its own still closes the composer.
    @Test func altKeysAndUndoInTheComposer() throws {
        let inbox = try SampleInbox()
        defer { inbox.stop() }
        let tmux = inbox.tmux
        #expect(try tmux.press("Enter", until: "yours"))
        #expect(try tmux.press("r", until: "Reply on"))
        try tmux.send("C-u", "C-k")
        try tmux.type("een twee drie")
        try tmux.send("M-b", "M-b")
        try tmux.type("<")
        try tmux.send("M-f")
        try tmux.type(">")
        #expect(try tmux.wait(for: "een <twee> drie").ok)
        try tmux.send("C-_")
        #expect(try tmux.wait(for: "een <twee drie").ok)
        #expect(try tmux.screen().contains("Reply on"), "the composer is still open")
        #expect(try tmux.press("Escape", until: "reply kept as a draft"))
        #expect(try tmux.press("q", "q", until: "EXIT=0"))
        #expect(try inbox.query("SELECT text FROM draft") == "een <twee drie\n")
    }

    /// Behind the "terminal too small" screen keys do nothing the agent cannot see:
    /// Enter used to open and claim a mention unseen. q still quits.
    @Test func keysWaitBehindTheTooSmallScreen() throws {
        let inbox = try SampleInbox()
        defer { inbox.stop() }
        let tmux = inbox.tmux
        try tmux.resize(width: 40, height: 10)
        #expect(try tmux.wait(for: "too small").ok)
        // Customers answering in the sample have already joined their cases.
        let events = try inbox.query("SELECT count(*) FROM flow_event")
        try tmux.send("Enter", "j", "c", "a")
        try tmux.resize(width: 100, height: 30)
        #expect(try tmux.wait(for: "alle 11").ok)
        #expect(try inbox.query("SELECT count(*) FROM claim") == "0\n")
        #expect(try inbox.query("SELECT count(*) FROM flow_event") == events)
        try tmux.resize(width: 40, height: 10)
        #expect(try tmux.wait(for: "too small").ok)
        #expect(try tmux.press("q", until: "EXIT=0"))
    }

    /// `webcare demo` from a copy of the binary outside the checkout, in another
    /// directory: its sample is built in, the queue is filled when it opens, and its
    /// private directory is gone after quitting.
    @Test func demoFromAnInstalledCopy() throws {
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        let binary = scratch.path + "/bin/webcare"
        try FileManager.default.createDirectory(atPath: scratch.path + "/bin", withIntermediateDirectories: true)
        try WebcareProcess.copyBinary(to: binary)
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["demo", "--speed", "1"], environment: ["TMPDIR": scratch.path], binary: binary)
        let opened = try tmux.wait(for: { screen in
            guard let range = screen.range(of: #"demo \(mentions.jsonl ×1\) \| +1/"#, options: .regularExpression) else {
                return false
            }
            return (Int(screen[range.upperBound...].prefix { $0.isNumber }) ?? 0) >= DemoCommand.waiting
        })
        #expect(opened.ok, "\(opened.screen)")
        let directories = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix("webcare-demo-") }
        #expect(directories.count == 1)
        var status = stat()
        stat(scratch.path + "/" + (directories.first ?? "none"), &status)
        #expect(status.st_mode & 0o777 == 0o700)
        #expect(try tmux.press("q", until: "EXIT=0"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).allSatisfy { !$0.hasPrefix("webcare-demo-") })
    }

    /// The reply handed to $EDITOR is private from its first byte, in a directory of its
    /// own at a name nobody can guess or plant a file at.
    @Test func editorDraftsArePrivate() throws {
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        let log = scratch.path + "/editor.log"
        let editor = scratch.path + "/editor.sh"
        try """
            #!/bin/sh
            stat -c '%a' "$1" >> '\(log)'
            stat -c '%a' "$(dirname "$1")" >> '\(log)'
            echo "$1" >> '\(log)'
            printf ' uit de editor' >> "$1"
            """.write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let inbox = try SampleInbox(environment: ["EDITOR": editor, "TMPDIR": scratch.path])
        defer { inbox.stop() }
        let tmux = inbox.tmux
        #expect(try tmux.press("Enter", "c", "q", "e", until: "uit de editor"))
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first == "600" && lines.dropFirst().first == "700", "\(lines)")
        let path = String(lines.last ?? "")
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        #expect(directory.deletingLastPathComponent().path == scratch.path && directory.lastPathComponent.hasPrefix("webcare-reply-"),
                "a directory of its own under TMPDIR: \(path)")
        #expect(!FileManager.default.fileExists(atPath: path), "the draft file is removed after editing")
        #expect(try tmux.press("Escape", "q", "q", until: "EXIT=0"))
    }

    /// The agent is the account of the user id, whatever $USER and $LOGNAME say.
    @Test func agentIsTheAccount() throws {
        let account = try WebcareProcess.run(["-un"], executable: "/usr/bin/id").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let inbox = try SampleInbox(environment: ["USER": "someone-else", "LOGNAME": "someone-else"])
        defer { inbox.stop() }
        let screen = try inbox.tmux.screen()
        #expect(screen.contains(" \(account) | ") && !screen.contains("someone-else"), "\(screen)")
        #expect(try inbox.tmux.press("q", until: "EXIT=0"))
    }
}
