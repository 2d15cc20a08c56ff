import ArgumentParser
import Foundation
import InboxModel
import InboxStore

/// `webcare show ID`: one mention with everything the inbox knows about it.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one mention: all its fields, suggested and confirmed kind, flow state and history.",
        discussion: "ID is the number `list` prints, or platform:id (twitter:1234), or the platform's id alone."
    )

    @Argument(help: ArgumentHelp("The mention.", valueName: "id"))
    var reference: String

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let inbox = try store.open()
        let now = Date()
        let stored: StoredMention
        do {
            stored = try inbox.mention(reference, now: now)
        } catch let error as StoreError {
            StandardStreams.error("webcare show: \(VisibleText.line(error.description))")
            throw ExitCode(1)
        }
        let flow = try inbox.flow(of: stored.number)
        let history = try inbox.history(of: stored.number)
        if json {
            print(ReportJSON.line(ShowReport(stored, flow: flow, history: history, inbox: inbox, now: now)))
        } else {
            print(MentionText.lines(stored, flow: flow, history: history, inbox: inbox, now: now))
        }
    }
}
