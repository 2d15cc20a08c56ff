import ArgumentParser
import Foundation
import InboxModel
import InboxStore

/// `webcare import FILE…`: adds mention files to the inbox. Streams, so a pipe feeds a
/// running inbox live; idempotent, so running it again after a crash completes it.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add mentions from files (or - for stdin) to the inbox.",
        discussion: """
            Formats (detected, or named with --format): \(MentionFormat.allCases.map(\.rawValue).joined(separator: ", ")). \
            See docs/formats.md. A mention already in the inbox (same platform and id) is \
            left as it is, so importing twice adds nothing. Retweets and posts by --own \
            handles are skipped and counted.

            Each bad record is reported as file:line: field: what is wrong. Exit status: 0 \
            when every record was read, 1 when any was rejected, 2 on usage or an unreadable file.
            """
    )

    @Argument(help: ArgumentHelp("Mention files; - reads standard input as it arrives.", valueName: "file"))
    var files: [String]

    @OptionGroup var source: SourceOptions

    @Flag(help: "Reject a whole file, writing nothing from it, when any record in it is bad.")
    var strict = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        try source.validate()
    }

    func run() throws {
        let inputs = try InputFile.openAll(files)
        let inbox = try store.openDatabase()
        var totals = ImportTotals()
        for input in inputs {
            let reader = source.reader(for: input)
            var importer = MentionImport(strict: strict)
            importer.commitBeforeWaiting = !input.isRegularFile
            let fileTotals: ImportTotals
            do {
                fileTotals = try importer.run(reader, label: input.label, into: inbox, report: StandardStreams.error)
            } catch {
                StandardStreams.error("webcare import: \(input.label): \(error)")
                throw ExitCode(1)
            }
            input.close()
            print("\(VisibleText.line(input.label)): \(fileTotals.summary)")
            totals += fileTotals
        }
        if inputs.count > 1 { print("total: \(totals.summary)") }
        if totals.rejected > 0 { throw ExitCode(1) }
    }
}
