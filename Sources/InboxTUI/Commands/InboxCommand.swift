import ArgumentParser
import Foundation
import InboxStore

/// `webcare` with no subcommand: the inbox on the terminal.
struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "Open the inbox (the default when no subcommand is given).",
        discussion: "Keys: ? in the inbox lists them; q goes back and quits. Needs a terminal; exit 2 without one."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let settings = try store.config.load()
        let inbox = try store.openDatabase(settings: settings)
        let label = (try? PostgresLocation(uri: store.path))?.label ?? store.path
        try InboxCommand.open(inbox, settings: settings, label: label)
    }

    /// Runs the inbox on the terminal until the agent quits; exit 2 when there is no
    /// terminal to run on.
    static func open(_ inbox: any InboxDatabase, settings: AppState.Settings, label: String) throws {
        var settings = settings
        let terminal: Terminal
        do {
            terminal = try Terminal(colour: ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
        } catch {
            StandardStreams.error(error.description)
            throw ExitCode(2)
        }
        settings.ascii = !terminal.utf8
        Signals.install()
        let session: Session
        do {
            session = try Session(inbox: inbox, terminal: terminal, settings: settings, databaseLabel: label)
        } catch {
            terminal.close()
            StandardStreams.error("webcare: \(error)")
            throw ExitCode(1)
        }
        session.run()
    }
}
