import ArgumentParser
import InboxModel
import InboxStore

/// How to read mention files: the options `import` and `replay` share.
struct SourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The file format, when detection guesses wrong.", valueName: "format"))
    var format: MentionFormat?

    @Option(name: .customLong("map"), help: ArgumentHelp(
        "CSV: read a column of another name as a field, e.g. --map 'Tweet Text=text'. Repeatable.",
        valueName: "column=field"))
    var mappings: [String] = []

    @Option(name: .customLong("own"), help: ArgumentHelp(
        "The organisation's own handle; its posts are skipped. Repeatable.", valueName: "handle"))
    var ownHandles: [String] = []

    var csvMapping: [String: String] {
        Dictionary(mappings.compactMap { pair in
            pair.firstIndex(of: "=").map { (String(pair[..<$0]), String(pair[pair.index(after: $0)...])) }
        }, uniquingKeysWith: { _, last in last })
    }

    func validate() throws {
        if let bad = mappings.first(where: { !$0.contains("=") }) {
            throw ValidationError("--map '\(bad)': write it as 'Column name=field'.")
        }
        if let problem = CSVFormat.problem(inMapping: csvMapping) { throw ValidationError(problem) }
    }

    func reader(for input: InputFile) -> RecordReader {
        RecordReader(lines: LineReader(descriptor: input.descriptor), fileName: input.label, format: format,
                     check: RecordCheck(ownHandles: ownHandles), csvMapping: csvMapping)
    }
}

extension MentionFormat: ExpressibleByArgument {}
