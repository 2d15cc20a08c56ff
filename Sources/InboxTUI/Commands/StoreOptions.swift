import ArgumentParser
import Foundation
import InboxModel
import InboxStore

/// `--db` and `--config`, shared by every command that opens the inbox database: the
/// house rules in config.toml are loaded once and the inbox opened under them, so the
/// count to ten, reaction times and Twitter counting are the same in `list`, `show`,
/// `import` and the inbox.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The inbox database: a file, or a PostgreSQL URI (postgresql:///webcare?host=/run/postgresql).",
        discussion: """
            Default: $WEBCARE_DB, else $XDG_DATA_HOME/webcare/inbox.sqlite (~/.local/share/webcare/inbox.sqlite). \
            A URI is read as libpq reads it; its password comes from ~/.pgpass or $PGPASSWORD, never the URI.
            """,
        valueName: "path|uri"))
    var db: String?

    @OptionGroup var config: ConfigOptions

    var path: String { DatabaseLocation.resolve(option: db) }

    /// Opens the team's database, SQLite or PostgreSQL, under the settings in config.toml,
    /// or exits 1 with why not.
    func openDatabase() throws -> any InboxDatabase {
        try openDatabase(settings: config.load())
    }

    /// Opens the team's database under `settings`, or exits 1 with why not.
    func openDatabase(settings: AppState.Settings) throws -> any InboxDatabase {
        let location = path
        guard PostgresLocation.isURI(location) else { return try open(settings: settings) }
        do {
            return try PostgresInbox(try PostgresLocation(uri: location), rules: settings.rules,
                                     deadlines: settings.deadlines, caseRule: settings.caseRule,
                                     warning: { StandardStreams.error("webcare: \(VisibleText.line($0))") })
        } catch {
            StandardStreams.error("webcare: \(VisibleText.line("\(error)"))")
            throw ExitCode(1)
        }
    }

    /// Opens the inbox under the settings in config.toml.
    func open() throws -> Inbox {
        try open(settings: config.load())
    }

    /// Opens (and creates or migrates) the SQLite inbox under `settings`, or exits 1 with
    /// why not; a PostgreSQL URI is refused by the commands not yet moved to `InboxDatabase`.
    func open(settings: AppState.Settings) throws -> Inbox {
        let path = path
        if PostgresLocation.isURI(path) {
            StandardStreams.error("webcare: this command works on an SQLite inbox only, so far")
            throw ExitCode(1)
        }
        do {
            try DatabaseLocation.prepareDirectory(for: path)
            let inbox = try Inbox(path: path, rules: settings.rules, deadlines: settings.deadlines,
                                  caseRule: settings.caseRule)
            if inbox.isReadOnly {
                StandardStreams.error("webcare: \(path) is read-only for you: shown as it is, nothing can be changed")
            }
            return inbox
        } catch {
            StandardStreams.error("webcare: \(error)")
            throw ExitCode(1)
        }
    }
}
