import InboxModel
import PostgresNIO

/// The case lookups of a run of mentions (`CandidateLookup`), sent as one statement per
/// kind of lookup instead of one per mention: each lookup's own SQL, its `:name`
/// parameters read from arrays (one element a mention) through `unnest … CROSS JOIN
/// LATERAL`. A run's hundred small statements cost the server more in messages than in
/// lookups, and the import's client as much again.
struct BatchedLookups {
    /// What was asked, per statement: the lookup of each row (by its position in the run).
    private var sent: [(lookups: [Int: CandidateLookup], answer: EventLoopFuture<[PostgresRow]>)] = []

    /// Sends `lookups` (the position of the row in the run, one of its lookups) on `session`.
    init(_ lookups: [(row: Int, lookup: CandidateLookup)], on session: PostgresSession) throws {
        let kinds = Dictionary(grouping: lookups) { $0.lookup.sql { _ in "" } }
        for (sql, asked) in kinds.sorted(by: { $0.key < $1.key }) {
            var columns = PostgresArrayColumns()
            for (row, lookup) in asked {
                columns.integer(Int64(row))
                for (_, value) in lookup.arguments {
                    switch value {
                    case .text(let text): columns.text(text)
                    case .number(let number): columns.integer(number)
                    }
                }
                columns.endRow()
            }
            let names = asked[0].lookup.arguments.map { "\"\($0.0)\"" }
            let batched = """
                SELECT k."row", c.* FROM unnest(\(columns.parameters)) AS k("row", \(names.joined(separator: ", ")))
                CROSS JOIN LATERAL (\(NamedParameters.substituted(sql) { "k.\"\($0)\"" })) c
                """
            sent.append((Dictionary(asked.map { ($0.row, $0.lookup) }, uniquingKeysWith: { first, _ in first }),
                         try session.sendPrepared(batched, values: columns.arrays)))
        }
    }

    /// The candidates found, by the row they were found for.
    func candidates() throws -> [Int: [CaseCandidate]] {
        var found: [Int: [CaseCandidate]] = [:]
        for (lookups, answer) in sent {
            for postgresRow in try PostgresSession.wait(answer) {
                let row = try PostgresSession.row(postgresRow, binary: true)
                let index: Int = row["row"]
                guard let lookup = lookups[index] else { continue }
                found[index, default: []].append(lookup.candidate(row))
            }
        }
        return found
    }
}
