import Foundation
import GRDB
import InboxModel

extension Inbox {
    /// The report read by two threads at once, each over half of the period's mentions
    /// on a connection of its own (the machine's cores are what a report over a million
    /// mentions waits for), both reading one committed state of the file: a third
    /// connection holds the write lock while the two readers begin, so nothing can commit
    /// between them, and lets go at once. nil when that cannot be arranged (a read-only
    /// file, a writer holding the lock past the busy timeout): the caller reads alone.
    func reportOnTwoConnections(_ builder: ReportBuilder) throws -> TeamReport? {
        var holding = configuration
        // The lock's transaction spans two calls into its connection, which GRDB checks against.
        holding.allowsUnsafeTransactions = true
        guard !isReadOnly, let lock = try? Self.openConnection(path, configuration: holding),
              let other = try? Self.openConnection(path, configuration: configuration),
              (try? lock.inDatabase({ try $0.execute(sql: "BEGIN IMMEDIATE") })) != nil else { return nil }
        defer { try? lock.inDatabase { try $0.execute(sql: "ROLLBACK") } }
        let period = builder.period
        let second = SecondHalf()
        let begun = DispatchSemaphore(value: 0), done = DispatchGroup()
        done.enter()
        Thread.detachNewThread {
            defer { done.leave() }
            var signalled = false
            do {
                try other.inDatabase { db in
                    try Self.beginReading(db)
                    defer { try? db.execute(sql: "COMMIT") }
                    begun.signal()
                    signalled = true
                    var scan = ReportScan(builder: builder, keeping: true)
                    try scan.scan(SQLiteRunner(db: db), ReportScan.periods, within: (try Self.middle(db, of: period), period.end))
                    second.scan = scan
                }
            } catch {
                second.error = error
            }
            if !signalled { begun.signal() }
        }
        defer { done.wait() }
        return try queue.inDatabase { db in
            try Self.beginReading(db)
            defer { try? db.execute(sql: "COMMIT") }
            begun.wait()
            try lock.inDatabase { try $0.execute(sql: "ROLLBACK") }
            let runner = SQLiteRunner(db: db)
            var scan = ReportScan(builder: builder, keeping: true)
            try scan.scan(runner, ReportScan.periods, within: (period.previous.start, try Self.middle(db, of: period)))
            try scan.scan(runner, ReportScan.openBefore)
            done.wait()
            if let error = second.error { throw error }
            if let later = second.scan { scan.merge(later) }
            return try StoreOperations.finish(runner, scan)
        }
    }

    /// Where the two threads split the work: when the mention began waiting whose number
    /// lies 11/20 of the way from the first to the last of both periods' mentions (numbers
    /// follow arrival, so about that share of them comes before it; the first thread
    /// also finishes the report). Three seeks, where counting the mentions would read the
    /// whole index; any split is correct, this one only balances. Both threads ask it of
    /// the same state, and get the same answer.
    private static func middle(_ db: Database, of period: ReportPeriod) throws -> Date {
        let bounds: StatementArguments = ["from": period.previous.start.timeIntervalSince1970,
                                          "to": period.end.timeIntervalSince1970]
        let range = "FROM mention INDEXED BY mention_report WHERE clock_from >= :from AND clock_from < :to"
        guard let first = try Int64.fetchOne(db, sql: "SELECT id \(range) ORDER BY clock_from LIMIT 1", arguments: bounds),
              let last = try Int64.fetchOne(db, sql: "SELECT id \(range) ORDER BY clock_from DESC LIMIT 1",
                                            arguments: bounds)
        else { return period.end }
        let split = min(first, last) + (max(first, last) - min(first, last)) / 20 * 11
        let middle = try Double.fetchOne(db, sql: "SELECT clock_from FROM mention WHERE id >= ? ORDER BY id LIMIT 1",
                                         arguments: [split])
        return middle.map { min(max(Date(timeIntervalSince1970: $0), period.previous.start), period.end) } ?? period.end
    }

    /// Opens a read transaction and reads once: the transaction's view of the file is
    /// fixed by its first read.
    private static func beginReading(_ db: Database) throws {
        try db.execute(sql: "BEGIN DEFERRED")
        _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
    }
}

/// What the second thread of `reportOnTwoConnections` read, or how it failed; read by the
/// first thread only after the second is done.
private final class SecondHalf: @unchecked Sendable {
    var scan: ReportScan?
    var error: (any Error)?
}
