import Testing
@testable import InboxStore

@Suite("SQL scripts split into statements as psql splits them")
struct SQLScriptTests {
    @Test("semicolons in quotes, identifiers, dollar-quoted bodies and comments do not split")
    func split() {
        let script = """
            CREATE TABLE "a;b" (x text DEFAULT 'c;d'); -- a comment; not a statement
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
            DO $body$ BEGIN PERFORM 1; END $body$;
            SELECT $1;
            """
        #expect(SQLScript.statements(script) == [
            #"CREATE TABLE "a;b" (x text DEFAULT 'c;d')"#,
            "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$",
            "DO $body$ BEGIN PERFORM 1; END $body$",
            "SELECT $1",
        ])
    }
}
