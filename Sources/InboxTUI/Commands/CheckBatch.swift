import ArgumentParser
import InboxModel

/// `webcare check --each`: one JSON string per input line, one JSON object per output
/// line, in order, streaming. A malformed line stops the run with its line number.
enum CheckBatch {
    static func run(rules: ReplyRules) throws {
        var reader = LineReader()
        var output = BufferedOutput()
        while let next = reader.next(beforeWait: { output.flush() }) {
            let reply: String
            do {
                guard case .text(let line) = next else {
                    throw StandardStreams.BadInput(description: "longer than \(LineReader.defaultMaxLineBytes >> 20) MiB")
                }
                reply = try JSONText.decodeString(line)
            } catch {
                output.flush()
                StandardStreams.error("webcare check: stdin:\(reader.lineNumber): \(error)")
                throw ExitCode(2)
            }
            let length = ReplyLength(of: reply, rules: rules)
            output.append("{\"weightedLength\":\(length.weightedLength),\"valid\":\(length.isValid),\"reason\":")
            output.append(JSONText.quoted(length.problem?.description))
            output.append("}\n")
        }
        output.flush()
    }
}
