import ArgumentParser
import Foundation
import InboxModel
import InboxStore

/// `webcare report`: what the team did in a period and how fast (docs/reports.md).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report what came in, what the team did and how fast, for a period.",
        discussion: """
            Mentions and cases in (per kind, platform, channel, weekday and hour), replied, \
            no reply and closed, first and next response times and resolution time (median, \
            p90), the share of first responses within the house deadline per kind, a table \
            grouped by --by, replies and handling time per agent, the backlog per day, \
            hand-offs, allegations and the team positions used, ambassadors and rising \
            themes. Days are in the local time zone ($TZ). docs/reports.md defines every figure.
            """
    )

    @Option(help: ArgumentHelp("First day of the period (default: six days before --to).", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of the period, included (default: today).", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(help: "Group the table by kind, platform, channel, agent (who replied first), day or hour.")
    var by: ReportGrouping = .kind

    @Flag(help: "Print the report as one JSON document.")
    var json = false

    @Flag(help: "Print the --by table as CSV.")
    var csv = false

    @Option(help: ArgumentHelp("Write the report as one self-contained HTML page with charts (mode 0600).",
                               valueName: "file"))
    var html: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if [json, csv, html != nil].filter({ $0 }).count > 1 { throw ValidationError("--json, --csv and --html: choose one.") }
        _ = try period(now: Date())
    }

    /// The days asked for, whole days in the local time zone; the end is the start of the
    /// day after --to.
    func period(now: Date) throws -> ReportPeriod {
        let calendar = Self.calendar
        let last = try to.map { try Self.day($0, option: "--to") } ?? calendar.startOfDay(for: now)
        let first = try from.map { try Self.day($0, option: "--from") }
            ?? calendar.date(byAdding: .day, value: -6, to: last) ?? last
        guard first <= last else { throw ValidationError("--from \(from ?? "") is after --to \(to ?? "today").") }
        return ReportPeriod(start: first, end: calendar.date(byAdding: .day, value: 1, to: last) ?? last)
    }

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        return calendar
    }

    static func day(_ text: String, option: String) throws -> Date {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day),
              let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: date) == day
        else { throw ValidationError("\(option): expected a day as YYYY-MM-DD, got '\(VisibleText.line(text))'.") }
        return date
    }

    func run() throws {
        let inbox = try store.openDatabase()
        let now = Date()
        let period = try period(now: now)
        let report: TeamReport
        do {
            report = try inbox.report(ReportBuilder(period: period, now: now, by: by, deadlines: inbox.deadlines,
                                                    rules: inbox.rules, calendar: Self.calendar))
        } catch {
            StandardStreams.error("webcare: \(error)")
            throw ExitCode(1)
        }
        if let html {
            try Self.write(TeamReportHTML(report: report, calendar: Self.calendar).render(), to: html)
            print("report written to \(VisibleText.line(html))")
            return
        }
        var output = BufferedOutput()
        if json {
            output.append(try Self.json(report) + "\n")
        } else if csv {
            output.append(TeamReportCSV.render(report))
        } else {
            output.append(TeamReportText(report: report, bars: Bars(unicode: OutputCharset.isUTF8),
                                         calendar: Self.calendar).render())
        }
        output.flush()
    }

    /// Writes `page` to `path` whole or not at all: into a new private file beside it,
    /// then renamed over it (a symlink at `path` is replaced, never followed).
    static func write(_ page: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            let temporary = try PrivateFile.temporaryFile(in: url.deletingLastPathComponent().path, prefix: ".webcare-report",
                                                          suffix: ".html", contents: page)
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw StandardStreams.BadInput(description: "\(path): \(reason)")
            }
        } catch {
            StandardStreams.error("webcare: \(error)")
            throw ExitCode(1)
        }
    }

    /// The report as scripts read it: one line, keys sorted, times ISO 8601 in UTC, names inert.
    static func json(_ report: TeamReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return JSONText.inert(String(decoding: try encoder.encode(report), as: UTF8.self))
    }
}

extension ReportGrouping: ExpressibleByArgument {}
