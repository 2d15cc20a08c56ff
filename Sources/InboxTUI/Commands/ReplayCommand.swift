import ArgumentParser
import Foundation
import InboxModel
import InboxStore

/// `webcare replay FILE`: feeds a recorded file into the inbox as if it happened now,
/// for demos, training and load tests.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Feed a recorded mention file into the inbox at N times real time.",
        discussion: """
            Mentions arrive spaced as their posting times were, divided by --speed; each keeps \
            its original time and is stamped with its arrival, so reaction-time clocks run live. \
            --speed max feeds them as fast as the database takes them. With --loop the file \
            starts over at its end, the ids of each new pass ending in ~2, ~3, … so they \
            arrive as new mentions. A progress line is shown on a terminal.
            """
    )

    @Argument(help: ArgumentHelp("A mention file in any format import reads.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("How many times faster than real time, or max.", valueName: "n|max"))
    var speed: Speed = .times(1)

    @Flag(help: "Start over at the end of the file, until interrupted.")
    var loop = false

    @OptionGroup var source: SourceOptions

    @OptionGroup var store: StoreOptions

    enum Speed: ExpressibleByArgument {
        case times(Double)
        case max

        /// From a thousandth (a quiet morning stretched out) to a million times real time
        /// (a year of mentions in half a minute); beyond both the clock arithmetic loses
        /// its meaning, and `max` is there for as fast as possible.
        static let allowed = 0.001...1_000_000.0

        init?(argument: String) {
            if argument == "max" { self = .max; return }
            guard let value = Double(argument), Self.allowed.contains(value) else { return nil }
            self = .times(value)
        }
    }

    func validate() throws {
        try source.validate()
        if loop && file == "-" { throw ValidationError("--loop reads the file again; it cannot with standard input.") }
    }

    func run() throws {
        let inbox = try store.openDatabase()
        var clock = ReplayClock(speed: speed)
        var progress = ReplayProgress()
        var totals = ImportTotals()
        var pass = 1
        repeat {
            guard let input = try InputFile.openAll([file]).first else { return }
            var importer = MentionImport()
            importer.clockOrigin = .arrival
            importer.commitBeforeWaiting = !input.isRegularFile
            let suffix = pass == 1 ? "" : "~\(pass)"
            do {
                totals += try importer.run(source.reader(for: input), label: input.label, into: inbox,
                                           commitEach: clock.isPaced, admit: { mention in
                    if !suffix.isEmpty { mention.renamed(suffix: suffix) }
                    let arrival = clock.arrival(of: mention)
                    progress.admitted(clock: mention.postedAt)
                    return arrival
                }, report: { message in
                    progress.clear()
                    StandardStreams.error(message)
                })
            } catch {
                progress.clear()
                StandardStreams.error("webcare replay: \(input.label): \(error)")
                throw ExitCode(1)
            }
            input.close()
            clock.startPass()
            pass += 1
        } while loop
        progress.clear()
        print("\(VisibleText.line(file)): \(totals.summary)")
        if totals.rejected > 0 { throw ExitCode(1) }
    }
}

/// When each replayed mention is due: the first at once, the rest spaced as they were
/// posted, divided by the speed. Sleeping happens here.
struct ReplayClock {
    let speed: ReplayCommand.Speed
    private var start: (wall: Date, posted: Date)?

    init(speed: ReplayCommand.Speed) {
        self.speed = speed
    }

    var isPaced: Bool {
        if case .times = speed { true } else { false }
    }

    /// A new pass of --loop starts its own timeline.
    mutating func startPass() {
        start = nil
    }

    mutating func arrival(of mention: Mention) -> Date {
        guard case .times(let factor) = speed else { return Date() }
        guard let start else {
            self.start = (Date(), mention.postedAt)
            return Date()
        }
        let due = start.wall + mention.postedAt.timeIntervalSince(start.posted) / factor
        let wait = due.timeIntervalSinceNow
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        return Date()
    }
}

/// The one line a replay keeps rewriting on a terminal: how many mentions went in and
/// where the replay clock stands. Nothing when standard error is not a terminal.
struct ReplayProgress {
    private let onTerminal = isatty(2) == 1
    private var lastShown = Date.distantPast
    private var shown = false
    private var count = 0

    /// One more mention went in; `clock` is its original time.
    mutating func admitted(clock: Date) {
        count += 1
        guard onTerminal, Date().timeIntervalSince(lastShown) >= 0.1 else { return }
        lastShown = Date()
        shown = true
        StandardStreams.errorWithoutNewline("\r\u{1B}[Kreplay: \(count) mentions in, replay clock \(TimeText.iso(clock))")
    }

    mutating func clear() {
        guard shown else { return }
        StandardStreams.errorWithoutNewline("\r\u{1B}[K")
        shown = false
    }
}

extension Mention {
    /// The same mention on a later pass of a looping replay: its ids and the ids it
    /// points to end in `suffix`, so the pass arrives as new mentions in the same threads.
    mutating func renamed(suffix: String) {
        id += suffix
        conversationID = conversationID.map { $0 + suffix }
        inReplyToID = inReplyToID.map { $0 + suffix }
    }
}
