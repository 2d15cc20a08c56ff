import ArgumentParser
import Foundation
import InboxModel
import InboxStore

/// `webcare act N STEP [ARGS…]`: any step the inbox offers, without the inbox, with the
/// same checks and refusals (the store folds the log and asks the flow again).
struct ActCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "act",
        abstract: "Take one step on a case, as the inbox would: classify, reply, hand off, close…",
        discussion: """
            CASE is any mention of the case: its number, or platform:id. Steps, named as \
            `webcare flows` names the events:

            \(ScriptedStep.usage.map(\.line).joined(separator: "\n"))

            KIND: \(MentionKind.allCases.map(\.rawValue).joined(separator: ", ")). REASON: \
            \(DismissReason.allCases.map(\.rawValue).joined(separator: ", ")).

            A refused step exits 1 with the reason on stderr and changes nothing. With \
            --as-of SEQ the step is refused when the case changed after event SEQ (another \
            agent, or the customer writing again): the collision guard for scripts.
            """
    )

    @Argument(help: ArgumentHelp("Any mention of the case.", valueName: "case"))
    var reference: String

    @Argument(help: ArgumentHelp("The step and its arguments (after -- when one starts with -).", valueName: "step"))
    var words: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "The last event you saw (lastSeq in show --json); refused if the case changed since.", valueName: "seq"))
    var asOf: Int?

    @Flag(name: .customLong("take-over"), help: "Reply even though another agent holds the case (recorded).")
    var takeOver = false

    @Flag(help: "Print the case after the step as show --json does.")
    var json = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let asOf, asOf < 0 { throw ValidationError("--as-of must be 0 or more.") }
        if words.isEmpty { throw ValidationError("Name a step; webcare act --help lists them.") }
    }

    func run() throws {
        let inbox = try store.openDatabase()
        let now = Date()
        do {
            let opening = try inbox.openingMention(of: reference, now: now)
            let step = try ScriptedStep.parse(words)
            let event: FlowEvent
            if case .setPosition(let id) = step {
                event = .setPosition(try inbox.position(id))
            } else {
                event = try step.event(on: try inbox.flow(of: opening.number), at: now)
            }
            try inbox.append(event, to: opening.number, seenSeq: asOf ?? opening.lastSeq, at: now, takingOver: takeOver)
            if json {
                let stored = try inbox.mention(String(opening.number), now: now)
                print(ReportJSON.line(ShowReport(stored, flow: try inbox.flow(of: stored.number),
                                                 history: try inbox.history(of: stored.number),
                                                 thread: try inbox.thread(ofCase: stored.caseNumber, now: now),
                                                 inbox: inbox, now: now)))
            }
        } catch let problem as ScriptedStep.Problem {
            StandardStreams.error("webcare act: \(VisibleText.line(problem.description))")
            throw ExitCode(1)
        } catch let error as StoreError {
            StandardStreams.error("webcare act: \(VisibleText.line(error.description))")
            throw ExitCode(1)
        }
    }
}
