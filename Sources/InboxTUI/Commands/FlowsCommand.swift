import ArgumentParser
import InboxModel

/// `webcare flows`: every flow's states, transitions, refusals and default
/// templates as Markdown, printed from the machines. docs/flows.md is this
/// output, checked by a test.
struct FlowsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flows",
        abstract: "Print every escalation flow's states, transitions and templates as Markdown.",
        discussion: "docs/flows.md is this output: swift run webcare flows > docs/flows.md"
    )

    func run() {
        print(FlowDocument.markdown(), terminator: "")
    }
}
