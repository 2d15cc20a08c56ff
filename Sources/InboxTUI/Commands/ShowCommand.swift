import ArgumentParser
import Foundation
import InboxModel
import InboxStore

/// `webcare show ID`: the case a mention belongs to, with everything the inbox knows about it.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a whole case: its first mention's fields, the kinds, the flow, the thread and the history.",
        discussion: """
            ID is any mention of the case: the number `list` prints, or platform:id \
            (twitter:1234), or the platform's id alone. The thread holds the customer's \
            messages, others' in the same conversation, and our replies from the outbox.
            """
    )

    @Argument(help: ArgumentHelp("Any mention of the case.", valueName: "id"))
    var reference: String

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let inbox = try store.openDatabase()
        let now = Date()
        let stored: StoredMention
        do {
            stored = try inbox.openingMention(of: reference, now: now)
        } catch let error as StoreError {
            StandardStreams.error("webcare show: \(VisibleText.line(error.description))")
            throw ExitCode(1)
        }
        let flow = try inbox.flow(of: stored.number)
        let history = try inbox.history(of: stored.number)
        let thread = try inbox.thread(ofCase: stored.caseNumber, now: now)
        if json {
            print(ReportJSON.line(ShowReport(stored, flow: flow, history: history, thread: thread, inbox: inbox,
                                             now: now)))
        } else {
            print(MentionText.lines(stored, flow: flow, history: history, thread: thread, inbox: inbox, now: now))
        }
    }
}
