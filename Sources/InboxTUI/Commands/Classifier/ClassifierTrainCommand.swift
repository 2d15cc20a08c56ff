import ArgumentParser
import InboxStore

/// `webcare classifier train FILE`: adds a labelled file to the team's model.
struct ClassifierTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Teach the team's model a labelled history (adds to what it learned).",
        discussion: """
            Each row counts as one confirmation of its label, in the language its language \
            column or its words say; rows whose language cannot be told are skipped. \
            Training the same file twice counts it twice.
            """
    )

    @OptionGroup var labelled: LabelledFileOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let entries = try labelled.read()
        let inbox = try store.openDatabase()
        do {
            let learned = try inbox.train(entries)
            print("learned \(learned) of \(entries.count) labelled mentions (\(entries.count - learned) with no language to learn under)")
        } catch {
            StandardStreams.error("webcare: \(error)")
            throw ExitCode(1)
        }
    }
}
