import ArgumentParser
import InboxModel

/// `webcare check`: counts a reply as the channel counts it, the way an agent reads it
/// (`117/140, 23 left`), for one text or, with `--each`, a stream of them.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Count a reply as its channel counts it: 117/140, 23 left.",
        discussion: """
            Twitter replies are counted as Twitter's twitter-text counts them: v1 (140, \
            every URL 23 characters) unless --rules v3 (280, X's current weighting). Other \
            channels have plain limits.

            Exit status: 0 when the reply can be sent, 1 when it cannot (too long, empty, \
            an invalid character), 2 on bad input. With --each: 0 when every line was read; \
            each result says whether that reply is valid.
            """
    )

    @Argument(help: "The reply. Read from standard input when absent or '-' (a final line break there is not counted).")
    var text: String?

    @Option(help: "Twitter rule set: v1 (140 characters, the default) or v3 (280, what X counts today).")
    var rules: TwitterRules?

    @Option(help: ArgumentHelp("Where the reply goes: \(ReplyChannel.allCases.map(\.rawValue).joined(separator: ", ")).",
                               discussion: ReplyChannel.allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "\n")))
    var channel: ReplyChannel = .twitter

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    @Flag(help: "When the reply does not fit, also show it split into numbered parts that do.")
    var split = false

    @Flag(help: "Batch mode: read one JSON string per line from stdin, write one JSON object (weightedLength, valid, reason) per line.")
    var each = false

    enum TwitterRules: String, ExpressibleByArgument, CaseIterable {
        case v1, v3

        var rules: ReplyRules { self == .v1 ? .twitterV1 : .twitterV3 }
    }

    func validate() throws {
        if each, let text, text != "-" {
            throw ValidationError("--each reads its replies from standard input; drop the TEXT argument '\(VisibleText.line(text))'.")
        }
        if each, split || json {
            throw ValidationError("--each always writes JSON lines and does not split; drop --\(split ? "split" : "json").")
        }
        if rules != nil, channel != .twitter {
            throw ValidationError("--rules applies to Twitter replies only; \(channel.rawValue) has its own limit.")
        }
    }

    func run() throws {
        let rules = channel.rules(twitterRules: (self.rules ?? .v1).rules)
        if each {
            try CheckBatch.run(rules: rules)
            return
        }
        let reply = try readReply()
        let length = ReplyLength(of: reply, rules: rules)
        let parts: Result<[String], ReplySplitter.Failure>? = split && !length.isValid
            ? Result { () throws(ReplySplitter.Failure) in try ReplySplitter.split(reply, rules: rules) }
            : nil
        let report = CheckReport(text: reply, length: length, channel: channel, parts: parts)
        print(json ? report.json : report.human)
        if !length.isValid { throw ExitCode(1) }
    }

    private func readReply() throws -> String {
        if let text, text != "-" { return text }
        do {
            var input = try StandardStreams.readAll()
            if input.hasSuffix("\n") { input.removeLast() }
            return input
        } catch {
            StandardStreams.error("webcare check: \(error)")
            throw ExitCode(2)
        }
    }
}

extension ReplyChannel: ExpressibleByArgument {}
