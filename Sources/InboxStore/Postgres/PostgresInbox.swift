import Foundation
import InboxModel

/// One agent's handle on a team's inbox in PostgreSQL: the same operations as the SQLite
/// `Inbox` (the shared `StoreOperations`), where the agent is the database login
/// (`current_user`), which the server enforces (see `PostgresSchema`).
///
/// One connection, used by one thread at a time: a lock serialises callers.
public final class PostgresInbox: InboxDatabase, @unchecked Sendable {
    public let location: String
    /// Where it connects, for the change watcher's own connection.
    let place: PostgresLocation
    /// The server process of this connection: the watcher ignores what it notifies.
    private(set) var backendPID: Int32
    /// What `takeNotice` tells once.
    private var notice: String?
    public let agent: String
    public let rules: HouseRules
    public let deadlines: ReactionDeadlines
    public let classifier: KindClassifier
    /// Which case a new mention joins (the reopening window is a house rule).
    public let caseRule: CaseRule
    /// The connection; a new one replaces it when the server or the network dropped it.
    private(set) var session: PostgresSession
    private let lock = NSLock()

    /// Connects and brings the schema up to date when this login may (the owner who ran
    /// `webcare init --postgres`); an agent's login meeting an older schema is told to ask
    /// for it instead of failing halfway.
    public init(_ location: PostgresLocation, rules: HouseRules = HouseRules(), deadlines: ReactionDeadlines = .defaults,
                classifier: KindClassifier = KindClassifier(), caseRule: CaseRule = CaseRule(),
                warning: @escaping @Sendable (String) -> Void = { _ in }) throws {
        self.location = location.description
        place = location
        self.rules = rules
        self.deadlines = deadlines
        self.classifier = classifier
        self.caseRule = caseRule
        session = try PostgresSession(location, warning: warning)
        let me = try session.rows("SELECT current_user::text AS agent, pg_backend_pid() AS pid")[0]
        agent = me["agent"]
        backendPID = Int32(me["pid"] as Int64)
        guard try PostgresSchema.isCurrent(session) else {
            throw StoreError.cannotOpen(path: location.description, reason: "no webcare schema here, or an older one: "
                                        + "run `webcare init --postgres URI` as the database's owner")
        }
    }

    /// Creates the schema (or brings it up to date) as the connected login, which owns it.
    @discardableResult
    public static func initialize(_ location: PostgresLocation, team: String? = nil) throws -> [Int] {
        let session = try PostgresSession(location)
        let ran = try PostgresSchema.migrate(session)
        if let team { try PostgresSchema.grantTeam(session, team: team) }
        return ran
    }

