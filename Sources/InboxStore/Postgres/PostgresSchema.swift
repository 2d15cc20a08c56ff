import Foundation
import InboxModel

/// The PostgreSQL inbox's tables, versioned as the SQLite file's are: each migration runs
/// once, in order, in one transaction, recorded in `schema_migration`; an advisory lock
/// keeps two agents starting at once from both running it.
///
/// The tables are the SQLite schema's (times as seconds since 1970, so both engines hold
/// the same values and `migrate` copies them as they are), with the identity rules a
/// shared file cannot have: the `agent` of every event, draft, claim, position and outbox
/// entry is the database login (`current_user`), enforced by row-level security, so no
/// agent can write in another's name; a send onto a case another agent holds is refused
/// by the server unless the sender recorded a take-over first; connectors (the team's
/// second role) may log only that a customer wrote.
enum PostgresSchema {
    struct Migration {
        var version: Int
        var name: String
        /// What it does: a script, or Swift code for what SQL alone cannot (learning).
        var run: @Sendable (PostgresSession) throws -> Void

        init(version: Int, name: String, sql: String) {
            self.init(version: version, name: name) { try $0.script(sql) }
        }

        init(version: Int, name: String, run: @escaping @Sendable (PostgresSession) throws -> Void) {
            self.version = version
            self.name = name
            self.run = run
        }
    }

    static let migrations = [
        Migration(version: 1, name: "the inbox, with identities the server enforces", sql: v1),
        Migration(version: 2, name: "the queue index holds what the header counts", sql: v2),
        Migration(version: 3, name: "triage that learns") { session in
            try Schema.migrateToLearningTriage(session)
            try session.script(v3Grants)
        },
        Migration(version: 4, name: "a report's facts kept per case") { session in
            // `ReportColumns`, filled by folding every case's log once (under the default
            // house rules: the owner who migrates runs no team's config).
            try session.script(ReportColumns.postgresMigration)
            try session.script(v4Grants)
            try CaseJoiner(agent: "migration", rules: HouseRules()).recomputeStatuses(session)
        },
    ]

    /// Brings the database up to the newest version; returns the versions it ran.
    @discardableResult
    static func migrate(_ session: PostgresSession) throws -> [Int] {
        try session.transaction {
            try session.execute("SELECT pg_advisory_xact_lock(hashtext('webcare migrate'))")
            try session.execute("""
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """)
            let done = Set(try session.rows("SELECT version FROM schema_migration").map { $0["version"] as Int })
            var ran: [Int] = []
            for migration in migrations where !done.contains(migration.version) {
                try migration.run(session)
                try session.execute("INSERT INTO schema_migration (version, name) VALUES (:version, :name)",
                                    ["version": migration.version, "name": migration.name])
                ran.append(migration.version)
            }
            return ran
        }
    }

    /// True when every migration this webcare knows has run.
    static func isCurrent(_ session: PostgresSession) throws -> Bool {
        let exists = try session.rows("SELECT to_regclass('schema_migration') IS NOT NULL AS present")[0]["present"] as Bool
        guard exists else { return false }
        let versions = Set(try session.rows("SELECT version FROM schema_migration").map { $0["version"] as Int })
        return migrations.allSatisfy { versions.contains($0.version) }
    }

    /// Who an import's notes are in the name of, besides customers: the platforms and the archive.
    static let importNoteAgents = (Platform.allCases.map(\.rawValue) + [MentionWriter.archiveAgent])
        .map { "'\($0)'" }.joined(separator: ", ")

