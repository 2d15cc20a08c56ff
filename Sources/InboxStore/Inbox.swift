import Foundation
import GRDB
import InboxModel

/// One agent's handle on the shared inbox database: a real SQLite file in WAL mode, so
/// several `webcare` processes (one per agent, plus an import or replay feeding it) read
/// and write it at once. Writers wait for each other up to `busyTimeout` instead of
/// failing; every write is an IMMEDIATE transaction, so two agents never deadlock
/// upgrading a read to a write.
public final class Inbox: Sendable {
    /// The database file.
    public let path: String
    /// The Unix account this process acts as; written into every event, claim and draft.
    public let agent: String
    public let rules: HouseRules
    public let deadlines: ReactionDeadlines
    public let classifier: KindClassifier
    /// Which case a new mention joins (the reopening window is a house rule).
    public let caseRule: CaseRule
    /// The file could not be written (its mode, a read-only mount): the inbox is served
    /// for reading, and every write says why it cannot.
    public let isReadOnly: Bool
    let queue: DatabaseQueue
    /// How `queue` was opened: other connections to the file (a report's) open alike.
    let configuration: Configuration

    /// How long a write waits for another process's write to finish.
    public static let busyTimeout: TimeInterval = 10

    /// Waiting for the write lock by retrying every millisecond, not with SQLite's
    /// default back-off (which sleeps up to 100 ms between tries): an import leaves the
    /// lock free for a moment after each commit, and an agent's write must catch that
    /// moment, not sleep through it.
    static let busyMode = Database.BusyMode.callback { retries in
        usleep(1000)
        return Double(retries) < busyTimeout * 1000
    }

    public init(path: String, agent: String = AgentIdentity.current, rules: HouseRules = HouseRules(),
                deadlines: ReactionDeadlines = .defaults, classifier: KindClassifier = KindClassifier(),
                caseRule: CaseRule = CaseRule()) throws {
        self.path = path
        self.agent = agent
        self.rules = rules
        self.deadlines = deadlines
        self.classifier = classifier
        self.caseRule = caseRule
        // SQLite would create a missing file with the umask's mode (0644 as a rule):
        // made here first, it is private from its first byte (0660 in a team's setgid
        // directory), and never created through a symlink.
        _ = try? PrivateFile.create(path, mode: Self.newFileMode(for: path))
        isReadOnly = access(path, W_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM)
        var configuration = Configuration()
        configuration.readonly = isReadOnly
        configuration.journalMode = isReadOnly ? .default : .wal
        configuration.busyMode = Self.busyMode
        configuration.label = "webcare"
        configuration.prepareDatabase { db in
            // NORMAL is durable in WAL mode except for the last commits before a power
            // cut; a killed process loses nothing that was committed.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        self.configuration = configuration
        do {
            queue = try Self.openConnection(path, configuration: configuration)
            if isReadOnly {
                guard try queue.read(Schema.migrator(cases: caseJoiner).hasCompletedMigrations) else {
                    throw StoreError.cannotOpen(path: path, reason: "read-only, and made by an older webcare: "
                                                + "open it once with write access so it can be brought up to date")
                }
            } else {
                try Schema.migrator(cases: caseJoiner).migrate(queue)
            }
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Opens a connection and reads from it once, since some failures only show then.
    ///
    /// SQLITE_READONLY on that first read means one of two things. When this user may
    /// write the file, another agent's process is creating the -shm this very moment:
    /// SQLite makes it with the umask's mode and gives it the database's mode right
    /// after, so the open is tried again (up to two seconds). When this user may not
    /// write the file and cannot make its -shm either (a snapshot handed over, a directory
    /// they cannot write), it is opened immutable, provided no -wal holds changes the
    /// file lacks: then the file alone is the whole database.
    static func openConnection(_ path: String, configuration: Configuration) throws -> DatabaseQueue {
        let writable = access(path, W_OK) == 0
        var attempts = 0
        while true {
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
                return queue
            } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
                if writable {
                    guard attempts < 40 else { throw error }
                    attempts += 1
                    usleep(50_000)
                    continue
                }
                var status = stat()
                guard configuration.readonly, stat(path + "-wal", &status) != 0 || status.st_size == 0 else { throw error }
                let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["?", "#", "%"]))
                    ?? path
                return try DatabaseQueue(path: "file:\(escaped)?immutable=1", configuration: configuration)
            }
        }
    }

    /// A new database is private to its owner, unless it is made in a team's setgid
    /// directory (see `SharedDirectory`), where the group reads and writes it.
    static func newFileMode(for path: String) -> mode_t {
        var status = stat()
        let directory = (path as NSString).deletingLastPathComponent
        guard stat(directory.isEmpty ? "." : directory, &status) == 0 else { return 0o600 }
        return status.st_mode & S_ISGID != 0 ? SharedDirectory.databaseMode : 0o600
    }

    /// Puts new mentions into cases as this agent under this team's rules.
    var caseJoiner: CaseJoiner { CaseJoiner(rule: caseRule, agent: agent, rules: rules) }

    /// Runs `body` in one IMMEDIATE transaction: all of it lands or none of it.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        return try queue.write(body)
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }
}

extension Inbox: InboxDatabase {
    public var location: String { path }

    /// `PRAGMA data_version` on a connection of its own, asked several times a second.
    public func changes() throws -> any ChangeWatching { try ChangeWatcher(path: path) }

    public func alertInput(since: Date, followersOver: Int) throws -> AlertInput {
        try read { db in try StoreOperations.alertInput(SQLiteRunner(db: db), since: since, followersOver: followersOver) }
    }

    public func report(_ builder: ReportBuilder) throws -> TeamReport {
        if let report = try reportOnTwoConnections(builder) { return report }
        return try read { db in try StoreOperations.report(SQLiteRunner(db: db), builder) }
    }

    public func learnedModel() throws -> KindModel {
        try read { db in try TriageLearning.model(SQLiteRunner(db: db)) }
    }

    @discardableResult
    public func train(_ entries: [LabelledFile.Entry]) throws -> Int {
        try write { db in try TriageLearning.train(entries, SQLiteRunner(db: db)) }
    }

    public func tableCounts() throws -> [String: Int] {
        try read { db in try StoreOperations.tableCounts(SQLiteRunner(db: db)) }
    }
}
