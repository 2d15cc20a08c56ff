import PostgresNIO

/// Numbers for mentions an import has not written yet, taken from the table's own
/// identity sequence a block at a time: a run of rows knows its numbers before the server
/// writes it, so a later row of the run can join the case of an earlier one (see
/// `UnwrittenCandidates`). The next block is asked for while half of this one is left,
/// so its answer is there before it is needed. Numbers taken and not written (a row the
/// inbox already had) stay unused, as the sequence's own are on such a conflict.
final class MentionNumbers {
    static let block = 4096
    private let session: PostgresSession
    private var numbers: [Int64] = []
    private var coming: EventLoopFuture<PostgresQueryResult>?

    init(_ session: PostgresSession) {
        self.session = session
    }

    /// The next `count` numbers, in increasing order.
    func take(_ count: Int) throws -> [Int64] {
        while numbers.count < count {
            if coming == nil { ask() }
            let answer = try PostgresSession.wait(coming!)
            coming = nil
            numbers += try answer.rows.first?.decode([Int64].self) ?? []
        }
        let taken = Array(numbers.prefix(count))
        numbers.removeFirst(count)
        if numbers.count < Self.block / 2, coming == nil { ask() }
        return taken
    }

    /// The sequence is named once a block: looking its name up for each number cost
    /// ten times the number.
    private func ask() {
        coming = session.send("""
            WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence('mention', 'id')::regclass AS sequence)
            SELECT array_agg(nextval(s.sequence)) FROM s, generate_series(1, \(Self.block))
            """)
    }
}
