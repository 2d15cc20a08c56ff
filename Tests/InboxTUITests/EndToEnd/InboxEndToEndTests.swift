import Foundation
import InboxStore
import Testing

/// The real binary in tmux, driven as an agent drives it: keys in, the screen read back.
@Suite(.serialized) struct InboxEndToEndTests {
    static let sample = StoreCommandTests.sample

    /// The demo, through the whole allegation flow: classify, the count to ten refusing a
    /// reply, a new team position, asking the motive, thinking, drafting, sending, and the
    /// reply in `webcare outbox`.
    @Test func allegationFlowInTheDemo() throws {
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["demo", "--speed", "100000"], environment: ["TMPDIR": scratch.path])
        #expect(try tmux.wait(for: "alle 11").ok)
        try tmux.send("l")
        try tmux.type("kind:alleg")
        #expect(try tmux.press("Enter", until: "limit: kind:allegation |  1/11"))
        #expect(try tmux.press("j", "j", "k", until: "|  2/11"))
        #expect(try tmux.press("Enter", until: "· yours"))
        #expect(try tmux.press("c", "a", until: "count to ten:"))
        #expect(try tmux.press("r", until: "Reply on Twitter/X"))
        #expect(try tmux.press("Enter", until: "Send this reply on Twitter/X"))
        try tmux.send("y")
        let refused = try tmux.wait(for: { $0.split(separator: "\n").last?.hasPrefix("count to ten:") == true })
        #expect(refused.ok, "\(refused.screen)")
        #expect(try tmux.press("Escape", "p", until: "No team positions yet"))
        try tmux.send("n")
        try tmux.type("klantdata")
        try tmux.send("Enter")
        try tmux.type("Wij verkopen geen klantgegevens, aan niemand, ook niet aan adverteerders: zie onze privacyverklaring.")
        #expect(try tmux.press("Enter", until: "Short form for replies"))
        // The reply fills in the short form; the full statement would not fit beside the rest.
        try tmux.type("Wij verkopen geen klantgegevens, aan niemand.")
        #expect(try tmux.press("Enter", until: "saved as version 1"))
        #expect(try tmux.press("Enter", until: "team position: klantdata v1"))
        #expect(try tmux.wait(for: "counted to ten").ok)
        #expect(try tmux.press("r", until: "Waar heb je dit gelezen"))
        #expect(try tmux.press("Enter", "y", until: "sent; it is in the outbox"))
        #expect(try tmux.wait(for: "[>] motive-asked").ok)
        // The flow waits for where it comes from; the agent goes on, saying why.
        #expect(try tmux.press("s", until: "go on without their answer"))
        #expect(try tmux.press("1", until: "Go on without their answer because:"))
        try tmux.type("het verhaal verspreidt zich")
        #expect(try tmux.press("Enter", until: "[>] motive-heard"))
        #expect(try tmux.press("s", until: "think it through"))
        #expect(try tmux.press("1", until: "you will respond by:"))
        try tmux.type("de feiten noemen, niet verdedigen")
        #expect(try tmux.press("Enter", until: "[>] thought"))
        #expect(try tmux.press("s", "1", until: "[>] drafting"))
        #expect(try tmux.press("r", until: "Wij verkopen geen klantgegevens"))
        #expect(try tmux.press("Enter", "y", until: "[>] sent"))
        let demo = try FileManager.default.contentsOfDirectory(atPath: scratch.path).first { $0.hasPrefix("webcare-demo-") }
        // The demo's stand-in connector posts what is sent and acks it with a made-up id.
        let database = scratch.path + "/" + (demo ?? "missing") + "/inbox.sqlite"
        var outbox = try WebcareProcess.run(["outbox", "--all", "--db", database])
        for _ in 0..<100 where outbox.stdout.components(separatedBy: "[delivered]").count < 3 {
            usleep(100_000)
            outbox = try WebcareProcess.run(["outbox", "--all", "--db", database])
        }
        #expect(outbox.status == 0)
        #expect(outbox.stdout.components(separatedBy: "[delivered]").count == 3, "\(outbox.stdout)")
        #expect(outbox.stdout.contains("Waar heb je dit gelezen"))
        #expect(outbox.stdout.contains("Wij verkopen geen klantgegevens, aan niemand."))
        #expect(try tmux.press("q", "q", until: "EXIT=0"))
    }

    /// Emoji sequences (a sun with its emoji selector, a skin tone, a flag, a family)
    /// take on the glass exactly the columns webcare reserved: the queue drawn over the
    /// help screen keeps no leftovers of it after them.
    @Test func emojiSequencesLeaveNoLeftovers() throws {
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        let text = "Zon \u{2600}\u{FE0F} en 👍🏽 uit 🇳🇱 met 👨\u{200D}👩\u{200D}👧 klaar"
        let record = #"{"platform":"twitter","channel":"mention","id":"1","author":{"handle":"zon","name":"Zon","followers":5},"text":"\#(text)","postedAt":"2026-11-21T10:00:00Z"}"#
        #expect(try scratch.run(["import", "-"], stdin: record + "\n").status == 0)
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["--db", scratch.database])
        #expect(try tmux.wait(for: "klaar").ok)
        #expect(try tmux.press("?", until: "Keys here (queue)"))
        #expect(try tmux.press("q", until: "klaar"))
        let row = try tmux.screen().split(separator: "\n").first { $0.contains("klaar") } ?? ""
        let shown = row[row.range(of: "Zon")!.lowerBound...]
        #expect(shown.trimmingCharacters(in: .whitespaces) == "Zon \u{2600} en 👍 uit 🇳🇱 met 👨👩👧 klaar", "\(row)")
        #expect(try tmux.press("Enter", until: "Zon @zon"))
        let body = try tmux.screen().split(separator: "\n").first { $0.contains("klaar") } ?? ""
        #expect(body.trimmingCharacters(in: .whitespaces) == "Zon \u{2600} en 👍 uit 🇳🇱 met 👨👩👧 klaar", "\(body)")
    }

    /// Resizing while composing keeps the text and the counter; too small says so and
    /// comes back when the window grows again.
    @Test func resizeWhileComposing() throws {
        let inbox = try SampleInbox()
        defer { inbox.stop() }
        let (scratch, tmux) = (inbox.scratch, inbox.tmux)
        #expect(try tmux.press("Enter", until: "· yours"))
        #expect(try tmux.press("c", "q", "r", until: "Reply on"))
        // The cursor starts before the signature: ^U and ^K clear both sides of it.
        try tmux.send("C-u", "C-k")
        try tmux.type("Hoi, 日本語 en 😀 in één antwoord")
        #expect(try tmux.wait(for: "29/140").ok)
        try tmux.resize(width: 70, height: 20)
        let narrow = try tmux.wait(for: { $0.contains("29/140") && $0.contains("日本語 en 😀") })
        #expect(narrow.ok, "\(narrow.screen)")
        try tmux.resize(width: 50, height: 12)
        #expect(try tmux.wait(for: "Terminal too small: 50x12").ok)
        try tmux.resize(width: 120, height: 35)
        let back = try tmux.wait(for: { $0.contains("29/140") && !$0.contains("too small") })
        #expect(back.ok, "\(back.screen)")
        try tmux.type("!")
        #expect(try tmux.wait(for: "30/140").ok)
        #expect(try tmux.press("Escape", "q", "q", until: "EXIT=0"))
        #expect(try WebcareProcess.run(["show", "1", "--db", scratch.database]).status == 0)
    }

    /// Two agents on one database in two panes: the second sees the first's claim, and
    /// it goes when the first lets go. As root the second runs as `nobody` in a shared
    /// directory, so they are really two accounts; nobody gets a copy of the binary in
    /// that directory, since the clone may sit where others cannot enter.
    @Test func secondAgentSeesTheClaim() throws {
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        let shared = scratch.path + "/team"
        let asRoot = getuid() == 0
        #expect(try WebcareProcess.run(["init", "--shared", shared] + (asRoot ? ["--group", "nogroup"] : [])).status == 0)
        chmod(scratch.path, 0o755)
        let binary = scratch.path + "/webcare"
        try WebcareProcess.copyBinary(to: binary)
        let database = shared + "/inbox.sqlite"
        #expect(try WebcareProcess.run(["import", "--db", database, Self.sample + "/mentions.jsonl"]).status == 0)
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["--db", database], name: "first")
        let second = asRoot ? ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] : []
        try tmux.start(["--db", database], name: "second", prefix: second, binary: binary)
        #expect(try tmux.wait(for: "alle 11", target: "first").ok)
        let ready = try tmux.wait(for: "alle 11", target: "second")
        #expect(ready.ok, "\(ready.screen)")
        try tmux.send("Enter", to: "first")
        let holder = asRoot ? "[root]" : "[you]"
        let seen = try tmux.wait(for: holder, target: "second")
        #expect(seen.ok, "\(seen.screen)")
        try tmux.send("q", "q", to: "first")
        #expect(try tmux.wait(for: { !$0.contains(holder) }, target: "second").ok)
    }

    /// SIGHUP (a dropped ssh session) and SIGTERM restore the terminal and save the draft.
    @Test(arguments: ["HUP", "TERM"]) func signalSavesTheDraftAndRestoresTheTerminal(signal: String) throws {
        let inbox = try SampleInbox()
        defer { inbox.stop() }
        let (scratch, tmux) = (inbox.scratch, inbox.tmux)
        try tmux.send("Enter", "c", "q", "r", "C-u", "C-k")
        try tmux.type("Hoi Peter, half getypt")
        #expect(try tmux.wait(for: "Hoi Peter, half getypt").ok)
        let pids = try WebcareProcess.pids(of: scratch.database)
        #expect(pids.count == 1)
        for pid in pids { kill(pid, signal == "HUP" ? SIGHUP : SIGTERM) }
        // The shell prints the exit status on a clean, restored screen (no alternate screen left).
        let after = try tmux.wait(for: "EXIT=0")
        #expect(after.ok, "\(after.screen)")
        let store = try Inbox(path: scratch.database)
        let opened = try store.queue(scope: .all).first { $0.confirmedKind == .question }
        #expect(try opened.flatMap { try store.draft(for: $0.number) } == "Hoi Peter, half getypt")
    }

    /// No terminal, or TERM=dumb: a clear message and exit 2, nothing drawn.
    @Test func noTerminalOrDumbTerminal() throws {
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        let piped = try WebcareProcess.run(["--db", scratch.database])
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("the inbox needs a terminal"))
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["--db", scratch.database], environment: ["TERM": "dumb"])
        let dumb = try tmux.wait(for: "EXIT=2")
        #expect(dumb.ok, "\(dumb.screen)")
        #expect(dumb.screen.contains("TERM is dumb"))
    }
}
