import GRDB
import InboxModel

/// The database's tables, as migrations from the first version on: a file written by
/// any earlier `webcare` opens in a later one, which migrates it forward.
///
/// - `mention`: one row per mention, deduplicated on platform + the platform's id. Beside
///   the mention itself it keeps the queue columns derived from the flow (kind, phase,
///   step, last sequence number), so the queue is one indexed read.
/// - `flow_event`: the append-only log; (mention, seq) is the primary key, so a second
///   agent appending the same sequence number fails instead of overwriting.
/// - `claim`, `draft`, `team_position`, `outbox`: the shared working state of a team.
///
/// v2 makes the queue answer from indexes with a million mentions (see `QueueSegments`):
/// - `urgency` and `home` are generated from kind and channel, so the queue index can
///   hold them; `urgency` repeats `MentionKind.urgency` (the order test holds the two
///   together) and `home` is the channel a reply goes back on (`Mention.homeChannel`).
/// - `mention_queue`, over the open mentions only, is the queue order after "overdue":
///   urgency, influence decade, arrival, platform key; with `home` and `phase` in it, a
///   page or an overdue count never reads the table itself.
/// - `mention_fts` indexes text, handle and name for limit words (kept by triggers; v3
///   drops positions, which the piece-by-piece lookup never reads).
/// - `flow_event_at` finds the last event for the status line.
/// - v4 finds an author's mentions through `mention_author_fts` (see `AuthorIndex`)
///   instead of an index on (platform, author_handle).
/// - `queue_count` keeps the open mentions per kind (kept by triggers), so the header
///   counts a million mentions without reading them.
enum Schema {
    /// SQL condition on `mention m`: the mention heads a case that still needs someone.
    /// The queue index and the open counts are over exactly these rows, so every query
    /// of the open queue says it in these words (SQLite uses a partial index only for a
    /// query that repeats its condition).
    static let isOpenCase = "m.phase IN ('triage', 'running')"
    /// The phase of a mention that joined an earlier mention's case: its flow is the case's.
    static let joinedPhase = CasePhase.joined.rawValue

    /// The migrations; `cases` puts the mentions of a database made before cases into
    /// cases (v5).
    static func migrator(cases: CaseJoiner) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE mention (
                    id INTEGER PRIMARY KEY,
                    platform TEXT NOT NULL,
                    platform_id TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    conversation_id TEXT,
                    in_reply_to_id TEXT,
                    author_handle TEXT NOT NULL,
                    author_name TEXT NOT NULL,
                    followers INTEGER NOT NULL,
                    influence INTEGER NOT NULL,
                    verified INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    posted_at REAL NOT NULL,
                    language TEXT,
                    link TEXT,
                    arrived_at REAL NOT NULL,
                    suggested_kind TEXT,
                    spam INTEGER NOT NULL,
                    kind TEXT,
                    kind_confirmed INTEGER NOT NULL DEFAULT 0,
                    phase TEXT NOT NULL DEFAULT 'triage',
                    step TEXT NOT NULL DEFAULT 'triage',
                    outcome TEXT,
                    last_seq INTEGER NOT NULL DEFAULT 0,
                    UNIQUE (platform, platform_id)
                );
                CREATE INDEX mention_author ON mention (platform, author_handle);

                CREATE TABLE flow_event (
                    mention_id INTEGER NOT NULL REFERENCES mention (id),
                    seq INTEGER NOT NULL,
                    at REAL NOT NULL,
                    agent TEXT NOT NULL,
                    event TEXT NOT NULL,
                    PRIMARY KEY (mention_id, seq)
                ) WITHOUT ROWID;

                CREATE TABLE claim (
                    mention_id INTEGER PRIMARY KEY REFERENCES mention (id),
                    agent TEXT NOT NULL,
                    expires_at REAL NOT NULL
                );

                CREATE TABLE draft (
                    mention_id INTEGER NOT NULL REFERENCES mention (id),
                    agent TEXT NOT NULL,
                    text TEXT NOT NULL,
                    saved_at REAL NOT NULL,
                    PRIMARY KEY (mention_id, agent)
                ) WITHOUT ROWID;

