import ArgumentParser
import Foundation
import InboxStore

/// `--db` and `--config`, shared by every command that opens the inbox database: the
/// house rules in config.toml are loaded once and the inbox opened under them, so the
/// count to ten, reaction times and Twitter counting are the same in `list`, `show`,
/// `import` and the inbox.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The inbox database file.",
        discussion: "Default: $WEBCARE_DB, else $XDG_DATA_HOME/webcare/inbox.sqlite (~/.local/share/webcare/inbox.sqlite).",
        valueName: "path"))
    var db: String?

    @OptionGroup var config: ConfigOptions

    var path: String { DatabaseLocation.resolve(option: db) }

    /// Opens the inbox under the settings in config.toml.
    func open() throws -> Inbox {
        try open(settings: config.load())
    }

    /// Opens (and creates or migrates) the inbox under `settings`, or exits 1 with why not.
    func open(settings: AppState.Settings) throws -> Inbox {
        let path = path
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
