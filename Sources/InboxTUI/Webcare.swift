import ArgumentParser
import Foundation

/// The `webcare` command: a keyboard-driven inbox for webcare teams. With no subcommand
/// it opens the inbox; the subcommands are the scriptable parts.
@main
struct Webcare: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "webcare",
        abstract: "A terminal inbox for webcare teams: answer what customers say about you on social media.",
        discussion: """
            Exit status: 0 on success, 1 when the input was read but fails the check \
            (a reply that cannot be sent), 2 on bad input or usage.
            """,
        version: version,
        subcommands: [InboxCommand.self, DemoCommand.self, ConfigCommand.self, InitCommand.self, ImportCommand.self, ReplayCommand.self, ListCommand.self, ShowCommand.self, ActCommand.self,
                      OutboxCommand.self, CheckCommand.self, FlowsCommand.self, MigrateCommand.self, ReportCommand.self,
                      ClassifierCommand.self],
        defaultSubcommand: InboxCommand.self
    )

    /// Runs the command, mapping usage errors to exit status 2 like other Unix tools
    /// (argument-parser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardStreams.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
