import Foundation
import InboxModel

/// What the commands and the inbox need of the team's database, whichever engine holds
/// it: SQLite on one box (`Inbox`), PostgreSQL beyond it (`PostgresInbox`). Callers hold
/// an `any InboxDatabase` from `InboxDatabases.open`, and never learn which one it is.
///
/// Each operation is written once, over `SQLRunner`, in the `StoreOperations` files; an
/// engine only supplies transactions and a connection.
public protocol InboxDatabase: AnyObject, Sendable {
    /// Where it is, as the user named it (a path, or a URI without password).
    var location: String { get }
    /// Who acts: the Unix account on SQLite, the database login on PostgreSQL.
    var agent: String { get }
    var rules: HouseRules { get }
    var deadlines: ReactionDeadlines { get }
    /// The word lists, with the model as the database held it on opening.
    var classifier: KindClassifier { get }
    /// The database cannot be written by this user: served for reading, every write refused.
    var isReadOnly: Bool { get }

    func mention(_ reference: String, now: Date) throws -> StoredMention
    /// The cases `filter` lets through, in queue order: at most `limit` from `offset`.
    func queue(filter: QueueFilter, limit: Int?, offset: Int, now: Date) throws -> [StoredMention]
    /// Case `number`'s thread: its messages, others in its conversations, our replies.
    func thread(ofCase number: CaseNumber, othersLimit: Int, now: Date) throws -> [ThreadEntry]
    func history(of number: Int64) throws -> [LoggedEvent]
    func flow(of number: Int64) throws -> MentionFlow
    @discardableResult
    func append(_ event: FlowEvent, to number: Int64, seenSeq: Int, at now: Date, takingOver: Bool) throws -> Appended
    @discardableResult
    func claim(_ number: Int64, at now: Date, lease: TimeInterval) throws -> Claim
    func release(_ number: Int64) throws
    func position(_ id: String, version: Int?) throws -> TeamPosition
    func outbox(afterID: Int64, includeDelivered: Bool) throws -> [OutboxEntry]
    func acknowledge(outbox id: Int64, postedID: String?, at now: Date) throws
    func saveDraft(_ text: String, for number: Int64, writtenFor occasion: String?, at now: Date) throws
    func savedDraft(for number: Int64) throws -> SavedDraft?
    func positions() throws -> [TeamPosition]
    @discardableResult
    func savePosition(id: String?, topic: String, statement: String, short: String?, at now: Date) throws -> TeamPosition
    /// Counts for the queue header, with `shown` counted under `filter`.
    func summary(filter: QueueFilter, now: Date) throws -> QueueSummary
    /// The queue position of the next case after `position` whose text, handle or name contains `text`.
    func search(_ text: String, filter: QueueFilter, from position: Int, forward: Bool, now: Date) throws -> Int?
    /// The author's other cases on the same platform, newest first.
    func earlierMentions(by stored: StoredMention, limit: Int, now: Date) throws -> [StoredMention]
    /// A watcher that tells of other agents' changes.
    func changes() throws -> any ChangeWatching
    /// Something the store did on its own that the agent should hear of (a dropped
    /// connection made again), once; nil when there is nothing.
    func takeNotice() -> String?
    /// How many rows each table holds, by table: what `migrate` compares on both sides.
    func tableCounts() throws -> [String: Int]
    /// The team report `builder` adds up for its period, from what the store keeps.
    func report(_ builder: ReportBuilder) throws -> TeamReport
    /// What the team's confirmations have taught triage so far (`KindModel`).
    func learnedModel() throws -> KindModel
    /// Teaches triage a team's labelled history (`webcare classifier train`); returns how
    /// many mentions it learned (those whose language could be told).
    @discardableResult
    func train(_ entries: [LabelledFile.Entry]) throws -> Int
    /// What the queue's alerts are computed from: mentions whose wait started `since`,
    /// authors with more than `followersOver` followers waiting.
    func alertInput(since: Date, followersOver: Int) throws -> AlertInput
    /// Does ahead, while the agent types the words, what a first limit with words on
    /// `filter` would otherwise wait for (on PostgreSQL: planning its statement).
    func prepareLimit(on filter: QueueFilter, now: Date) throws
}

extension InboxDatabase {
    public func takeNotice() -> String? { nil }

    /// SQLite has nothing to plan ahead: its statements are prepared as they are met, in
    /// microseconds.
    public func prepareLimit(on filter: QueueFilter, now: Date) throws {}

    /// The classifier with the model as the database holds it now: what an import
    /// classifies with, so it suggests what the team taught it up to this moment.
    public func currentClassifier() throws -> KindClassifier {
        var current = classifier
        current.model = try learnedModel()
        return current
    }

    public func thread(ofCase number: CaseNumber, now: Date = Date()) throws -> [ThreadEntry] {
        try thread(ofCase: number, othersLimit: 50, now: now)
    }

    /// The open queue (or everything, `.all`), in queue order.
    public func queue(scope: QueueScope = .open, limit: Int? = nil, offset: Int = 0, now: Date = Date()) throws
        -> [StoredMention] {
        var filter = QueueFilter.open
        filter.includeClosed = scope == .all
        return try queue(filter: filter, limit: limit, offset: offset, now: now)
    }

    public func acknowledge(outbox id: Int64, postedID: String?) throws {
        try acknowledge(outbox: id, postedID: postedID, at: Date())
    }

    public func position(_ id: String) throws -> TeamPosition {
        try position(id, version: nil)
    }

    /// The case mention `reference` (a number or platform key, as `mention(_:)` takes)
    /// belongs to: the mention that opened it, which carries the case's flow.
    public func openingMention(of reference: String, now: Date = Date()) throws -> StoredMention {
        let stored = try mention(reference, now: now)
        return stored.opensCase ? stored : try mention(String(stored.caseNumber.rawValue), now: now)
    }
}

/// Which cases a queue read returns.
public enum QueueScope: Sendable {
    /// Everything not closed: what still needs someone.
    case open
    /// Closed ones too.
    case all
}

/// The tables a database holds, in the order `migrate` copies them (parents first).
public enum InboxTables {
    public static let all = workingState + ["classifier_count"]
    /// What agents change as they work, which other agents' inboxes hear of.
    public static let workingState = ["mention", "flow_event", "claim", "draft", "team_position", "outbox"]
}
