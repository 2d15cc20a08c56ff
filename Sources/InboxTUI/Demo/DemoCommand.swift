import ArgumentParser
import Foundation
import InboxModel
import InboxStore

/// `webcare demo`: the inbox on a fresh temporary database while the sample mentions
/// replay into it, so a new user sees mentions arrive and can try every flow.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the inbox on a temporary database while the sample data replays into it.",
        discussion: "The sample (built in) spans five hours of mentions: the first 24 are waiting when the inbox "
            + "opens, and at the default --speed 120 the rest arrive over about two and a half minutes. What you send "
            + "is posted at once by a stand-in connector (outbox ack with a made-up platform id), and the last "
            + "customers in the sample answer those replies. The database lives in a new private directory under "
            + "$TMPDIR, removed on quit."
    )

    @Option(help: ArgumentHelp("A mention file to replay instead of the built-in sample.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("How many times faster than real time.", valueName: "n"))
    var speed: Double = 120

    @OptionGroup var config: ConfigOptions

    /// Mentions in the queue when the inbox opens, before the rest arrive live: a
    /// Monday morning's first hour is waiting for the agent.
    static let waiting = 24

    func validate() throws {
        guard ReplayCommand.Speed.allowed.contains(speed) else {
            throw ValidationError("--speed must be from \(ReplayCommand.Speed.allowed.lowerBound) to 1000000.")
        }
    }

    func run() throws {
        let settings = try config.load()
        let input = try file.flatMap { try InputFile.openAll([$0]).first }
        // mkdtemp: a new 0700 directory nobody could have made first.
        let directory: String
        do {
            directory = try PrivateFile.temporaryDirectory(prefix: "webcare-demo")
        } catch {
            StandardStreams.error("webcare: \(error)")
            throw ExitCode(1)
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + DatabaseLocation.fileName
        let inbox = try Inbox(path: path, rules: settings.rules, deadlines: settings.deadlines,
                              caseRule: settings.caseRule)
        let feeder = try Inbox(path: path, agent: "replay", rules: settings.rules, deadlines: settings.deadlines,
                               caseRule: settings.caseRule)
        let lines = input.map { LineReader(descriptor: $0.descriptor) } ?? LineReader(bytes: Array(SampleMentions.jsonLines.utf8))
        let label = input?.label ?? SampleMentions.fileName
        let reader = RecordReader(lines: lines, fileName: label, format: nil, check: RecordCheck(ownHandles: []))
        let filled = DispatchSemaphore(value: 0)
        let replay = Thread { [speed] in
            Self.replay(reader, label: label, into: feeder, speed: speed, filled: filled)
            input?.close()
        }
        replay.start()
        let connector = Thread {
            DemoConnector.run(feeder, running: { FileManager.default.fileExists(atPath: path) })
        }
        connector.start()
        // The inbox opens on a filled queue: the first mentions are in before it draws.
        _ = filled.wait(timeout: .now() + 10)
        let shownSpeed = speed >= 1 ? "\(Int(speed.rounded()))" : "\(speed)"
        try InboxCommand.open(inbox, settings: settings, label: "demo (\(VisibleText.line(label)) ×\(shownSpeed))")
    }

    /// The first `waiting` mentions at once (then `filled` is signalled), the rest
    /// spaced as they were posted, divided by `speed`.
    private static func replay(_ reader: RecordReader, label: String, into inbox: Inbox, speed: Double,
                               filled: DispatchSemaphore) {
        var clock = ReplayClock(speed: .times(speed))
        var admitted = 0
        var importer = MentionImport()
        importer.clockOrigin = .arrival
        _ = try? importer.run(reader, label: label, into: inbox, commitEach: true, admit: { mention in
            admitted += 1
            // Each mention is committed before the next is admitted: the first that
            // has to wait finds the waiting ones in the database.
            if admitted == waiting + 1 { filled.signal() }
            return admitted <= waiting ? Date() : clock.arrival(of: mention)
        }, report: { _ in })
        if admitted <= waiting { filled.signal() }
    }
}
