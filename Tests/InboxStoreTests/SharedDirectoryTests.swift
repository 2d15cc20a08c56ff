import Foundation
import Testing
@testable import InboxStore

/// `init --shared` is run again by root as a matter of course (its help says it is safe),
/// in a directory group members write to: nothing they plant there may make it change
/// or create a file elsewhere. Modes are checked whatever the umask: the umask tests run
/// the binary in a shell of their own (StoreCommandTests), so none changes this process.
@Suite("init --shared: a group directory for a team")
struct SharedDirectoryTests {
    @Test("setgid and sticky directory 3770, database 0660, and usable afterwards")
    func modes() throws {
        let dir = try TemporaryDirectory()
        let team = dir.path + "/team"
        let path = try SharedDirectory.prepare(team, group: nil)
        #expect(path == team + "/inbox.sqlite")
        let inbox = try Inbox(path: path, agent: "alice")
        try inbox.add([mention("1")])
        #expect(mode(team) == 0o3770)
        #expect(mode(path) == 0o660)
        #expect(mode(path + "-wal") == 0o660)
        // Running it again keeps the data.
        _ = try SharedDirectory.prepare(team, group: nil)
        #expect(try Inbox(path: path, agent: "bob").mentionCount() == 1)
    }

    @Test("a symlink at the database's name to an existing file is refused and the file left as it was")
    func symlinkToAFile() throws {
        let dir = try TemporaryDirectory()
        let team = dir.path + "/team"
        _ = try SharedDirectory.prepare(team, group: nil)
        try FileManager.default.removeItem(atPath: team + "/inbox.sqlite")
        let secret = try dir.file("root-only", "secret")
        chmod(secret, 0o600)
        symlink(secret, team + "/inbox.sqlite")
        #expect(throws: SharedDirectory.Failure.self) { try SharedDirectory.prepare(team, group: nil) }
        #expect(mode(secret) == 0o600)
    }

    @Test("a dangling symlink at the database's name (or its -wal) creates nothing anywhere", arguments: ["", "-wal", "-shm"])
    func danglingSymlink(suffix: String) throws {
        let dir = try TemporaryDirectory()
        let team = dir.path + "/team"
        _ = try SharedDirectory.prepare(team, group: nil)
        if suffix.isEmpty { try FileManager.default.removeItem(atPath: team + "/inbox.sqlite") }
        let target = dir.path + "/profile.d-script.sh"
        symlink(target, team + "/inbox.sqlite" + suffix)
        #expect(throws: SharedDirectory.Failure.self) { try SharedDirectory.prepare(team, group: nil) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("a database owned by someone else, or hard-linked elsewhere, is refused")
    func foreignOrLinkedDatabase() throws {
        let dir = try TemporaryDirectory()
        let team = dir.path + "/team"
        let path = try SharedDirectory.prepare(team, group: nil)
        let other = dir.path + "/elsewhere"
        link(path, other)
        #expect(throws: SharedDirectory.Failure.self) { try SharedDirectory.prepare(team, group: nil) }
        unlink(other)
        if geteuid() == 0 {
            chown(path, 65534, 65534)
            #expect(throws: SharedDirectory.Failure.self) { try SharedDirectory.prepare(team, group: nil) }
        }
    }

    @Test("a symlink in place of the directory is refused")
    func symlinkedDirectory() throws {
        let dir = try TemporaryDirectory()
        let elsewhere = dir.path + "/elsewhere"
        mkdir(elsewhere, 0o755)
        symlink(elsewhere, dir.path + "/team")
        #expect(throws: SharedDirectory.Failure.self) { try SharedDirectory.prepare(dir.path + "/team", group: nil) }
        #expect(mode(elsewhere) == 0o755)
    }

    @Test("an unknown group is named")
    func unknownGroup() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: SharedDirectory.Failure.self) { try SharedDirectory.prepare(dir.path + "/x", group: "no-such-group-xyz") }
    }

    private func mode(_ path: String) -> mode_t {
        var status = stat()
        stat(path, &status)
        return status.st_mode & 0o7777
    }
}
