import Foundation
import Testing
@testable import InboxStore

@Suite("init --shared: a group directory for a team")
struct SharedDirectoryTests {
    @Test("setgid group directory 2770, database 0660 even under umask 077, and usable afterwards")
    func modes() throws {
        let dir = try TemporaryDirectory()
        let team = dir.path + "/team"
        let old = umask(0o077)
        defer { umask(old) }
        let path = try SharedDirectory.prepare(team, group: nil)
        #expect(path == team + "/inbox.sqlite")
        let inbox = try Inbox(path: path, agent: "alice")
        try inbox.add([mention("1")])
        var status = stat()
        stat(team, &status)
        #expect(status.st_mode & 0o7777 == 0o2770)
        stat(path, &status)
        #expect(status.st_mode & 0o777 == 0o660)
        #expect(status.st_gid == getgid())
        stat(path + "-wal", &status)
        #expect(status.st_mode & 0o777 == 0o660)
        // Running it again keeps the data.
        _ = try SharedDirectory.prepare(team, group: nil)
        #expect(try Inbox(path: path, agent: "bob").mentionCount() == 1)
    }

    @Test("an unknown group is named")
    func unknownGroup() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: SharedDirectory.Failure.self) { try SharedDirectory.prepare(dir.path + "/x", group: "no-such-group-xyz") }
    }
}