                CREATE TABLE team_position (
                    id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    topic TEXT NOT NULL,
                    statement TEXT NOT NULL,
                    agent TEXT NOT NULL,
                    saved_at REAL NOT NULL,
                    PRIMARY KEY (id, version)
                ) WITHOUT ROWID;

                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY,
                    mention_id INTEGER NOT NULL REFERENCES mention (id),
                    seq INTEGER NOT NULL,
                    action TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    text TEXT,
                    agent TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    delivered_at REAL
                );
                CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL;
                """)
        }
        migrator.registerMigration("v2: queue index, text index, open counts") { db in
            let urgency = MentionKind.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.urgency)" }.joined(separator: " ")
            try db.execute(sql: """
                ALTER TABLE mention ADD COLUMN urgency INTEGER
                    GENERATED ALWAYS AS (CASE kind \(urgency) ELSE \(MentionKind.allCases.count) END) VIRTUAL;
                ALTER TABLE mention ADD COLUMN home TEXT
                    GENERATED ALWAYS AS (CASE WHEN channel = '\(MentionChannel.directMessage.rawValue)'
                        THEN '\(ReplyChannel.dm.rawValue)' ELSE platform END) VIRTUAL;
                CREATE INDEX mention_queue ON mention
                    (urgency, influence DESC, arrived_at, platform, platform_id, home, phase) WHERE phase != 'closed';

                CREATE VIRTUAL TABLE mention_fts USING fts5(text, author_handle, author_name,
                    content = mention, content_rowid = id, tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO mention_fts (mention_fts) VALUES ('rebuild');
                CREATE TRIGGER mention_fts_insert AFTER INSERT ON mention BEGIN
                    INSERT INTO mention_fts (rowid, text, author_handle, author_name)
                    VALUES (NEW.id, NEW.text, NEW.author_handle, NEW.author_name);
                END;
                CREATE TRIGGER mention_fts_delete AFTER DELETE ON mention BEGIN
                    INSERT INTO mention_fts (mention_fts, rowid, text, author_handle, author_name)
                    VALUES ('delete', OLD.id, OLD.text, OLD.author_handle, OLD.author_name);
                END;

                CREATE INDEX flow_event_at ON flow_event (at);

                CREATE TABLE queue_count (kind TEXT PRIMARY KEY, open INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO queue_count
                    SELECT coalesce(kind, ''), count(*) FROM mention WHERE phase != 'closed' GROUP BY 1;
                CREATE TRIGGER queue_count_insert AFTER INSERT ON mention WHEN NEW.phase != 'closed' BEGIN
                    INSERT INTO queue_count VALUES (coalesce(NEW.kind, ''), 1)
                        ON CONFLICT (kind) DO UPDATE SET open = open + 1;
                END;
                CREATE TRIGGER queue_count_delete AFTER DELETE ON mention WHEN OLD.phase != 'closed' BEGIN
                    UPDATE queue_count SET open = open - 1 WHERE kind = coalesce(OLD.kind, '');
                END;
                CREATE TRIGGER queue_count_update AFTER UPDATE OF kind, phase ON mention
                WHEN OLD.kind IS NOT NEW.kind OR (OLD.phase = 'closed') != (NEW.phase = 'closed') BEGIN
                    UPDATE queue_count SET open = open - 1
                        WHERE kind = coalesce(OLD.kind, '') AND OLD.phase != 'closed';
                    INSERT INTO queue_count SELECT coalesce(NEW.kind, ''), 1 WHERE NEW.phase != 'closed'
                        ON CONFLICT (kind) DO UPDATE SET open = open + 1;
                END;
                """)
        }
        migrator.registerMigration("v3: text index without positions") { db in
            // Limit words are looked up piece by piece, never as phrases, so the index
            // needs no positions or column sizes: without them each imported mention costs
            // a third of what it did (measured: 2.6 µs instead of 8 µs).
            try db.execute(sql: """
                DROP TABLE mention_fts;
                CREATE VIRTUAL TABLE mention_fts USING fts5(text, author_handle, author_name,
                    content = mention, content_rowid = id, tokenize = 'unicode61 remove_diacritics 2',
                    detail = none, columnsize = 0);
                INSERT INTO mention_fts (mention_fts) VALUES ('rebuild');
                """)
        }
        migrator.registerMigration("v4: author index without random inserts") { db in
            // The B-tree index on (platform, author_handle) took a random page for every
            // imported mention: 15 of the 25 s SQLite spent on a million. FTS5 gathers its
            // entries in memory and writes them sorted at commit, so the same lookup costs
            // a tenth of that.
            try db.execute(sql: """
                DROP INDEX mention_author;
                CREATE VIRTUAL TABLE mention_author_fts USING fts5(author_key, content = '',
                    tokenize = 'ascii', detail = none, columnsize = 0);
                INSERT INTO mention_author_fts (rowid, author_key)
                    SELECT id, \(AuthorIndex.key(platform: "platform", handle: "author_handle")) FROM mention;
                CREATE TRIGGER mention_author_fts_insert AFTER INSERT ON mention BEGIN
                    INSERT INTO mention_author_fts (rowid, author_key)
                    VALUES (NEW.id, \(AuthorIndex.key(platform: "NEW.platform", handle: "NEW.author_handle")));
                END;
                CREATE TRIGGER mention_author_fts_delete AFTER DELETE ON mention BEGIN
                    INSERT INTO mention_author_fts (mention_author_fts, rowid, author_key)
                    VALUES ('delete', OLD.id, \(AuthorIndex.key(platform: "OLD.platform", handle: "OLD.author_handle")));
                END;
                """)
        }
        migrator.registerMigration("v5: cases") { db in
            try migrateToCases(db, cases: cases)
        }
        migrator.registerMigration("v6: response clock") { db in
            try addTriageColumns(SQLiteRunner(db: db))
            try migrateToResponseClock(db, cases: cases)
        }
        migrator.registerMigration("v7: direct-message cases by author") { db in
            // The author index (FTS5) cannot be asked inside an import's transaction
            // without writing out what it gathered: one segment per direct message. Direct
            // messages are a tenth of the mentions; this index holds only the cases they open.
            try db.execute(sql: """
                CREATE INDEX mention_dm_case ON mention (platform, author_handle, id)
                    WHERE channel = 'dm' AND case_id IS NULL
                """)
        }
        migrator.registerMigration("v8: what a draft was written for") { db in
            // A draft belongs to the step it was written at (`MentionFlow.replyOccasion`);
            // NULL for drafts saved before, which open as they always did.
            try db.execute(sql: "ALTER TABLE draft ADD COLUMN written_for TEXT")
        }
        migrator.registerMigration("v9: a team position's short form") { db in
            // `TeamPosition.short`: the position in few words, for replies that must fit a post.
            try db.execute(sql: "ALTER TABLE team_position ADD COLUMN short TEXT")
        }
        migrator.registerMigration("v10: the text index follows edited words") { db in
            // An edit or a deletion changes a held mention's words and name; the index
            // takes the old ones out and the new ones in (as PostgreSQL's generated
            // column does), so the code that edits is the same on both engines.
            try db.execute(sql: """
                CREATE TRIGGER mention_fts_update AFTER UPDATE OF text, author_handle, author_name ON mention BEGIN
                    INSERT INTO mention_fts (mention_fts, rowid, text, author_handle, author_name)
                    VALUES ('delete', OLD.id, OLD.text, OLD.author_handle, OLD.author_name);
                    INSERT INTO mention_fts (rowid, text, author_handle, author_name)
                    VALUES (NEW.id, NEW.text, NEW.author_handle, NEW.author_name);
                END
                """)
        }
        migrator.registerMigration("v11: triage that learns") { db in
            try migrateToLearningTriage(SQLiteRunner(db: db))
        }
        migrator.registerMigration("v12: a report's facts kept per case") { db in
            // `ReportColumns`, filled by folding every case's log once, and the index a
            // report reads them through.
            try ReportColumns.add(db)
            try cases.recomputeStatuses(SQLiteRunner(db: db))
            try db.execute(sql: ReportColumns.sqliteIndex)
        }
        return migrator
    }
}
