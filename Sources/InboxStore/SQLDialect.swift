/// Where SQLite's and PostgreSQL's SQL differ in what the shared store queries say.
enum SQLDialect: Sendable {
    case sqlite, postgres

    /// SQL true when mention `alias` holds every word of `match` (`QueueFilter.textMatch`'s
    /// pieces) at the start of a word of its text, handle or name, case and accents
    /// ignored: SQLite's FTS5 index, PostgreSQL's tsvector column with prefix queries.
    func textMatches(_ alias: String, parameter: String) -> String {
        switch self {
        case .sqlite: "\(alias).id IN (SELECT rowid FROM mention_fts WHERE mention_fts MATCH \(parameter))"
        case .postgres: "\(alias).search @@ to_tsquery('simple', webcare_unaccent(lower(\(parameter))))"
        }
    }

    /// SQL true when a message of case `m` (its first mention or a member) matches
    /// `parameter` as `textMatches` says. A read that starts from the matches looks them up
    /// in the text index and maps them to their cases; one that walks the queue (many
    /// matches) tests each case it meets, on PostgreSQL, where reading the matches' rows
    /// first would cost more than the page (SQLite's text index answers with rowids alone).
    /// `OFFSET 0` keeps PostgreSQL from hashing the members' matches once for all cases
    /// (reading every match again), so each case met costs one seek in `mention_case`.
    func caseMatches(parameter: String, walking: Bool) -> String {
        if walking && self == .postgres {
            return """
                (\(textMatches("m", parameter: parameter)) OR EXISTS (SELECT 1 FROM mention x
                    WHERE x.case_id = m.id AND \(textMatches("x", parameter: parameter)) OFFSET 0))
                """
        }
        return "m.id IN (SELECT coalesce(x.case_id, x.id) FROM mention x WHERE \(textMatches("x", parameter: parameter)))"
    }

    /// The text query for `pieces` (runs of letters and digits only, so nothing in them
    /// is syntax to either engine): each the start of a word.
    func textQuery(_ pieces: [Substring]) -> String {
        switch self {
        case .sqlite: pieces.map { "\"" + $0 + "\"*" }.joined(separator: " ")
        case .postgres: pieces.map { $0 + ":*" }.joined(separator: " & ")
        }
    }

    /// A boolean expression that may be NULL, as a value to sort by (NULL as false).
    func flag(_ expression: String) -> String {
        switch self {
        case .sqlite: "coalesce(\(expression), 0)"
        case .postgres: "coalesce(\(expression), false)"
        }
    }
}
