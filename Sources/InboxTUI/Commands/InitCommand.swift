import ArgumentParser
import Foundation
import InboxStore

/// `webcare init`: creates the inbox database, private or shared by a team.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the inbox database; with --shared, one a team's group shares on this box.",
        discussion: """
            --shared DIR makes DIR owned by the group (setgid and sticky, mode 3770: members \
            cannot replace each other's files) and DIR/inbox.sqlite readable and writable by the \
            group only (0660). Each agent then sets WEBCARE_DB=DIR/inbox.sqlite. Running it again \
            is safe, also as root: it fixes modes and keeps the data, and refuses a symlink or a \
            file that is not the directory owner's instead of following or changing it. Without \
            --shared the database is private (0600, a directory made for it 0700), whatever the umask.
            """
    )

    @Option(help: ArgumentHelp("A directory for a team's shared inbox.", valueName: "dir"))
    var shared: String?

    @Option(help: ArgumentHelp("The team's Unix group (default: the directory's group, else yours).", valueName: "group"))
    var group: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if group != nil && shared == nil { throw ValidationError("--group goes with --shared DIR.") }
        if shared != nil && store.db != nil { throw ValidationError("--shared DIR puts the database in DIR; drop --db.") }
    }

    func run() throws {
        if let shared {
            let path: String
            do {
                path = try SharedDirectory.prepare(shared, group: group)
                _ = try Inbox(path: path)
            } catch {
                StandardStreams.error("webcare init: \(error)")
                throw ExitCode(1)
            }
            print("Shared inbox ready: \(path)")
            print("Each agent adds to their shell profile: export WEBCARE_DB=\(path)")
            return
        }
        let inbox = try store.open()
        print("Inbox ready: \(inbox.path)")
    }
}
