import GRDB
import InboxModel

extension Schema {
    /// v5 makes the case (one author's conversation with us) the unit of the queue:
    /// - `case_id` is the case a mention joined (the number of the case's first mention),
    ///   NULL for the mention that opened it; a joined mention's phase is `joined` and its
    ///   flow is the case's. `mention_case` finds a case's messages.
    /// - On the first mention: `case_messages`, `case_latest` (the customer's latest
    ///   message, NULL while that is the first), `status` and `department` (see
    ///   `CaseStatus`), `closed_at` (for reopening a direct-message case by house rule).
    /// - `mention_conversation` finds the messages of a conversation; root posts (whose
    ///   conversation is themselves) stay out of it, they are found by their own id.
    /// - `outbox.posted_id` is the id the platform gave our reply, so an answer to it is
    ///   recognised; `outbox_posted` finds it. `outbox.answers` is the customer's message
    ///   a reply answers (the case's latest when it was sent; NULL: the case's first).
    /// - The queue index and the open counts are rebuilt over open cases only.
    /// Existing mentions are put into cases by v6, once the clock columns exist.
    static func migrateToCases(_ db: Database, cases: CaseJoiner) throws {
        // Folding the existing logs (v6) writes a report's facts too (v12's columns).
        try ReportColumns.add(db)
        let open = { (row: String) in "\(row).phase IN ('triage', 'running')" }
        try db.execute(sql: """
            ALTER TABLE mention ADD COLUMN case_id INTEGER REFERENCES mention (id);
            ALTER TABLE mention ADD COLUMN case_messages INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE mention ADD COLUMN case_latest INTEGER;
            ALTER TABLE mention ADD COLUMN status TEXT NOT NULL DEFAULT 'new';
            ALTER TABLE mention ADD COLUMN department TEXT;
            ALTER TABLE mention ADD COLUMN closed_at REAL;
            CREATE INDEX mention_case ON mention (case_id) WHERE case_id IS NOT NULL;
            CREATE INDEX mention_conversation ON mention (platform, conversation_id)
                WHERE conversation_id IS NOT NULL AND conversation_id != platform_id;
            ALTER TABLE outbox ADD COLUMN posted_id TEXT;
            ALTER TABLE outbox ADD COLUMN answers INTEGER REFERENCES mention (id);
            CREATE INDEX outbox_posted ON outbox (posted_id) WHERE posted_id IS NOT NULL;

            DROP INDEX mention_queue;
            CREATE INDEX mention_queue ON mention
                (urgency, influence DESC, arrived_at, platform, platform_id, home, phase) WHERE \(isOpenCase.replacingOccurrences(of: "m.", with: ""));

            DROP TRIGGER queue_count_insert;
            DROP TRIGGER queue_count_delete;
            DROP TRIGGER queue_count_update;
            CREATE TRIGGER queue_count_insert AFTER INSERT ON mention WHEN \(open("NEW")) BEGIN
                INSERT INTO queue_count VALUES (coalesce(NEW.kind, ''), 1)
                    ON CONFLICT (kind) DO UPDATE SET open = open + 1;
            END;
            CREATE TRIGGER queue_count_delete AFTER DELETE ON mention WHEN \(open("OLD")) BEGIN
                UPDATE queue_count SET open = open - 1 WHERE kind = coalesce(OLD.kind, '');
            END;
            CREATE TRIGGER queue_count_update AFTER UPDATE OF kind, phase ON mention
            WHEN OLD.kind IS NOT NEW.kind OR (\(open("OLD"))) != (\(open("NEW"))) BEGIN
                UPDATE queue_count SET open = open - 1 WHERE kind = coalesce(OLD.kind, '') AND \(open("OLD"));
                INSERT INTO queue_count SELECT coalesce(NEW.kind, ''), 1 WHERE \(open("NEW"))
                    ON CONFLICT (kind) DO UPDATE SET open = open + 1;
            END;
            UPDATE mention SET closed_at = (SELECT max(at) FROM flow_event WHERE mention_id = mention.id)
                WHERE phase = 'closed';
            """)
    }

    /// v6 keeps the response clock (`ResponseClock`) where the queue can read it:
    /// - `clock_from`: when a message started the customer's wait (its posted time for an
    ///   import, its feed time for a replay; the arrival for mentions stored before v6).
    /// - `clock_at`: on an open case, when the customer's current wait for us began; NULL
    ///   while nobody waits on us. The queue index orders by it, so "waiting longest"
    ///   and "overdue" are index ranges, and cases whose clock does not run sort after.
    static func migrateToResponseClock(_ db: Database, cases: CaseJoiner) throws {
        try db.execute(sql: """
            ALTER TABLE mention ADD COLUMN clock_from REAL;
            ALTER TABLE mention ADD COLUMN clock_at REAL;
            UPDATE mention SET clock_from = arrived_at, clock_at = arrived_at;
            DROP INDEX mention_queue;
            CREATE INDEX mention_queue ON mention
                (urgency, influence DESC, clock_at, arrived_at, platform, platform_id, home, phase)
                WHERE \(isOpenCase.replacingOccurrences(of: "m.", with: ""));
            """)
        // The flows of existing mentions give their statuses and clocks; then mentions
        // stored before cases join theirs (written here, after v5 and v6, since joining
        // appends events, which write both).
        try cases.recomputeStatuses(SQLiteRunner(db: db))
        try cases.assignExisting(db)
    }
}
