import ArgumentParser

/// `webcare classifier`: teach triage a team's labelled history, measure it on a
/// labelled file, and explain a suggestion.
struct ClassifierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classifier",
        abstract: "Teach, measure and explain the suggested kinds.",
        discussion: """
            Suggestions come from word lists (Dutch and English, by the mention's language) \
            and a model learned from the kinds agents confirm, shared by the team through \
            the database. `train` seeds that model from a labelled file; `report` prints \
            precision and recall per kind for a labelled file; `explain` shows what decides \
            a text's suggestion.
            """,
        subcommands: [ClassifierTrainCommand.self, ClassifierReportCommand.self, ClassifierExplainCommand.self]
    )
}
