import ArgumentParser
import Foundation
import InboxModel

/// The labelled file `classifier train` and `report` read, and how to read it.
struct LabelledFileOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("JSON Lines, or CSV with a header.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The column with the mention's text.", valueName: "name"))
    var textColumn = "text"

    @Option(help: ArgumentHelp("The column with the label.", valueName: "name"))
    var labelColumn = "label"

    @Option(help: ArgumentHelp("The column with the language (en, nl; empty: the words decide).", valueName: "name"))
    var languageColumn = "language"

    @Option(help: ArgumentHelp(
        "Your labels as our kinds: LABEL=KIND[|KIND...],... (KIND: question, complaint, positive, negative, allegation, none).",
        discussion: "The first kind is learned; any of them counts as right. Example: negative=complaint|negative|allegation,neutral=none",
        valueName: "mapping"))
    var map: String?

    @Option(help: ArgumentHelp("Only rows whose column has this value, e.g. split=test.", valueName: "column=value"))
    var only: String?

    func validate() throws {
        if let only, !only.contains("=") { throw ValidationError("--only: expected COLUMN=VALUE, got '\(VisibleText.line(only))'.") }
        if let map { do { _ = try LabelMapping(parsing: map) } catch { throw ValidationError("\(error)") } }
    }

    /// The file's entries, or exit 1 with `file:line: field: what is wrong`.
    func read() throws -> [LabelledFile.Entry] {
        var columns = LabelledFile.Columns()
        columns.text = textColumn
        columns.label = labelColumn
        columns.language = languageColumn
        if let only, let equals = only.firstIndex(of: "=") {
            columns.only = (String(only[..<equals]), String(only[only.index(after: equals)...]))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            StandardStreams.error("webcare: \(file): cannot read it: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        do {
            return try LabelledFile(data, columns: columns, mapping: try map.map(LabelMapping.init(parsing:)) ?? LabelMapping()).entries
        } catch {
            StandardStreams.error("\(file):\(error)")
            throw ExitCode(1)
        }
    }
}
