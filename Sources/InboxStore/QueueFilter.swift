import Foundation
import InboxModel

/// Which mentions the queue shows: what an agent types after `l` (limit), like mutt's
/// limit patterns but in words, e.g. `kind:complaint platform:twitter mine outage`.
///
/// Words: `kind:K`, `platform:P`, `state:triage|running|closed`, `mine`, `overdue`,
/// `all` (closed ones too); every other word must appear in the text or the author's
/// handle or name. An empty filter is the open queue.
public struct QueueFilter: Equatable, Sendable, CustomStringConvertible {
    public var kind: MentionKind?
    public var platform: Platform?
    public var phase: String?
    public var mine = false
    public var overdue = false
    public var includeClosed = false
    /// Words that must each appear in the text, handle or name (case-insensitive for ASCII).
    public var words: [String] = []

    public init() {}

    /// A filter that is only the open queue, or everything.
    public static let open = QueueFilter()

    /// Reads a filter as typed; throws a message naming the word it cannot use.
    public init(parsing input: String) throws(QueueFilterError) {
        for word in input.split(whereSeparator: \.isWhitespace).map(String.init) {
            let parts = word.split(separator: ":", maxSplits: 1).map(String.init)
            switch (parts.first?.lowercased(), parts.count) {
            case ("mine", 1): mine = true
            case ("overdue", 1): overdue = true
            case ("all", 1): includeClosed = true
            case ("kind", 2):
                guard let kind = MentionKind.allCases.first(where: { $0.rawValue.hasPrefix(parts[1].lowercased()) }),
                      !parts[1].isEmpty else {
                    throw QueueFilterError(word: word, expected: MentionKind.allCases.map(\.rawValue))
                }
                self.kind = kind
            case ("platform", 2):
                guard let platform = Platform.allCases.first(where: { $0.rawValue.hasPrefix(parts[1].lowercased()) }),
                      !parts[1].isEmpty else {
                    throw QueueFilterError(word: word, expected: Platform.allCases.map(\.rawValue))
                }
                self.platform = platform
            case ("state", 2):
                let phases = ["triage", "running", "closed"]
                guard let phase = phases.first(where: { $0.hasPrefix(parts[1].lowercased()) }), !parts[1].isEmpty else {
                    throw QueueFilterError(word: word, expected: phases)
                }
                self.phase = phase
                if phase == "closed" { includeClosed = true }
            default:
                words.append(word)
            }
        }
    }

    /// The filter as it would be typed again, for the status line.
    public var description: String {
        var parts: [String] = []
        if let kind { parts.append("kind:\(kind.rawValue)") }
        if let platform { parts.append("platform:\(platform.rawValue)") }
        if let phase { parts.append("state:\(phase)") }
        if mine { parts.append("mine") }
        if overdue { parts.append("overdue") }
        if includeClosed && phase != "closed" { parts.append("all") }
        return (parts + words).joined(separator: " ")
    }

    /// The SQL condition over `mention m` (and `claim c` for `mine`), and its arguments.
    func condition(agent: String, deadlines: ReactionDeadlines) -> (sql: String, arguments: [String: String]) {
        var terms: [String] = []
        var arguments: [String: String] = [:]
        if !includeClosed { terms.append("m.phase != 'closed'") }
        if let phase { terms.append("m.phase = '\(phase)'") }
        if let kind { terms.append("m.kind = '\(kind.rawValue)'") }
        if let platform { terms.append("m.platform = '\(platform.rawValue)'") }
        if mine {
            terms.append("c.agent = :agent")
            arguments["agent"] = agent
        }
        if overdue { terms.append("\(QueueQuery.deadlineExpression(deadlines)) <= :now") }
        for (index, word) in words.enumerated() {
            let name = "w\(index)"
            terms.append("(m.text LIKE :\(name) ESCAPE '\\' OR m.author_handle LIKE :\(name) ESCAPE '\\' "
                         + "OR m.author_name LIKE :\(name) ESCAPE '\\')")
            arguments[name] = "%" + Self.escapedForLike(word) + "%"
        }
        return (terms.isEmpty ? "1" : terms.joined(separator: " AND "), arguments)
    }

    static func escapedForLike(_ word: String) -> String {
        var out = ""
        for character in word {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

/// A filter word that names a field but not a value it knows.
public struct QueueFilterError: Error, Equatable, CustomStringConvertible {
    public var word: String
    public var expected: [String]

    public var description: String {
        "cannot limit by '\(word)': use one of \(expected.joined(separator: ", "))"
    }
}
