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
        discussion: "The sample file spans almost five hours of mentions; at the default --speed 120 they arrive over "
            + "about two and a half minutes. The database is removed on quit."
    )

    @Option(help: ArgumentHelp("The mention file to replay.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("How many times faster than real time.", valueName: "n"))
    var speed: Double = 120

    @OptionGroup var config: ConfigOptions

    func validate() throws {
        guard speed > 0, speed.isFinite else { throw ValidationError("--speed must be more than 0.") }
    }

    func run() throws {
        let settings = try config.load()
        guard let sample = file ?? Self.findSample() else {
            StandardStreams.error("webcare: cannot find sample-data/mentions.jsonl; run from the webcare checkout or give --file")
            throw ExitCode(2)
        }
        guard FileManager.default.isReadableFile(atPath: sample) else {
            StandardStreams.error("webcare: cannot read \(sample)")
            throw ExitCode(2)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("webcare-demo-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("inbox.sqlite").path
        let inbox = try Inbox(path: path, rules: settings.rules, deadlines: settings.deadlines)
        let feeder = try Inbox(path: path, agent: "replay", rules: settings.rules, deadlines: settings.deadlines)
        let replay = Thread { [speed] in Self.replay(sample, into: feeder, speed: speed) }
        replay.start()
        try InboxCommand.open(inbox, settings: settings, label: "demo (\(URL(fileURLWithPath: sample).lastPathComponent) ×\(Int(speed)))")
    }

    private static func replay(_ file: String, into inbox: Inbox, speed: Double) {
        guard let input = try? InputFile.openAll([file]).first else { return }
        let reader = RecordReader(lines: LineReader(descriptor: input.descriptor), fileName: input.label, format: nil,
                                  check: RecordCheck(ownHandles: []), csvMapping: [:])
        var clock = ReplayClock(speed: .times(speed))
        let importer = MentionImport()
        _ = try? importer.run(reader, label: input.label, into: inbox, commitEach: true,
                              admit: { mention in clock.arrival(of: mention) }, report: { _ in })
        input.close()
    }

    /// sample-data/mentions.jsonl in the working directory or above the executable
    /// (`swift run` from a checkout, or a build directory inside one).
    static func findSample() -> String? {
        var candidates = [FileManager.default.currentDirectoryPath]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.path)
            directory.deleteLastPathComponent()
        }
        return candidates.map { $0 + "/sample-data/mentions.jsonl" }.first { FileManager.default.fileExists(atPath: $0) }
    }
}