    static let urgencyCases = MentionKind.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.urgency)" }.joined(separator: " ")

    /// Seconds since 1970 on the server's clock: claims expire by one clock for everyone.
    static let serverNow = "extract(epoch FROM clock_timestamp())"

    static let v1 = """
        CREATE TABLE team_role (
            agents text NOT NULL,
            connectors text NOT NULL
        );

        CREATE EXTENSION IF NOT EXISTS unaccent;
        -- unaccent() depends on a search path and is not IMMUTABLE; a generated column needs
        -- a function that is, so this one names its dictionary.
        CREATE FUNCTION webcare_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT unaccent('unaccent'::regdictionary, $1) $$;

        CREATE TABLE mention (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            platform text NOT NULL,
            platform_id text NOT NULL,
            channel text NOT NULL,
            conversation_id text,
            in_reply_to_id text,
            author_handle text NOT NULL,
            author_name text NOT NULL,
            followers bigint NOT NULL,
            influence integer NOT NULL,
            verified boolean NOT NULL,
            text text NOT NULL,
            posted_at double precision NOT NULL,
            language text,
            link text,
            arrived_at double precision NOT NULL,
            suggested_kind text,
            spam boolean NOT NULL,
            kind text,
            kind_confirmed boolean NOT NULL DEFAULT false,
            phase text NOT NULL DEFAULT 'triage',
            step text NOT NULL DEFAULT 'triage',
            outcome text,
            last_seq integer NOT NULL DEFAULT 0,
            case_id bigint REFERENCES mention (id),
            case_messages integer NOT NULL DEFAULT 1,
            case_latest bigint,
            status text NOT NULL DEFAULT 'new',
            department text,
            closed_at double precision,
            clock_from double precision,
            clock_at double precision,
            -- What the queue sorts by, derived as SQLite's virtual columns are.
            urgency integer GENERATED ALWAYS AS (CASE kind \(urgencyCases) ELSE \(MentionKind.allCases.count) END) STORED,
            home text GENERATED ALWAYS AS (CASE WHEN channel = '\(MentionChannel.directMessage.rawValue)'
                THEN '\(ReplyChannel.dm.rawValue)' ELSE platform END) STORED,
            -- The words a limit finds: of the text, handle and name, lower case, accents
            -- dropped, each looked up as the start of a word (SQLite's FTS5 rule).
            search tsvector GENERATED ALWAYS AS (to_tsvector('simple',
                webcare_unaccent(lower(text || ' ' || author_handle || ' ' || author_name)))) STORED,
            UNIQUE (platform, platform_id)
        );
        CREATE INDEX mention_search ON mention USING gin (search);
        CREATE INDEX mention_queue ON mention (urgency, influence DESC, clock_at, arrived_at, platform, platform_id)
            WHERE phase IN ('triage', 'running');
        CREATE INDEX mention_case ON mention (case_id) WHERE case_id IS NOT NULL;
        CREATE INDEX mention_conversation ON mention (platform, conversation_id)
            WHERE conversation_id IS NOT NULL AND conversation_id != platform_id;
        CREATE INDEX mention_author ON mention (platform, author_handle);
        CREATE INDEX mention_dm_case ON mention (platform, author_handle, id) WHERE channel = 'dm' AND case_id IS NULL;

        CREATE TABLE flow_event (
            mention_id bigint NOT NULL REFERENCES mention (id),
            seq integer NOT NULL,
            at double precision NOT NULL,
            agent text NOT NULL DEFAULT current_user,
            event jsonb NOT NULL,
            PRIMARY KEY (mention_id, seq)
        );
        CREATE INDEX flow_event_at ON flow_event (at);

        CREATE TABLE claim (
            mention_id bigint PRIMARY KEY REFERENCES mention (id),
            agent text NOT NULL DEFAULT current_user,
            expires_at double precision NOT NULL
        );

        CREATE TABLE draft (
            mention_id bigint NOT NULL REFERENCES mention (id),
            agent text NOT NULL DEFAULT current_user,
            text text NOT NULL,
            saved_at double precision NOT NULL,
            written_for text,
            PRIMARY KEY (mention_id, agent)
        );

        CREATE TABLE team_position (
            id text NOT NULL,
            version integer NOT NULL,
            topic text NOT NULL,
            statement text NOT NULL,
            agent text NOT NULL DEFAULT current_user,
            saved_at double precision NOT NULL,
            short text,
            PRIMARY KEY (id, version)
        );

        CREATE TABLE outbox (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            mention_id bigint NOT NULL REFERENCES mention (id),
            seq integer NOT NULL,
            action text NOT NULL,
            channel text NOT NULL,
            text text,
            agent text NOT NULL DEFAULT current_user,
            created_at double precision NOT NULL,
            delivered_at double precision,
            posted_id text,
            answers bigint REFERENCES mention (id),
            FOREIGN KEY (mention_id, seq) REFERENCES flow_event (mention_id, seq)
        );
        CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL;
        CREATE INDEX outbox_posted ON outbox (posted_id) WHERE posted_id IS NOT NULL;

        -- True when the login is one of the team's connectors (not an agent).
        CREATE FUNCTION webcare_is_connector() RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT EXISTS (SELECT 1 FROM team_role t WHERE pg_has_role(current_user, t.connectors, 'MEMBER'))
        $$;

        -- Everyone the schema is granted to reads everything but drafts of others; writes
        -- carry the writer's own login.
        ALTER TABLE flow_event ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON flow_event FOR SELECT USING (true);
        -- An agent logs steps as themselves. An import (agent or connector) logs a customer
        -- writing again as that customer ("@handle"), and notes in the name of who did
        -- what it notes: the customer (an edit), the platform (a deletion), the archive
        -- (our reply from before webcare).
        CREATE POLICY append_as_self ON flow_event FOR INSERT WITH CHECK (
            (agent = current_user AND NOT webcare_is_connector())
            OR (event ? 'authorWrote' AND agent LIKE '@%')
            OR (event ? 'note' AND (agent LIKE '@%' OR agent IN (\(importNoteAgents)))));

        ALTER TABLE claim ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON claim FOR SELECT USING (true);
        CREATE POLICY claim_as_self ON claim FOR INSERT WITH CHECK (agent = current_user AND NOT webcare_is_connector());
        CREATE POLICY take_as_self ON claim FOR UPDATE USING (NOT webcare_is_connector())
            WITH CHECK (agent = current_user);
        CREATE POLICY release_own ON claim FOR DELETE USING (agent = current_user);

        ALTER TABLE draft ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON draft FOR SELECT USING (true);
        CREATE POLICY own ON draft FOR INSERT WITH CHECK (agent = current_user);
        CREATE POLICY own_update ON draft FOR UPDATE USING (agent = current_user) WITH CHECK (agent = current_user);
        CREATE POLICY own_delete ON draft FOR DELETE USING (agent = current_user);

        ALTER TABLE team_position ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON team_position FOR SELECT USING (true);
        CREATE POLICY as_self ON team_position FOR INSERT WITH CHECK (agent = current_user AND NOT webcare_is_connector());

        ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON outbox FOR SELECT USING (true);
        CREATE POLICY queue_own_event ON outbox FOR INSERT WITH CHECK (
            (agent = current_user OR (agent = '\(MentionWriter.archiveAgent)' AND delivered_at IS NOT NULL))
            AND EXISTS (SELECT 1 FROM flow_event e WHERE e.mention_id = outbox.mention_id AND e.seq = outbox.seq
                AND e.agent = outbox.agent));
        CREATE POLICY deliver ON outbox FOR UPDATE USING (webcare_is_connector());

        -- A reply onto a case another agent holds is refused unless the sender took it
        -- over first (a takeOver event, then the claim made theirs).
        CREATE FUNCTION webcare_send_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE holder text;
        BEGIN
            IF NEW.event ? 'send' THEN
                SELECT c.agent INTO holder FROM claim c WHERE c.mention_id = NEW.mention_id
                    AND c.agent != NEW.agent AND c.expires_at > \(serverNow);
                IF FOUND THEN
                    RAISE EXCEPTION USING ERRCODE = 'WC001', MESSAGE = holder,
                        DETAIL = 'the case is held by another agent: take it over (recorded) to reply';
                END IF;
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER send_guard BEFORE INSERT ON flow_event FOR EACH ROW EXECUTE FUNCTION webcare_send_guard();

        -- A live claim changes hands only after its new holder logged the take-over.
        CREATE FUNCTION webcare_claim_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.agent != NEW.agent AND OLD.expires_at > \(serverNow) AND NOT EXISTS (
                SELECT 1 FROM flow_event e WHERE e.mention_id = NEW.mention_id AND e.agent = NEW.agent
                    AND e.event ? 'takeOver'
                    AND e.seq = (SELECT max(seq) FROM flow_event WHERE mention_id = NEW.mention_id)) THEN
                RAISE EXCEPTION USING ERRCODE = 'WC001', MESSAGE = OLD.agent,
                    DETAIL = 'the case is held by another agent: take it over (recorded) first';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER claim_guard BEFORE UPDATE ON claim FOR EACH ROW EXECUTE FUNCTION webcare_claim_guard();

        -- Every change is news to the other agents' inboxes (LISTEN webcare_changes).
        CREATE FUNCTION webcare_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('\(PostgresChangeWatcher.channel)', TG_TABLE_NAME);
            RETURN NULL;
        END $$;
        \(InboxTables.workingState.map { """
            CREATE TRIGGER notify AFTER INSERT OR UPDATE OR DELETE ON \($0)
                FOR EACH STATEMENT EXECUTE FUNCTION webcare_notify();
            """ }.joined(separator: "\n"))
        """

    /// The queue index also holds `home`, so the header's counts per kind and of overdue
    /// cases (whose deadline depends on it) are one scan of the index, never of the table.
    static let v2 = """
        CREATE INDEX mention_queue_counted ON mention (urgency, influence DESC, clock_at, arrived_at, platform,
            platform_id) INCLUDE (home) WHERE phase IN ('triage', 'running');
        DROP INDEX mention_queue;
        ALTER INDEX mention_queue_counted RENAME TO mention_queue;
        """

    /// A team made before v3 may keep confirming kinds: its agents add to the model's
    /// counts (whoever confirms teaches; the counts carry no name).
    static let v3Grants = forEveryTeam([
        "'GRANT SELECT ON classifier_count TO %I, %I', team.agents, team.connectors",
        "'GRANT INSERT, UPDATE (count) ON classifier_count TO %I', team.agents",
        "'GRANT UPDATE (needs_reply, confidence) ON mention TO %I, %I', team.agents, team.connectors",
    ])

    /// A team made before v4 writes a report's facts as it appends events.
    static let v4Grants = forEveryTeam([
        "'GRANT UPDATE (\(ReportColumns.names)) ON mention TO %I, %I', team.agents, team.connectors",
    ])

    /// A script running each of `grants` (`format` arguments naming `team.agents` and
    /// `team.connectors`) for the team the database was made for, if any yet.
    private static func forEveryTeam(_ grants: [String]) -> String {
        """
        DO $$
        DECLARE team record;
        BEGIN
            FOR team IN SELECT agents, connectors FROM team_role LOOP
        \(grants.map { "        EXECUTE format(\($0));" }.joined(separator: "\n"))
            END LOOP;
        END $$;
        """
    }

    /// Makes the team's roles and gives them what they may do: `team` (NOLOGIN, each
    /// agent a login role in it) acts on flows; `team_connector` imports, reads the
    /// outbox and acknowledges it. Safe to run again.
    static func grantTeam(_ session: PostgresSession, team: String) throws {
        let agents = quoted(team), connectors = quoted(team + "_connector")
        try session.transaction {
            for role in [team, team + "_connector"] {
                let exists = try !session.rows("SELECT 1 FROM pg_roles WHERE rolname = :role", ["role": role]).isEmpty
                if !exists { try session.execute("CREATE ROLE \(quoted(role)) NOLOGIN") }
            }
            try session.execute("DELETE FROM team_role")
            try session.execute("INSERT INTO team_role VALUES (:agents, :connectors)",
                                ["agents": team, "connectors": team + "_connector"])
            try session.script("""
                GRANT USAGE ON SCHEMA \(schema(session)) TO \(agents), \(connectors);
                GRANT SELECT ON ALL TABLES IN SCHEMA \(schema(session)) TO \(agents), \(connectors);
                GRANT USAGE ON ALL SEQUENCES IN SCHEMA \(schema(session)) TO \(agents), \(connectors);
                GRANT INSERT ON mention, flow_event, claim, draft, team_position, outbox TO \(agents);
                GRANT UPDATE (kind, kind_confirmed, phase, step, outcome, last_seq, status, department, closed_at,
                    clock_at, case_id, case_messages, case_latest, text, author_name, followers, influence, verified,
                    link, suggested_kind, spam, needs_reply, confidence, \(ReportColumns.names)) ON mention TO \(agents), \(connectors);
                GRANT INSERT, UPDATE (count) ON classifier_count TO \(agents);
                GRANT UPDATE (agent, expires_at) ON claim TO \(agents);
                GRANT DELETE ON claim, draft TO \(agents);
                GRANT UPDATE (text, saved_at, written_for) ON draft TO \(agents);
                GRANT INSERT ON mention, flow_event, outbox TO \(connectors);
                GRANT UPDATE (delivered_at, posted_id) ON outbox TO \(connectors);
                """)
        }
    }

    private static func schema(_ session: PostgresSession) throws -> String {
        quoted(try session.rows("SELECT current_schema() AS name")[0]["name"] as String)
    }

    /// An identifier as SQL quotes it.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
