import ArgumentParser
import Foundation
import InboxModel
import InboxStore

/// `webcare migrate --from inbox.sqlite --to postgresql://…`: moves a team's inbox to
/// PostgreSQL with its whole history.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Move an SQLite inbox, with its whole history, into an empty PostgreSQL inbox.",
        discussion: """
            Every mention, event, claim, draft, team position and outbox entry is copied as it \
            is (numbers, agents and times kept) in one transaction: a failure leaves the target \
            empty. Make the target first with `webcare init --postgres URI --team ROLE`, and run \
            this as the login that owns it. Prints the rows of each table on both sides; exit \
            status 1 when they differ.
            """
    )

    @Option(help: ArgumentHelp("The SQLite inbox to move.", valueName: "path"))
    var from: String

    @Option(help: ArgumentHelp("The PostgreSQL inbox to move it into.", valueName: "uri"))
    var to: String

    func validate() throws {
        if PostgresLocation.isURI(from) { throw ValidationError("--from is an SQLite file.") }
        if !PostgresLocation.isURI(to) { throw ValidationError("--to is a postgresql:// URI.") }
        if !FileManager.default.fileExists(atPath: from) { throw ValidationError("--from: no file \(from).") }
    }

    func run() throws {
        let counts: DatabaseMove.Counts
        do {
            counts = try DatabaseMove.move(from: try Inbox(path: from), to: try PostgresLocation(uri: to))
        } catch {
            StandardStreams.error("webcare migrate: \(VisibleText.line("\(error)"))")
            throw ExitCode(1)
        }
        let width = InboxTables.all.map(\.count).max() ?? 0
        print("table".padding(toLength: width, withPad: " ", startingAt: 0) + "  sqlite  postgresql")
        for table in InboxTables.all {
            let source = counts.source[table] ?? 0, target = counts.target[table] ?? 0
            print(table.padding(toLength: width, withPad: " ", startingAt: 0)
                  + String(repeating: " ", count: max(1, 8 - String(source).count)) + "\(source)"
                  + String(repeating: " ", count: max(1, 12 - String(target).count)) + "\(target)"
                  + (source == target ? "" : "  differ"))
        }
        if !counts.agree { throw ExitCode(1) }
    }
}