    /// Runs `body` in one transaction, one caller at a time. A connection the server or
    /// the network dropped is made again first; when it drops during `body`, nothing of
    /// it was committed, and the caller hears so (the next call reconnects).
    func transaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try reconnectIfLost()
        do {
            return try session.transaction { try body(session) }
        } catch let failure as PostgresFailure where failure.sqlState == "WC001" {
            throw StoreError.heldBy(agent: failure.message)
        } catch let failure as PostgresFailure where failure.sqlState == "42501" {
            throw StoreError.notAllowed(agent: agent, reason: failure.message)
        } catch where session.connection.isClosed || PostgresFailure.endsConnection(error) {
            // The server may say why it ends the connection before the socket closes:
            // closed here, so the next call makes a new one either way.
            try? session.connection.close().wait()
            throw StoreError.connectionLost(location: location, reason: "\(error)")
        }
    }

    private func reconnectIfLost() throws {
        guard session.connection.isClosed else { return }
        do {
            session = try PostgresSession(place)
            backendPID = try Self.backendPID(of: session)
            notice = "the connection to \(place.label) dropped and was made again; nothing was lost"
        } catch {
            throw StoreError.connectionLost(location: location, reason: "\(error)")
        }
    }

    private static func backendPID(of session: PostgresSession) throws -> Int32 {
        Int32(try session.rows("SELECT pg_backend_pid() AS pid")[0]["pid"] as Int64)
    }

    var flowWriter: FlowWriter { FlowWriter(agent: agent, rules: rules) }

    /// Runs an import on this connection, which it has to itself meanwhile; the import
    /// begins and commits its own transactions.
    func importing<T>(_ body: (PostgresSession, CaseJoiner) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try reconnectIfLost()
        return try body(session, CaseJoiner(rule: caseRule, agent: agent, rules: rules))
    }

    /// Up to this many text matches are read and sorted, fewer than SQLite's
    /// (`QueueQuery.sortedMatchLimit`): counting them reads each match's row (SQLite's text
    /// index answers with row ids alone), cold a random page each, so the count itself
    /// cost 60 to 140 ms at 20,000 on a million mentions. Past this many, a page of the
    /// walk tests about `page × open cases / matches` cases: a few thousand at worst.
    static let sortedMatchLimit = 5_000

    /// Whether `filter`'s words match at most `limit` mentions (false without words),
    /// counted no further.
    private func hasFewMatches(_ db: PostgresSession, _ filter: QueueFilter, limit: Int) throws -> Bool {
        guard let match = filter.textMatch(.postgres) else { return false }
        let matches: Int = try db.rows("""
            SELECT count(*) AS n FROM (SELECT 1 FROM mention x WHERE \(SQLDialect.postgres.textMatches("x", parameter: ":match"))
                LIMIT :cap) AS found
            """, ["match": match, "cap": limit + 1])[0]["n"]
        return matches <= limit
    }

    public func mention(_ reference: String, now: Date = Date()) throws -> StoredMention {
        try transaction { try StoreOperations.mention($0, reference, now: now) }
    }

    /// The open queue is read in index order (`QueueSegments`, in one statement), also
    /// with words when they match many mentions (each case met is tested); closed cases and
    /// words that match few are sorted (the text index narrows them first).
    public func queue(filter: QueueFilter, limit: Int? = nil, offset: Int = 0, now: Date = Date()) throws
        -> [StoredMention] {
        try queue(filter: filter, limit: limit, offset: offset, now: now, sortedMatchLimit: Self.sortedMatchLimit)
    }

    /// `queue(filter:limit:offset:now:)` with the number of text matches up to which they
    /// are sorted rather than found by walking the index (tests walk small inboxes too).
    func queue(filter: QueueFilter, limit: Int?, offset: Int, now: Date, sortedMatchLimit: Int) throws
        -> [StoredMention] {
        try transaction { db in
            if try !filter.includeClosed && !hasFewMatches(db, filter, limit: sortedMatchLimit) {
                return try walkingPage(db, filter: filter, limit: limit, offset: offset, now: now)
            }
            return try StoreOperations.queue(db, filter: filter, agent: agent, deadlines: deadlines, limit: limit,
                                             offset: offset, now: now)
        }
    }

    /// The statement that walks the queue for words (the same text for any words) is
    /// planned at its first run, which costs more than reading a page of it: run once,
    /// for no rows, it is planned before the agent types a limit.
    public func prepareLimit(on filter: QueueFilter, now: Date = Date()) throws {
        var withWords = filter
        withWords.words = ["webcare"]
        guard !withWords.includeClosed else { return }
        _ = try transaction { try walkingPage($0, filter: withWords, limit: 0, offset: 0, now: now) }
    }

    /// A page of the open queue read in index order (`QueueSegments`), each case met tested.
    private func walkingPage(_ db: PostgresSession, filter: QueueFilter, limit: Int?, offset: Int, now: Date) throws
        -> [StoredMention] {
        let detail = filter.detailCondition(agent: agent, dialect: .postgres, walking: true)
        return try QueueSegments(deadlines: deadlines, now: now,
                                 urgencies: filter.kind.map { [$0.urgency] } ?? Array(0...MentionKind.allCases.count),
                                 overdueOnly: filter.overdue, condition: detail.sql, arguments: detail.arguments)
            .page(db, limit: limit, offset: offset)
    }

    public func thread(ofCase number: CaseNumber, othersLimit: Int = 50, now: Date = Date()) throws -> [ThreadEntry] {
        try transaction { try StoreOperations.thread($0, ofCase: number, othersLimit: othersLimit, now: now) }
    }

    public func history(of number: Int64) throws -> [LoggedEvent] {
        try transaction { try Inbox.log($0, of: number) }
    }

    public func flow(of number: Int64) throws -> MentionFlow {
        try transaction { try flowWriter.replayedFlow($0, number: number, log: Inbox.log($0, of: number)[...]) }
    }

    @discardableResult
    public func append(_ event: FlowEvent, to number: Int64, seenSeq: Int, at now: Date = Date(),
                       takingOver: Bool = false) throws -> Appended {
        try transaction {
            try StoreOperations.append($0, writer: flowWriter, event, to: number, seenSeq: seenSeq, at: now,
                                       takingOver: takingOver)
        }
    }

    @discardableResult
    public func claim(_ number: Int64, at now: Date = Date(), lease: TimeInterval = Inbox.claimLease) throws -> Claim {
        try transaction { try StoreOperations.claim($0, agent: agent, number, at: now, lease: lease) }
    }

    public func release(_ number: Int64) throws {
        try transaction { try StoreOperations.release($0, agent: agent, number) }
    }

    public func position(_ id: String, version: Int? = nil) throws -> TeamPosition {
        try transaction { try StoreOperations.position($0, id, version: version) }
    }

    public func outbox(afterID: Int64 = 0, includeDelivered: Bool = false) throws -> [OutboxEntry] {
        try transaction { try StoreOperations.outbox($0, afterID: afterID, includeDelivered: includeDelivered) }
    }

    public func acknowledge(outbox id: Int64, postedID: String? = nil, at now: Date = Date()) throws {
        try transaction { try StoreOperations.acknowledge($0, outbox: id, postedID: postedID, at: now) }
    }

    /// A PostgreSQL inbox is written through the server, which says per write what this
    /// login may do.
    public var isReadOnly: Bool { false }

    public func saveDraft(_ text: String, for number: Int64, writtenFor occasion: String? = nil, at now: Date = Date()) throws {
        try transaction {
            try StoreOperations.saveDraft($0, agent: agent, text, for: number, writtenFor: occasion, at: now)
        }
    }

    public func savedDraft(for number: Int64) throws -> SavedDraft? {
        try transaction { try StoreOperations.savedDraft($0, agent: agent, for: number) }
    }

    public func positions() throws -> [TeamPosition] {
        try transaction { try StoreOperations.positions($0) }
    }

    @discardableResult
    public func savePosition(id: String? = nil, topic: String, statement: String, short: String? = nil,
                             at now: Date = Date()) throws -> TeamPosition {
        try transaction {
            try StoreOperations.savePosition($0, agent: agent, id: id, topic: topic, statement: statement, short: short,
                                             at: now)
        }
    }

    /// Counts for the queue header: per kind and overdue in one scan of the queue index
    /// (urgency stands for the kind), the filter's count from them when it is the open
    /// queue or one kind of it, else counted.
    public func summary(filter: QueueFilter, now: Date = Date()) throws -> QueueSummary {
        try transaction { db in
            var summary = QueueSummary()
            for row in try db.rows("""
                SELECT m.urgency, count(*) AS open,
                    count(*) FILTER (WHERE \(QueueSegments.deadlineExpression(deadlines)) <= :now) AS overdue
                FROM mention m WHERE \(Schema.isOpenCase) GROUP BY m.urgency
                """, ["now": now.timeIntervalSince1970]) {
                if let kind = QueueSegments.kind(urgency: row["urgency"]) {
                    summary.perKind[kind] = row["open"]
                    summary.overdueByKind[kind] = row["overdue"]
                } else {
                    summary.unclassified += row["open"] as Int
                }
                summary.overdue += row["overdue"] as Int
            }
            summary.shown = try summary.kindOnlyCount(filter)
                ?? StoreOperations.count(db, filter: filter, agent: agent, deadlines: deadlines, now: now)
            summary.lastEvent = try StoreOperations.lastEvent(db)
            return summary
        }
    }

    public func search(_ text: String, filter: QueueFilter, from position: Int, forward: Bool = true,
                       now: Date = Date()) throws -> Int? {
        try transaction {
            try StoreOperations.search($0, text, filter: filter, agent: agent, deadlines: deadlines, from: position,
                                       forward: forward, now: now)
        }
    }

    public func earlierMentions(by stored: StoredMention, limit: Int = 5, now: Date = Date()) throws -> [StoredMention] {
        try transaction { try StoreOperations.earlierMentions($0, by: stored, limit: limit, now: now) }
    }

    public func takeNotice() -> String? {
        lock.lock()
        defer { lock.unlock() }
        defer { notice = nil }
        return notice
    }

    /// LISTEN on a connection of its own; this inbox's own changes are not news to it.
    public func changes() throws -> any ChangeWatching {
        try PostgresChangeWatcher(place, ignoring: backendPID)
    }

    public func alertInput(since: Date, followersOver: Int) throws -> AlertInput {
        try transaction { try StoreOperations.alertInput($0, since: since, followersOver: followersOver) }
    }

    public func report(_ builder: ReportBuilder) throws -> TeamReport {
        try transaction { try StoreOperations.report($0, builder) }
    }

    public func learnedModel() throws -> KindModel {
        try transaction { try TriageLearning.model($0) }
    }

    @discardableResult
    public func train(_ entries: [LabelledFile.Entry]) throws -> Int {
        try transaction { try TriageLearning.train(entries, $0) }
    }

    public func tableCounts() throws -> [String: Int] {
        try transaction { try StoreOperations.tableCounts($0) }
    }
}
