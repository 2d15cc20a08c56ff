import GRDB

/// The database's tables, as migrations from the first version on: a file written by
/// any earlier `webcare` opens in a later one, which migrates it forward.
///
/// - `mention`: one row per mention, deduplicated on platform + the platform's id. Beside
///   the mention itself it keeps the queue columns derived from the flow (kind, phase,
///   step, last sequence number), so the queue is one indexed read.
/// - `flow_event`: the append-only log; (mention, seq) is the primary key, so a second
///   agent appending the same sequence number fails instead of overwriting.
/// - `claim`, `draft`, `team_position`, `outbox`: the shared working state of a team.
enum Schema {
    static var migrator: DatabaseMigrator {
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
        return migrator
    }
}
