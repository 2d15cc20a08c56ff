import Foundation
import NIOConcurrencyHelpers
import PostgresNIO

/// Hears other agents' commits on a PostgreSQL inbox through LISTEN/NOTIFY: every table
/// of the inbox notifies `webcare_changes` once per changing statement (delivered at
/// commit, repeats within a transaction folded by the server), so nothing is polled.
/// Notifications sent by the inbox's own connection are left out. A lost connection is
/// said by `hasChanged` throwing, and a new one is made on the next call.
final class PostgresChangeWatcher: ChangeWatching, @unchecked Sendable {
    static let channel = "webcare_changes"
    private let location: PostgresLocation
    private let ownPID: Int32
    private let pending = NIOLockedValueBox(false)
    private var session: PostgresSession?

    init(_ location: PostgresLocation, ignoring ownPID: Int32) throws {
        self.location = location
        self.ownPID = ownPID
        try connect()
    }

    private func connect() throws {
        let session = try PostgresSession(location)
        let pending = pending, ownPID = ownPID
        _ = session.connection.addListener(channel: Self.channel) { _, notification in
            if notification.backendPID != ownPID { pending.withLockedValue { $0 = true } }
        }
        // The LISTEN goes out with the listener; a query after it returns once it is in place.
        try session.execute("SELECT 1")
        self.session = session
    }

    func hasChanged() throws -> Bool {
        if session == nil || session!.connection.isClosed {
            session = nil
            try connect()
            // What happened while it was away is not known: say something did.
            return true
        }
        return pending.withLockedValue { value in
            defer { value = false }
            return value
        }
    }
}
