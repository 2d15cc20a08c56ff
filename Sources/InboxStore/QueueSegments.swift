import Foundation
import GRDB
import InboxModel

/// The open queue read straight out of the `mention_queue` index, so a page of a
/// million-mention queue costs a few index seeks instead of a sort.
///
/// The queue order starts with "overdue at the time of reading", which no index can hold
/// (it depends on the clock and on the agent's reaction times). So the queue is cut into
/// runs that an index does hold in order: overdue first, then the other cases whose
/// customer waits for us, then those whose clock does not run (we replied, or it is
/// paused); within each, kind by kind (urgency) and influence decade by decade, each run
/// ordered by the start of the wait, arrival and platform key exactly as the index is.
/// Within a run the overdue cases have waited longest, so each run is one index range
/// (`clock_at` up to a bound) with the exact deadline test on top; only direct
/// messages, whose reaction times differ, are read and passed over near the bound. A
/// read runs one statement per run (a few hundred, most of them one seek into an empty
/// range), each prepared once per connection.
struct QueueSegments {
    /// Where a run's cases stand against their deadline.
    enum Clock: Equatable, CaseIterable {
        case overdue
        case running
        /// Nobody waits on us: the clock does not run.
        case stopped
    }

    /// One run: the cases of one urgency and influence decade in one clock state.
    struct Run: Equatable {
        var clock: Clock
        var urgency: Int
        var influence: Int
    }

    let deadlines: ReactionDeadlines
    let now: Date
    /// Extra conditions on `mention m` the runs must also meet, and their arguments.
    let condition: String
    let arguments: StatementArguments
    /// `arguments` by name, for the one-statement read.
    let extraArguments: [String: String]
    /// The runs to read, in queue order.
    let runs: [Run]

    /// Influence decades run from 0 to 18 (the decades of `Int.max` followers).
    static let influenceDecades = Array((0...18).reversed())

    init(deadlines: ReactionDeadlines, now: Date, urgencies: [Int] = Array(0...MentionKind.allCases.count),
         overdueOnly: Bool = false, condition: String = "true", arguments: [String: String] = [:]) {
        self.deadlines = deadlines
        self.now = now
        self.condition = condition
        self.arguments = StatementArguments(arguments)
        extraArguments = arguments
        runs = (overdueOnly ? [.overdue] : Clock.allCases).flatMap { clock in
            urgencies.flatMap { urgency in
                Self.influenceDecades.map { Run(clock: clock, urgency: urgency, influence: $0) }
            }
        }
    }

    /// At most `limit` mentions (nil: all) from position `offset` of the runs taken together.
    func page(_ db: Database, limit: Int?, offset: Int) throws -> [StoredMention] {
        var skip = offset
        var need = limit ?? Int.max
        var rows: [StoredMention] = []
        for run in runs where need > 0 {
            if skip > 0 {
                let size = try count(db, run, cap: skip + 1)
                if size <= skip {
                    skip -= size
                    continue
                }
            }
            let found = try Row.fetchAll(db.cachedStatement(sql: rowsSQL(run.clock)), arguments: arguments(run, [
                "limit": need == Int.max ? -1 : need, "offset": skip,
            ])).map(StoredMention.init(row:))
            rows += found
            need -= found.count
            skip = 0
        }
        return rows
    }

