import ArgumentParser
import Foundation
import InboxStore

/// `--db`, shared by every command that opens the inbox database.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The inbox database file.",
        discussion: "Default: $WEBCARE_DB, else $XDG_DATA_HOME/webcare/inbox.sqlite (~/.local/share/webcare/inbox.sqlite).",
        valueName: "path"))
    var db: String?

    var path: String { DatabaseLocation.resolve(option: db) }

    /// Opens (and creates or migrates) the inbox, or exits 1 with why not.
    func open() throws -> Inbox {
        let path = path
        do {
            try DatabaseLocation.prepareDirectory(for: path)
            return try Inbox(path: path)
        } catch {
            StandardStreams.error("webcare: \(error)")
            throw ExitCode(1)
        }
    }
}
