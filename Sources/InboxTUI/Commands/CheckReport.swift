import InboxModel

/// What `webcare check` prints for one reply, as an agent reads it or as JSON.
struct CheckReport {
    let text: String
    let length: ReplyLength
    let channel: ReplyChannel
    let parts: Result<[String], ReplySplitter.Failure>?

    /// `117/140, 23 left`, or `163/140, 23 too many` with the overflow on the next line.
    var human: String {
        var lines = [counter]
        switch length.problem {
        case .tooLong?:
            lines.append("does not fit: \"\(VisibleText.line(String(length.overflow(in: text))))\"")
        case let problem?:
            lines[0] += ": \(problem)"
        case nil:
            break
        }
        switch parts {
        case let .success(parts)?:
            lines.append("split into \(parts.count) parts:")
            for (index, part) in parts.enumerated() {
                let partLength = ReplyLength(of: part, rules: length.rules)
                lines.append("[\(index + 1)/\(parts.count)] \(Self.counter(for: partLength))")
                lines.append(VisibleText.lines(part))
            }
        case let .failure(failure)?:
            lines.append(failure.description)
        case nil:
            break
        }
        return lines.joined(separator: "\n")
    }

    private var counter: String { Self.counter(for: length) }

    static func counter(for length: ReplyLength) -> String {
        guard let limit = length.limit, let remaining = length.remaining else {
            return "\(length.weightedLength) characters, no limit"
        }
        let tail = remaining >= 0 ? "\(remaining) left" : "\(-remaining) too many"
        return "\(length.weightedLength)/\(limit), \(tail)"
    }

    /// One JSON object with every figure of the human report.
    var json: String {
        var fields = [
            "\"weightedLength\":\(length.weightedLength)",
            "\"limit\":\(length.limit.map(String.init) ?? "null")",
            "\"remaining\":\(length.remaining.map(String.init) ?? "null")",
            "\"valid\":\(length.isValid)",
            "\"reason\":\(JSONText.quoted(length.problem?.description))",
            "\"rules\":\(JSONText.quoted(length.rules.name))",
            "\"channel\":\(JSONText.quoted(channel.rawValue))",
            "\"overflowAt\":\(length.overflows ? String(length.fittingUTF16Length) : "null")",
            "\"overflow\":\(length.overflows ? JSONText.quoted(String(length.overflow(in: text))) : "null")",
        ]
        switch parts {
        case let .success(parts)?:
            let items = parts.map { part in
                "{\"text\":\(JSONText.quoted(part)),\"weightedLength\":\(ReplyLength(of: part, rules: length.rules).weightedLength)}"
            }
            fields.append("\"parts\":[\(items.joined(separator: ","))]")
        case let .failure(failure)?:
            fields.append("\"parts\":null,\"splitError\":\(JSONText.quoted(failure.description))")
        case nil:
            break
        }
        return "{\(fields.joined(separator: ","))}"
    }
}