    /// The same page in one statement, for a server a round trip away: every run a
    /// parenthesized index read of at most `offset + limit` ids, in queue order, joined
    /// by UNION ALL, which PostgreSQL reads child by child and stops reading once the
    /// page is full, so the empty runs cost a seek each and the rest is never read; the
    /// page's ids are then joined to what a row shows, once. Its text depends only on the
    /// team's reaction times and the filter (the clock and page are parameters), so the
    /// server plans it once per connection (`PostgresSession.prepared`).
    func page(_ db: PostgresSession, limit: Int?, offset: Int) throws -> [StoredMention] {
        let reads = runs.map { run -> String in
            let range = runCondition(run.clock)
                .replacingOccurrences(of: ":urgency", with: String(run.urgency))
                .replacingOccurrences(of: ":influence", with: String(run.influence))
                .replacingOccurrences(of: ":bound", with: boundExpression(of: run))
            return """
                (SELECT m.id FROM mention m WHERE \(range) AND \(condition)
                ORDER BY m.clock_at, m.arrived_at, m.platform, m.platform_id LIMIT :reach)
                """
        }
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "now": now.timeIntervalSince1970, "offset": offset, "limit": limit ?? Int.max,
            "reach": limit.map { $0 + offset } ?? Int.max]
        for (name, value) in extraArguments { arguments[name] = value }
        return try db.prepared("""
            SELECT \(StoredMention.columns) FROM (
                SELECT id, row_number() OVER () AS position FROM (
                    SELECT id FROM (\(reads.joined(separator: "\nUNION ALL\n"))) AS runs LIMIT :limit OFFSET :offset
                ) AS ids
            ) AS p JOIN mention m ON m.id = p.id \(StoredMention.joins)
            ORDER BY p.position
            """, arguments).map(StoredMention.init(row:))
    }

    /// How many mentions the runs hold together.
    func count(_ db: Database) throws -> Int {
        try runs.reduce(0) { $0 + (try count(db, $1, cap: -1)) }
    }

    /// How many mentions `run` holds, counting no further than `cap` (-1: no cap).
    func count(_ db: Database, _ run: Run, cap: Int) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: countSQL(run.clock)), arguments: arguments(run, ["cap": cap])) ?? 0
    }

    private func rowsSQL(_ clock: Clock) -> String {
        """
        SELECT \(StoredMention.columns) FROM mention m INDEXED BY mention_queue \(StoredMention.joins)
        WHERE \(runCondition(clock)) AND \(condition)
        ORDER BY m.clock_at, m.arrived_at, m.platform, m.platform_id LIMIT :limit OFFSET :offset
        """
    }

    private func countSQL(_ clock: Clock) -> String {
        """
        SELECT count(*) FROM (SELECT 1 FROM mention m INDEXED BY mention_queue
        WHERE \(runCondition(clock)) AND \(condition) LIMIT :cap)
        """
    }

    /// One run's range in `mention_queue` and the exact deadline test over it.
    private func runCondition(_ clock: Clock) -> String {
        let run = "\(Schema.isOpenCase) AND m.urgency = :urgency AND m.influence = :influence AND m.clock_at"
        let deadline = Self.deadlineExpression(deadlines)
        return switch clock {
        case .overdue: "\(run) <= :bound AND \(deadline) <= :now"
        case .running: "\(run) > :bound AND \(deadline) > :now"
        case .stopped: "\(run) IS NULL"
        }
    }

    private func arguments(_ run: Run, _ extra: StatementArguments) -> StatementArguments {
        var arguments = self.arguments
        arguments += ["urgency": run.urgency, "influence": run.influence, "bound": bound(of: run),
                      "now": now.timeIntervalSince1970]
        arguments += extra
        return arguments
    }

    /// Where `run`'s range in the index ends: the bound widens it by a second either way,
    /// so rounding in the exact test (arrival + seconds) never drops a mention from both sides.
    private func bound(of run: Run) -> Double {
        now.timeIntervalSince1970 + boundOffset(of: run)
    }

    /// The bound as SQL over the `:now` parameter, for a statement planned once.
    private func boundExpression(of run: Run) -> String {
        "(CAST(:now AS double precision) + \(boundOffset(of: run)))"
    }

    private func boundOffset(of run: Run) -> Double {
        let allowed = ReplyChannel.allCases.map { deadlines.seconds(for: Self.kind(urgency: run.urgency), on: $0) }
        return run.clock == .overdue ? -Double(allowed.min() ?? 0) + 1 : -Double(allowed.max() ?? 0) - 1
    }

    static func kind(urgency: Int) -> MentionKind? {
        MentionKind.allCases.first { $0.urgency == urgency }
    }

    /// When the case's reaction time runs out, from the columns `mention_queue` holds
    /// (urgency, home and the start of the wait), as `ReactionDeadlines.seconds` says;
    /// NULL while its clock does not run.
    static func deadlineExpression(_ deadlines: ReactionDeadlines) -> String {
        let perUrgency = (0...MentionKind.allCases.count).map { urgency -> String in
            let kind = kind(urgency: urgency)
            let base = deadlines.seconds(for: kind, on: .email)
            let overrides = ReplyChannel.allCases.compactMap { home -> String? in
                let seconds = deadlines.seconds(for: kind, on: home)
                return seconds == base ? nil : "WHEN '\(home.rawValue)' THEN \(seconds)"
            }
            let seconds = overrides.isEmpty ? "\(base)" : "CASE m.home \(overrides.joined(separator: " ")) ELSE \(base) END"
            return "WHEN \(urgency) THEN \(seconds)"
        }
        return "(m.clock_at + CASE m.urgency \(perUrgency.joined(separator: " ")) END)"
    }
}
