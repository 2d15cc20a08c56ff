import Foundation
import GRDB
import InboxModel

/// Which mentions the queue shows: what an agent types after `l` (limit), like mutt's
/// limit patterns but in words, e.g. `kind:complaint platform:twitter mine outage`.
///
/// Words: `kind:K`, `platform:P`, `state:triage|running|closed`, `mine`, `overdue`,
/// `all` (closed ones too), `author:HANDLE` (exactly, case ignored), `conversation:ID`
/// (the cases of one conversation: what a spreading alert limits to); every other word
/// must start a word of the text or the author's handle or name (see `textMatch`). An
/// empty filter is the open queue.
public struct QueueFilter: Equatable, Sendable, CustomStringConvertible {
    public var kind: MentionKind?
    public var platform: Platform?
    public var phase: CasePhase?
    public var mine = false
    public var overdue = false
    public var includeClosed = false
    /// Cases of this author only (a handle, case ignored).
    public var author: String?
    /// Cases with a message in this conversation (a post id: the conversation's root).
    public var conversation: String?
    /// Words that must each start a word in the text, handle or name.
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
            case ("author", 2) where !parts[1].isEmpty:
                author = parts[1].hasPrefix("@") ? String(parts[1].dropFirst()) : parts[1]
            case ("conversation", 2) where !parts[1].isEmpty:
                conversation = parts[1]
            case ("state", 2):
                let phases: [CasePhase] = [.triage, .running, .closed]
                guard let phase = phases.first(where: { $0.rawValue.hasPrefix(parts[1].lowercased()) }),
                      !parts[1].isEmpty else {
                    throw QueueFilterError(word: word, expected: phases.map(\.rawValue))
                }
                self.phase = phase
                if phase == .closed { includeClosed = true }
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
        if let phase { parts.append("state:\(phase.rawValue)") }
        if let author { parts.append("author:\(author)") }
        if let conversation { parts.append("conversation:\(conversation)") }
        if mine { parts.append("mine") }
        if overdue { parts.append("overdue") }
        if includeClosed && phase != .closed { parts.append("all") }
        return (parts + words).joined(separator: " ")
    }

    /// The SQL condition over `mention m` for everything but being open, the kind and
    /// being overdue (which `QueueSegments` reads as runs of its index), and its arguments.
    /// `walking`: for a read that walks the queue index and tests each case it meets, as
    /// opposed to one that starts from the text index's matches.
    func detailCondition(agent: String, dialect: SQLDialect = .sqlite, walking: Bool = false)
        -> (sql: String, arguments: [String: String]) {
        var terms: [String] = []
        var arguments: [String: String] = [:]
        if let phase { terms.append("m.phase = '\(phase.rawValue)'") }
        if let platform { terms.append("m.platform = '\(platform.rawValue)'") }
        if let author {
            terms.append("lower(m.author_handle) = lower(:author)")
            arguments["author"] = author
        }
        if let conversation {
            terms.append("""
                m.id IN (SELECT coalesce(x.case_id, x.id) FROM mention x
                    WHERE x.conversation_id = :conversation OR x.platform_id = :conversation)
                """)
            arguments["conversation"] = conversation
        }
        if mine {
            terms.append("m.id IN (SELECT mention_id FROM claim WHERE agent = :agent AND expires_at > :now)")
            arguments["agent"] = agent
        }
        // Words find a case by any of its messages: the queue line is the case's first
        // mention, the word may be in the customer's latest.
        if let match = textMatch(dialect) {
            terms.append(dialect.caseMatches(parameter: ":match", walking: walking))
            arguments["match"] = match
        }
        for (index, word) in words.filter({ !Self.isIndexed($0) }).enumerated() {
            let name = "w\(index)"
            terms.append("""
                (m.author_handle LIKE :\(name) ESCAPE '\\' OR m.author_name LIKE :\(name) ESCAPE '\\'
                    OR EXISTS (SELECT 1 FROM mention x WHERE (x.id = m.id OR x.case_id = m.id)
                        AND x.text LIKE :\(name) ESCAPE '\\'))
                """)
            arguments[name] = "%" + Self.escapedForLike(word) + "%"
        }
        return (terms.isEmpty ? "true" : terms.joined(separator: " AND "), arguments)
    }

    /// The whole filter as one SQL condition over `mention m`, and its arguments.
    func condition(agent: String, deadlines: ReactionDeadlines, dialect: SQLDialect = .sqlite)
        -> (sql: String, arguments: [String: String]) {
        var (sql, arguments) = detailCondition(agent: agent, dialect: dialect)
        sql += includeClosed ? " AND m.case_id IS NULL" : " AND \(Schema.isOpenCase)"
        if let kind { sql += " AND m.kind = '\(kind.rawValue)'" }
        if overdue { sql += " AND \(QueueSegments.deadlineExpression(deadlines)) <= :now" }
        return (sql, arguments)
    }

    /// The words the text index answers, as one FTS5 query: each piece of a word is the
    /// start of a word in the text, handle or name, ignoring case and accents ("storing"
    /// finds "Storingen" and "#storing", "cafe" finds "Café", "e-mail" finds a mention
    /// with a word starting "e" and one starting "mail"). The index keeps no positions
    /// (it is written on every import), so pieces are looked up one by one, never as a
    /// phrase. Nil when there are none.
    var textMatch: String? { textMatch(.sqlite) }

    /// `textMatch` in the query language of `dialect`'s text index.
    func textMatch(_ dialect: SQLDialect) -> String? {
        let pieces = words.flatMap(Self.indexedPieces)
        return pieces.isEmpty ? nil : dialect.textQuery(pieces)
    }

    /// The runs of letters and digits in `word`, as the text index splits text into words.
    static func indexedPieces(_ word: String) -> [Substring] {
        word.split { !$0.isLetter && !$0.isNumber }
    }

    /// Whether the text index can answer `word`: a word without letters or digits ("!!!",
    /// an emoji) is looked for as written, by a full scan.
    static func isIndexed(_ word: String) -> Bool {
        !indexedPieces(word).isEmpty
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
