import Foundation
import GRDB
import InboxModel

extension Inbox {
    /// Every team position at its latest version, by topic.
    public func positions() throws -> [TeamPosition] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, max(version) AS version, topic, statement, short FROM team_position GROUP BY id ORDER BY topic, id
                """).map(Self.position(row:))
        }
    }

    /// Position `id` at `version`, or at its latest version.
    public func position(_ id: String, version: Int? = nil) throws -> TeamPosition {
        try read { db in try StoreOperations.position(SQLiteRunner(db: db), id, version: version) }
    }

    /// Saves a new position (`id` nil: one is made from the topic) or a revision of an
    /// existing one, which gets the next version; flows keep the version they used.
    /// `short` is the position in few words for replies (`TeamPosition.short`).
    @discardableResult
    public func savePosition(id: String? = nil, topic: String, statement: String, short: String? = nil,
                             at now: Date = Date()) throws -> TeamPosition
    {
        try write { db in
            let id = try id ?? Self.positionID(topic: topic, taken: { try Self.positionExists(db, $0) })
            let version = (try Int.fetchOne(db, sql: "SELECT max(version) FROM team_position WHERE id = ?",
                                            arguments: [id]) ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO team_position (id, version, topic, statement, short, agent, saved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, version, topic, statement, short, agent, now.timeIntervalSince1970])
            return TeamPosition(id: id, topic: topic, version: version, statement: statement, short: short)
        }
    }

    private static func position(row: Row) -> TeamPosition {
        TeamPosition(id: row["id"], topic: row["topic"], version: row["version"], statement: row["statement"],
                     short: row["short"])
    }

    private static func positionExists(_ db: Database, _ id: String) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT 1 FROM team_position WHERE id = ?", arguments: [id]) != nil
    }

    /// A short id people can type: the topic's letters and digits joined by "-", with a
    /// number added when another position has it.
    static func positionID(topic: String, taken: (String) throws -> Bool) rethrows -> String {
        let words = topic.lowercased().split { !($0.isLetter || $0.isNumber) || !$0.isASCII }.prefix(5)
        let base = words.isEmpty ? "position" : words.joined(separator: "-")
        var candidate = base, n = 2
        while try taken(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }
}
