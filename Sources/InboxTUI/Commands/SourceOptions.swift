import Foundation
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

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "CSV: a field every row shares, e.g. --set platform=twitter. Repeatable.", valueName: "field=value"))
    var constants: [String] = []

    @Option(help: ArgumentHelp("CSV: the columns of a known export: \(CSVOptions.Preset.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "name"))
    var preset: CSVOptions.Preset?

    @Option(name: .customLong("timezone"), help: ArgumentHelp(
        "CSV: the zone of times written without one, e.g. Europe/Amsterdam or UTC.", valueName: "zone"))
    var timeZoneName: String?

    @Option(name: .customLong("date-format"), help: ArgumentHelp(
        "CSV: the layout of times no common form reads, e.g. 'dd.MM.yyyy HH:mm' (yyyy MM dd HH mm ss a).",
        valueName: "layout"))
    var dateLayout: String?

    @Option(name: .customLong("own"), help: ArgumentHelp(
        "The organisation's own handle; its posts are skipped. Repeatable.", valueName: "handle"))
    var ownHandles: [String] = []

    var csvMapping: [String: String] { Self.pairs(mappings) }

    /// `name=value` pairs, the last one of a name winning.
    private static func pairs(_ written: [String]) -> [String: String] {
        Dictionary(written.compactMap { pair in
            pair.firstIndex(of: "=").map { (String(pair[..<$0]), String(pair[pair.index(after: $0)...])) }
        }, uniquingKeysWith: { _, last in last })
    }

    var csvOptions: CSVOptions {
        let options = CSVOptions(mapping: csvMapping, constants: Self.pairs(constants),
                                 timeZone: timeZoneName.flatMap(TimeZone.init(identifier:)),
                                 dateFormat: dateLayout.flatMap(DateFormat.init))
        return preset.map { options.over($0) } ?? options
    }

    func validate() throws {
        if let bad = mappings.first(where: { !$0.contains("=") }) {
            throw ValidationError("--map \(ImportProblem.quoted(bad)): write it as 'Column name=field'.")
        }
        if let bad = constants.first(where: { !$0.contains("=") }) {
            throw ValidationError("--set \(ImportProblem.quoted(bad)): write it as 'field=value'.")
        }
        if let problem = CSVFormat.problem(inMapping: csvMapping) { throw ValidationError(problem) }
        if let problem = CSVFormat.problem(inMapping: Dictionary(uniqueKeysWithValues: Self.pairs(constants).keys.map { ($0, $0) })) {
            throw ValidationError(problem.replacingOccurrences(of: "--map", with: "--set"))
        }
        if let layout = dateLayout, DateFormat(layout) == nil {
            throw ValidationError("--date-format \(ImportProblem.quoted(layout)): needs a year, month, day, hour and minute (yyyy MM dd HH mm).")
        }
        if let name = timeZoneName, TimeZone(identifier: name) == nil {
            throw ValidationError("--timezone \(ImportProblem.quoted(name)): not a time zone (such as Europe/Amsterdam or UTC).")
        }
    }

    func reader(for input: InputFile) -> RecordReader {
        RecordReader(lines: LineReader(descriptor: input.descriptor), fileName: input.label, format: format,
                     check: RecordCheck(ownHandles: ownHandles), csv: csvOptions)
    }
}

extension MentionFormat: ExpressibleByArgument {}
extension CSVOptions.Preset: ExpressibleByArgument {}
