import Foundation
import GRDB
import InboxModel

extension Inbox {
    /// Every team position at its latest version, by topic.
    public func positions() throws -> [TeamPosition] {
        try read { db in try StoreOperations.positions(SQLiteRunner(db: db)) }
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
            try StoreOperations.savePosition(SQLiteRunner(db: db), agent: agent, id: id, topic: topic,
                                             statement: statement, short: short, at: now)
        }
    }
}

extension StoreOperations {
    static func positions(_ db: some SQLRunner) throws -> [TeamPosition] {
        try db.rows("""
            SELECT id, version, topic, statement, short FROM team_position p
            WHERE version = (SELECT max(version) FROM team_position q WHERE q.id = p.id) ORDER BY topic, id
            """, [:]).map(position(row:))
    }

    static func savePosition(_ db: some SQLRunner, agent: String, id: String?, topic: String, statement: String,
                             short: String?, at now: Date) throws -> TeamPosition {
        let id = try id ?? positionID(topic: topic, taken: {
            try db.row("SELECT 1 FROM team_position WHERE id = :id", ["id": $0]) != nil
        })
        let version = (try db.row("SELECT max(version) AS v FROM team_position WHERE id = :id", ["id": id])?["v"] as Int? ?? 0) + 1
        try db.execute("""
            INSERT INTO team_position (id, version, topic, statement, short, agent, saved_at)
            VALUES (:id, :version, :topic, :statement, :short, :agent, :at)
            """, ["id": id, "version": version, "topic": topic, "statement": statement, "short": short, "agent": agent,
                  "at": now.timeIntervalSince1970])
        return TeamPosition(id: id, topic: topic, version: version, statement: statement, short: short)
    }

    static func position(row: Row) -> TeamPosition {
        TeamPosition(id: row["id"], topic: row["topic"], version: row["version"], statement: row["statement"],
                     short: row["short"])
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
