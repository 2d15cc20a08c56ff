import Foundation
import InboxModel

/// One agent's handle on a team's inbox in PostgreSQL: the same operations as the SQLite
/// `Inbox` (the shared `StoreOperations`), where the agent is the database login
/// (`current_user`), which the server enforces (see `PostgresSchema`).
///
/// One connection, used by one thread at a time: a lock serialises callers.
public final class PostgresInbox: InboxDatabase, @unchecked Sendable {
    public let location: String
    public let agent: String
    public let rules: HouseRules
    public let deadlines: ReactionDeadlines
    public let classifier: KindClassifier
    /// Which case a new mention joins (the reopening window is a house rule).
    public let caseRule: CaseRule
    let session: PostgresSession
    private let lock = NSLock()

    /// Connects and brings the schema up to date when this login may (the owner who ran
    /// `webcare init --postgres`); an agent's login meeting an older schema is told to ask
    /// for it instead of failing halfway.
    public init(_ location: PostgresLocation, rules: HouseRules = HouseRules(), deadlines: ReactionDeadlines = .defaults,
                classifier: KindClassifier = KindClassifier(), caseRule: CaseRule = CaseRule(),
                warning: @escaping @Sendable (String) -> Void = { _ in }) throws {
        self.location = location.description
        self.rules = rules
        self.deadlines = deadlines
        self.classifier = classifier
        self.caseRule = caseRule
        session = try PostgresSession(location, warning: warning)
        agent = try session.rows("SELECT current_user::text AS agent")[0]["agent"]
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

    /// Runs `body` in one transaction, one caller at a time.
    func transaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try session.transaction { try body(session) }
        } catch let failure as PostgresFailure where failure.sqlState == "WC001" {
            throw StoreError.heldBy(agent: failure.message)
        } catch let failure as PostgresFailure where failure.sqlState == "42501" {
            throw StoreError.notAllowed(agent: agent, reason: failure.message)
        }
    }

    var flowWriter: FlowWriter { FlowWriter(agent: agent, rules: rules) }

    /// Runs an import on this connection, which it has to itself meanwhile; the import
    /// begins and commits its own transactions.
    func importing<T>(_ body: (PostgresSession, CaseJoiner) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(session, CaseJoiner(rule: caseRule, agent: agent, rules: rules))
    }

    public func mention(_ reference: String, now: Date = Date()) throws -> StoredMention {
        try transaction { try StoreOperations.mention($0, reference, now: now) }
    }

    public func queue(filter: QueueFilter, limit: Int? = nil, offset: Int = 0, now: Date = Date()) throws
        -> [StoredMention] {
        try transaction {
            try StoreOperations.queue($0, filter: filter, agent: agent, deadlines: deadlines, limit: limit, offset: offset,
                                      now: now)
        }
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

    public func tableCounts() throws -> [String: Int] {
        try transaction { try StoreOperations.tableCounts($0) }
    }
}
