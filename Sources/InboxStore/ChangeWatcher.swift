import GRDB

/// Tells a running inbox that another agent (or an import) changed the database.
public protocol ChangeWatching: AnyObject {
    /// Whether anyone else committed since the last call (or since the watcher was made).
    func hasChanged() throws -> Bool
}

/// Notices that another process changed the database, cheaply enough to ask several
/// times a second: `PRAGMA data_version` on a connection of its own changes exactly when
/// some other connection commits, and costs no table read.
public final class ChangeWatcher: ChangeWatching {
    private let connection: DatabaseQueue
    private var lastVersion: Int

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = Inbox.busyMode
        connection = try Inbox.openConnection(path, configuration: configuration)
        lastVersion = try Self.version(connection)
    }

    /// Whether anyone committed since the last call (or since the watcher was made).
    public func hasChanged() throws -> Bool {
        let version = try Self.version(connection)
        defer { lastVersion = version }
        return version != lastVersion
    }

    private static func version(_ connection: DatabaseQueue) throws -> Int {
        try connection.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
