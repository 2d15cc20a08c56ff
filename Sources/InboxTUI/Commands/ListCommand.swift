import ArgumentParser
import Foundation
import InboxStore

/// `webcare list`: the queue in queue order, for people and for scripts.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the queue in queue order (overdue first, then kind, influence, age).",
        discussion: """
            One line per case: number, clock (! overdue, ~ due soon), age, platform/channel, \
            kind (ending in ? while only suggested), status (new, customer replied, waiting for \
            customer, with a department, draft saved, in progress), author and followers, who \
            holds it, and the customer's latest message (after the number of their messages when \
            there are several). With --json, one JSON object per line, with `case`, `messages` \
            and `status`; see docs/formats.md for the fields.
            """
    )

    @Flag(help: "One JSON object per case, one per line.")
    var json = false

    @Option(help: "Print at most this many.")
    var limit: Int?

    @Flag(help: "Include closed cases.")
    var all = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more.") }
    }

    func run() throws {
        let inbox = try store.openDatabase()
        let now = Date()
        var output = BufferedOutput()
        let width = TerminalWidth.columns
        for stored in try inbox.queue(scope: all ? .all : .open, limit: limit, now: now) {
            if json {
                output.append(ReportJSON.line(MentionReport(stored, classifier: inbox.classifier,
                                                            deadlines: inbox.deadlines, now: now)))
            } else {
                output.append(QueueLine.line(stored, deadlines: inbox.deadlines, now: now, width: width))
            }
            output.append("\n")
        }
        output.flush()
    }
}
