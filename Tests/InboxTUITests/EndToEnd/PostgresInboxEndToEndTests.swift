import Foundation
import Testing

/// Two agents' inboxes on one PostgreSQL database, in tmux, as a team across two
/// machines would use them.
@Suite("PostgreSQL: two agents' inboxes on one server",
       .enabled(if: testPostgres != nil, "needs the PostgreSQL server scripts/test starts"))
struct PostgresInboxEndToEndTests {
    @Test("one agent's claim and step show in the other's queue; a locked table keeps the keys and says so")
    func twoAgents() throws {
        let team = try TeamDatabase(team: "webcare_e2e_team", agents: ["e2e_alice", "e2e_bob"])
        let scratch = try StoreCommandTests.Scratch()
        defer { scratch.remove() }
        let tmux = Tmux(home: scratch.path)
        defer { tmux.stop() }
        #expect(try WebcareProcess.run(["import", "--db", team.uri(as: "postgres"),
                                        StoreCommandTests.sample + "/mentions.jsonl"]).status == 0)
        try tmux.start([], name: "alice", environment: ["WEBCARE_DB": team.uri(as: "e2e_alice")])
        try tmux.start([], name: "bob", environment: ["WEBCARE_DB": team.uri(as: "e2e_bob")])
        #expect(try tmux.wait(for: "e2e_alice | webcare_e2e_", target: "alice").ok)
        #expect(try tmux.wait(for: "e2e_bob | webcare_e2e_", target: "bob").ok)

        #expect(try tmux.press("Enter", until: "· yours", target: "alice"))
        // Bob's inbox hears of it by NOTIFY and shows who holds the case.
        #expect(try tmux.wait(for: "[e2e_alice]", target: "bob").ok)

        // Another session holds a lock the step needs: the step waits, the screen says so
        // and keeps the key typed meanwhile; once the lock goes, both land in order.
        let locker = Process(), input = Pipe()
        locker.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        locker.arguments = ["-X", "-q", team.uri(as: "postgres")]
        locker.standardInput = input
        locker.standardOutput = FileHandle.nullDevice
        try locker.run()
        defer { if locker.isRunning { locker.terminate() } }
        input.fileHandleForWriting.write(Data("BEGIN; LOCK TABLE flow_event IN ACCESS EXCLUSIVE MODE; SELECT 'locked';\n".utf8))
        #expect(try TeamDatabase.psqlWaits(for: "flow_event", in: team.name))
        try tmux.send("c", to: "alice")
        #expect(try tmux.wait(for: "Enter: allegation", target: "alice").ok)
        try tmux.send("Enter", to: "alice")
        #expect(try tmux.wait(for: "waiting for the database", target: "alice").ok)
        try tmux.send("?", to: "alice")
        #expect(try tmux.wait(for: "(1 keys kept)", target: "alice").ok)
        input.fileHandleForWriting.write(Data("COMMIT;\n".utf8))
        try input.fileHandleForWriting.close()
        locker.waitUntilExit()
        // The step landed, then the kept key opened the help.
        #expect(try tmux.wait(for: "Keys", target: "alice").ok)
        #expect(try tmux.press("q", until: "allegation/count-to-ten", target: "alice"))
        #expect(try tmux.wait(for: { !$0.contains("waiting for the database") }, target: "alice").ok)
        #expect(try tmux.wait(for: "last: e2e_alice classify", target: "bob").ok)
        #expect(try tmux.press("Q", until: "EXIT=0", target: "alice"))
        #expect(try tmux.press("Q", until: "EXIT=0", target: "bob"))
    }
}

extension TeamDatabase {
    /// Waits until a lock on `table` in database `name` is held (bounded against hanging).
    static func psqlWaits(for table: String, in name: String) throws -> Bool {
        for _ in 0..<600 {
            let held = try psql("""
                SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                WHERE d.datname = '\(name)' AND l.mode = 'AccessExclusiveLock' AND l.granted
                """)
            if held.stdout.contains("1") { return true }
            usleep(50_000)
        }
        return false
    }
}
