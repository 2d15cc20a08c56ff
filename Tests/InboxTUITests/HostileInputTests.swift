import Foundation
import InboxStore
import Testing

/// What a careless typist, a poisoned record or another user on the box can do to the
/// real binary: no crash, nothing raw on a terminal, nothing readable by others.
@Suite struct HostileInputTests {
    typealias Scratch = StoreCommandTests.Scratch

    /// A follower count past Int.max / 10 used to import fine and then crash every
    /// screen that showed it. Now the import refuses it by file, line and field, and a
    /// database edited by hand to hold Int.max still lists and shows.
    @Test func poisonedFollowerCounts() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let record = #"{"platform":"twitter","id":"p1","author":{"handle":"a","followers":922337203685477581},"text":"hoi","postedAt":"2026-11-16T08:00:00Z"}"#
        let imported = try scratch.run(["import", "-"], stdin: record + "\n")
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("stdin:1: author.followers: 922337203685477581 is more than 10000000000"))
        let fine = #"{"platform":"twitter","id":"p2","author":{"handle":"a","followers":5},"text":"hoi","postedAt":"2026-11-16T08:00:00Z"}"#
        #expect(try scratch.run(["import", "-"], stdin: fine + "\n").status == 0)
        try sqlite(scratch.database, "UPDATE mention SET followers = 9223372036854775807, arrived_at = 1e300")
        for command in [["list"], ["list", "--json"], ["show", "1"], ["show", "1", "--json"]] {
            let result = try scratch.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
    }

    /// A created_at year near 3·10^11 crashed the import, and every rerun at the same record.
    @Test func absurdYearsAreRejected() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let v1 = #"{"id_str":"1","created_at":"Mon Nov 16 08:00:00 +0000 300000000000","text":"@NetVia hoi","user":{"screen_name":"a","name":"A"}}"#
        let result = try scratch.run(["import", "-"], stdin: v1 + "\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("stdin:1: created_at: not a time"), "\(result.stderr)")
    }

    /// Escape sequences in records reach neither the terminal of whoever reads the
    /// import's errors nor the one reading `list --json`: C1 controls and bidi overrides
    /// are `\u` escapes in JSON and placeholders for people.
    @Test func nothingRawReachesATerminal() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bad = "{\"platform\":\"twitter\",\"id\":\"x\",\"author\":{\"handle\":\"a\",\"followers\":\"\u{1B}]0;title\u{07}\u{1B}[2J\"},\"text\":\"hoi\",\"postedAt\":\"2026\"}\n"
        let imported = try scratch.run(["import", "-"], stdin: bad)
        #expect(imported.status == 1)
        #expect(!imported.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(imported.stderr)")
        let file = scratch.path + "/bad\u{1B}]0;title\u{07}.jsonl"
        try bad.write(toFile: file, atomically: true, encoding: .utf8)
        let replayed = try scratch.run(["replay", file, "--speed", "max"])
        #expect(replayed.status == 1)
        #expect(!(replayed.stderr + replayed.stdout).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 },
                "\(replayed.stderr)")
        let sneaky = #"{"platform":"twitter","id":"c1","author":{"handle":"a","name":"N\u0085\u009b2J"},"text":"refund \u202egnp.exe\u202c \u2066x\u2069","postedAt":"2026-11-16T08:00:00Z"}"#
        #expect(try scratch.run(["import", "-"], stdin: sneaky + "\n").status == 0)
        for command in [["list", "--json"], ["show", "1", "--json"], ["list"], ["show", "1"]] {
            let output = try scratch.run(command).stdout
            let raw = output.unicodeScalars.filter { (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value) || $0.value == 0x1B }
            #expect(raw.isEmpty, "\(command) wrote \(raw.map { String($0.value, radix: 16) })")
        }
        let json = try scratch.run(["list", "--json"]).stdout
        #expect(json.contains(#"\u202e"#) && json.contains(#"\u0085"#))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((decoded?["text"] as? String)?.unicodeScalars.contains("\u{202E}") == true, "the JSON still means the text")
    }

    /// Everything webcare creates is private from its first byte, whatever the umask:
    /// run in a shell of its own so this process's umask never changes.
    @Test(arguments: ["000", "022", "077"]) func privateWhateverTheUmask(umask: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let database = scratch.path + "/new/dir/inbox.sqlite"
        let result = try WebcareProcess.run(["-c", "umask \(umask); exec \"$0\" \"$@\"", WebcareProcess.binary.path,
                                             "import", "--db", database, StoreCommandTests.sample + "/mentions.jsonl"],
                                            executable: "/bin/sh")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(mode(database) == 0o600)
        #expect(mode(database + "-wal") == nil || mode(database + "-wal") == 0o600)
        #expect(mode(scratch.path + "/new/dir") == 0o700)
        #expect(mode(scratch.path + "/new") == 0o700)
        let shared = scratch.path + "/team"
        let team = try WebcareProcess.run(["-c", "umask \(umask); exec \"$0\" \"$@\"", WebcareProcess.binary.path,
                                           "init", "--shared", shared], executable: "/bin/sh")
        #expect(team.status == 0, "\(team.stderr)")
        #expect(mode(shared) == 0o3770)
        #expect(mode(shared + "/inbox.sqlite") == 0o660)
    }

    /// A config file never crashes webcare, and the demo refuses an absurd speed
    /// before it makes anything.
    @Test func configAndSpeedMistakesAreMessages() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let config = scratch.path + "/config.toml"
        try "[(]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let crashed = try WebcareProcess.run(["config", "--config", config])
        #expect(crashed.status == 2)
        #expect(crashed.stderr.contains("config.toml:1: expected a key"), "\(crashed.stderr)")
        let listed = try scratch.run(["list", "--config", config])
        #expect(listed.status == 2)
        let missing = try WebcareProcess.run(["config", "--config", scratch.path + "/none.toml"])
        #expect(missing.status == 0 && missing.stdout.contains("no such file; the defaults apply"))
        let demo = try WebcareProcess.run(["demo", "--speed", "1e300"], environment: ["TMPDIR": scratch.path])
        #expect(demo.status != 0 && demo.stderr.contains("--speed"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).allSatisfy { !$0.hasPrefix("webcare-demo") })
    }

    /// A disk that fills during an import: the import says how much was committed and
    /// that running it again completes it; after making room, it does.
    @Test(.enabled(if: geteuid() == 0, "mounting a small tmpfs needs root"))
    func fullDiskSaysWhatWasCommitted() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var lines: [String] = []
        let sample = try String(contentsOfFile: StoreCommandTests.sample + "/mentions.jsonl", encoding: .utf8)
        for pass in 0..<60 {
            for line in sample.split(separator: "\n") {
                lines.append(line.replacingOccurrences(of: #""id": ""#, with: #""id": "p\#(pass)-"#))
            }
        }
        let file = scratch.path + "/many.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let disk = scratch.path + "/disk"
        mkdir(disk, 0o700)
        #expect(try WebcareProcess.run(["-t", "tmpfs", "-o", "size=600k", "tmpfs", disk], executable: "/bin/mount").status == 0)
        defer { _ = try? WebcareProcess.run([disk], executable: "/bin/umount") }
        let database = disk + "/inbox.sqlite"
        let full = try WebcareProcess.run(["import", "--db", database, file])
        #expect(full.status == 1)
        #expect(full.stderr.contains("the disk is full: "), "\(full.stderr)")
        #expect(full.stderr.contains("run the same import again"))
        #expect(try WebcareProcess.run(["-o", "remount,size=8m", disk], executable: "/bin/mount").status == 0)
        let again = try WebcareProcess.run(["import", "--db", database, file])
        #expect(again.status == 0, "\(again.stderr)")
        let count = try WebcareProcess.run([database, "SELECT count(*) FROM mention"], executable: "/usr/bin/sqlite3")
        #expect(count.stdout == "\(lines.count)\n")
    }

    /// A database the agent may read but not write (another account's file, a snapshot
    /// on a read-only mount) still serves list, show and the inbox, which says so and
    /// refuses changes with why. As root the reader is `nobody` with a copy of the binary.
    @Test func readOnlyDatabaseIsServed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.run(["import", StoreCommandTests.sample + "/mentions.jsonl"]).status == 0)
        let asRoot = geteuid() == 0
        chmod(scratch.path, asRoot ? 0o755 : 0o555)
        defer { chmod(scratch.path, 0o755) }
        chmod(scratch.database, 0o444)
        let binary = scratch.path + "/webcare-copy"
        if asRoot {
            try WebcareProcess.copyBinary(to: binary)
        }
        let prefix = asRoot ? ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] : []
        // Input comes on stdin: the reader may not be able to enter the checkout.
        let run = { (arguments: [String], stdin: String) throws -> WebcareProcess.Outcome in
            asRoot ? try WebcareProcess.run(prefix.dropFirst() + [binary] + arguments + ["--db", scratch.database],
                                            stdin: stdin, environment: ["HOME": "/nonexistent"], executable: "/usr/bin/setpriv")
                : try scratch.run(arguments, stdin: stdin)
        }
        let list = try run(["list", "--limit", "3"], "")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.split(separator: "\n").count == 3)
        #expect(list.stderr.contains("read-only for you"))
        #expect(try run(["show", "1", "--json"], "").status == 0)
        let sample = try String(contentsOfFile: StoreCommandTests.sample + "/mentions.jsonl", encoding: .utf8)
        let imported = try run(["import", "-"], sample)
        #expect(imported.status == 1 && imported.stderr.contains("nothing can be changed"), "\(imported.stderr)")
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        try tmux.start(["--db", scratch.database], prefix: prefix, binary: asRoot ? binary : WebcareProcess.binary.path)
        let shown = try tmux.wait(for: "(read-only)")
        #expect(shown.ok, "\(shown.screen)")
        #expect(try tmux.press("Enter", until: "History"), "the mention opens, unclaimed")
        try tmux.send("c", "q")
        let refused = try tmux.wait(for: "read-only for you")
        #expect(refused.ok, "\(refused.screen)")
        #expect(try tmux.press("q", "q", until: "EXIT=0"))
        let claims = try WebcareProcess.run([scratch.database, "SELECT count(*) FROM claim"], executable: "/usr/bin/sqlite3")
        #expect(claims.stdout == "0\n")
    }

    /// Two agents opening a team's database at the same moment: the first makes its
    /// -shm with the umask's mode and gives it the database's mode right after; the
    /// second, opening in between, used to fail with "attempt to write a readonly
    /// database" (25 of 60 rounds). Now it tries again. As root, the second is `nobody`.
    @Test(.enabled(if: geteuid() == 0, "a second account needs root"))
    func agentsStartingTogether() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        chmod(scratch.path, 0o755)
        let team = scratch.path + "/team"
        #expect(try WebcareProcess.run(["init", "--shared", team, "--group", "nogroup"]).status == 0)
        let database = team + "/inbox.sqlite"
        #expect(try WebcareProcess.run(["import", "--db", database, StoreCommandTests.sample + "/mentions.jsonl"]).status == 0)
        let binary = scratch.path + "/webcare"
        try WebcareProcess.copyBinary(to: binary)
        for round in 0..<30 {
            unlink(database + "-wal")
            unlink(database + "-shm")
            let first = Process()
            first.executableURL = URL(fileURLWithPath: "/bin/sh")
            first.arguments = ["-c", "umask 022; exec \"$0\" list --limit 1 --db \"$1\" > /dev/null", binary, database]
            first.environment = WebcareProcess.isolated
            try first.run()
            let second = try WebcareProcess.run(["--reuid=nobody", "--regid=nogroup", "--clear-groups", binary, "list",
                                                 "--limit", "1", "--db", database],
                                                environment: ["HOME": "/nonexistent"], executable: "/usr/bin/setpriv")
            first.waitUntilExit()
            #expect(second.status == 0 && first.terminationStatus == 0, "round \(round): \(second.stderr)")
        }
    }

    private func mode(_ path: String) -> mode_t? {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
    }

    private func sqlite(_ database: String, _ sql: String) throws {
        let result = try WebcareProcess.run([database, sql], executable: "/usr/bin/sqlite3")
        #expect(result.status == 0, "\(result.stderr)")
    }
}
