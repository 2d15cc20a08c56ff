import ArgumentParser
import Foundation
import InboxModel
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

    @Option(help: ArgumentHelp("A PostgreSQL database for the inbox (a URI as --db takes).", valueName: "uri"))
    var postgres: String?

    @Option(help: ArgumentHelp("With --postgres: the team's role, made with its connector role.", valueName: "role"))
    var team: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if group != nil && shared == nil { throw ValidationError("--group goes with --shared DIR.") }
        if team != nil && postgres == nil { throw ValidationError("--team goes with --postgres URI.") }
        if postgres != nil && (shared != nil || store.db != nil) {
            throw ValidationError("--postgres URI names the database; drop --shared and --db.")
        }
        if let team, team.isEmpty || team.count > 50 || team.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            throw ValidationError("--team: a role name of 1 to 50 printable characters.")
        }
        if shared != nil && store.db != nil { throw ValidationError("--shared DIR puts the database in DIR; drop --db.") }
    }

    func run() throws {
        if let postgres {
            try initialize(postgres)
            return
        }
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

    /// Creates the schema in PostgreSQL (and the team's roles), and says what to do next.
    private func initialize(_ uri: String) throws {
        do {
            let location = try PostgresLocation(uri: uri)
            let ran = try PostgresInbox.initialize(location, team: team)
            let done = ran.isEmpty ? "up to date" : ran.min() == 1 ? "created (version \(ran.max()!))"
                : "brought up to version \(ran.max()!)"
            print("Inbox schema \(done): \(location)")
            if let team {
                print("""
                    Roles ready: \(team) (agents) and \(team)_connector (connectors). Add each agent as a login:
                      CREATE ROLE sanne LOGIN IN ROLE \(team);
                    and a connector:
                      CREATE ROLE feed LOGIN IN ROLE \(team)_connector;
                    Each agent then sets WEBCARE_DB=\(location.servers.first.map { server in
                        "postgresql://" + (server.isSocket ? "" : "\(server.host):\(server.port)") + "/\(location.database)"
                            + (server.isSocket ? "?host=\(server.host)" : "") } ?? uri)
                    """)
            }
        } catch {
            StandardStreams.error("webcare init: \(VisibleText.line("\(error)"))")
            throw ExitCode(1)
        }
    }
}
