"""Times `webcare import` of N generated mentions (webcare JSON Lines) into a fresh
database, and sqlite3's own `.import` of the same records as CSV into an equivalent
table (same columns as the file, same unique index, author, queue and text indexes, same
pragmas), in the same run; and what SQLite alone spends storing the same rows in the
inbox's schema, copied from webcare's database by sqlite3. Peak resident memory comes
from getrusage of each child. Prints the Markdown section for BENCHMARKS.md.

Usage: measure_import.py WEBCARE_BINARY COUNT WORKDIR"""
import os
import platform
import re
import subprocess
import sys
import time

binary, count, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
here = os.path.dirname(os.path.abspath(__file__))
generator = os.path.join(here, "..", "..", "sample-data", "generate.py")
jsonl, csv = os.path.join(work, "mentions.jsonl"), os.path.join(work, "mentions.csv")
with open(jsonl, "w") as out:
    subprocess.run([sys.executable, generator, str(count)], stdout=out, check=True)
with open(csv, "w") as out:
    subprocess.run([sys.executable, generator, str(count), "--csv"], stdout=out, check=True)


def timed(command, stdin=None):
    """Wall seconds and peak RSS (MB) of one child process, from its own rusage."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdin=stdin, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{command[0]} failed with status {status}")
    return seconds, usage.ru_maxrss / 1024


SQLITE_SCRIPT = f"""PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
PRAGMA cache_size=-32768;
CREATE TABLE mention (platform TEXT NOT NULL, channel TEXT NOT NULL, platform_id TEXT NOT NULL,
  conversation_id TEXT, in_reply_to_id TEXT, author_handle TEXT NOT NULL, author_name TEXT NOT NULL,
  followers INTEGER NOT NULL, verified TEXT NOT NULL, text TEXT NOT NULL, posted_at TEXT NOT NULL,
  language TEXT, link TEXT, UNIQUE (platform, platform_id));
-- The author index as the inbox keeps it: one token per mention in a contentless FTS5 table.
CREATE VIRTUAL TABLE mention_author_fts USING fts5(author_key, content = '', tokenize = 'ascii', detail = none,
  columnsize = 0);
CREATE TRIGGER mention_author_fts_insert AFTER INSERT ON mention BEGIN
  INSERT INTO mention_author_fts (rowid, author_key) VALUES (NEW.rowid, hex(NEW.platform || ':' || NEW.author_handle));
END;
-- What the inbox keeps beside each mention for the queue: an index of five columns in
-- an order unlike arrival, and the text index with the trigger that fills it.
CREATE INDEX mention_queue ON mention (channel, followers DESC, posted_at, platform, platform_id);
CREATE VIRTUAL TABLE mention_fts USING fts5(text, author_handle, author_name, content = mention,
  tokenize = 'unicode61 remove_diacritics 2', detail = none, columnsize = 0);
CREATE TRIGGER mention_fts_insert AFTER INSERT ON mention BEGIN
  INSERT INTO mention_fts (rowid, text, author_handle, author_name)
  VALUES (NEW.rowid, NEW.text, NEW.author_handle, NEW.author_name);
END;
.import --csv --skip 1 {csv} mention
"""

webcare_db, sqlite_db = os.path.join(work, "webcare.sqlite"), os.path.join(work, "sqlite3.sqlite")
webcare_seconds, webcare_rss = timed([binary, "import", "--db", webcare_db, jsonl])
script = os.path.join(work, "import.sql")
with open(script, "w") as f:
    f.write(SQLITE_SCRIPT)
with open(script) as f:
    sqlite_seconds, sqlite_rss = timed(["sqlite3", sqlite_db], stdin=f)
count_check = subprocess.run(["sqlite3", webcare_db, "SELECT count(*) FROM mention"], capture_output=True,
                             text=True, check=True).stdout.strip()


def copy_mentions(name, leave_out=()):
    """SQLite's own cost of storing the mentions in the inbox's schema, with nothing to
    parse: sqlite3 copies the imported rows from webcare's database into a fresh one
    with the same schema (minus the statements matching `leave_out`), 2,500 rows per
    transaction as the import commits them."""
    schema = subprocess.run(["sqlite3", webcare_db, ".schema"], capture_output=True, text=True,
                            check=True).stdout
    # FTS5 creates its own shadow tables; the schema dump lists them too.
    statements = [s for s in re.split(r"(?<=;)\n(?=CREATE)", schema)
                  if not s.startswith("CREATE TABLE IF NOT EXISTS") and not any(re.search(p, s) for p in leave_out)]
    target = os.path.join(work, name + ".sqlite")
    columns = ("platform, platform_id, channel, conversation_id, in_reply_to_id, author_handle, author_name, "
               "followers, influence, verified, text, posted_at, language, link, arrived_at, suggested_kind, spam, kind")
    with open(os.path.join(work, name + ".sql"), "w") as f:
        f.write("PRAGMA journal_mode=WAL;\n" + "\n".join(statements) + "\n")
        f.write(f"PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=16384; ATTACH '{webcare_db}' AS src;\n")
        for low in range(0, count, 2500):
            f.write(f"BEGIN IMMEDIATE; INSERT INTO main.mention ({columns}) SELECT {columns} FROM src.mention "
                    f"WHERE id > {low} AND id <= {low + 2500}; COMMIT;\n")
    with open(os.path.join(work, name + ".sql")) as f:
        return timed(["sqlite3", target], stdin=f)[0]


floor_seconds = copy_mentions("floor")
bare_seconds = copy_mentions("bare", leave_out=[r"INDEX mention_queue", r"TRIGGER (mention_fts|mention_author_fts|queue_count)_insert"])

webcare_rate, sqlite_rate = count / webcare_seconds, count / sqlite_seconds
ratio = webcare_rate / sqlite_rate
cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
sqlite_version = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
print(f"Command: `Benchmarks/run-import.sh {count}` (release build), {time.strftime('%Y-%m-%d', time.gmtime())}.")
print(f"Machine: {os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.system()} {platform.release()}; "
      f"SQLite {sqlite_version}.")
print()
print(f"Input: {count:,} mentions from `sample-data/generate.py`: {os.path.getsize(jsonl) / 2**20:.0f} MB as "
      f"JSON Lines, {os.path.getsize(csv) / 2**20:.0f} MB as CSV. Database rows after the webcare import: {count_check}.")
print()
print("| importer | time | mentions/s | peak RSS |")
print("|---|---:|---:|---:|")
print(f"| `webcare import` (JSON Lines: parse, check, classify, insert) | {webcare_seconds:.2f} s | "
      f"{webcare_rate:,.0f} | {webcare_rss:.0f} MB |")
print(f"| `sqlite3 .import` (CSV into the equivalent table) | {sqlite_seconds:.2f} s | {sqlite_rate:,.0f} | {sqlite_rss:.0f} MB |")
print(f"| `sqlite3` alone: the same rows copied into the inbox's own schema, nothing to parse | {floor_seconds:.2f} s "
      f"| {count / floor_seconds:,.0f} | |")
print(f"| `sqlite3` alone, into the table with only its unique index | {bare_seconds:.2f} s | {count / bare_seconds:,.0f} | |")
print()
print(f"Ratio: webcare imports at {ratio:.2f}× sqlite3's rate (aim: at least 0.5×: "
      f"{'met' if ratio >= 0.5 else 'NOT met'}). Target 150,000 mentions/s: {'met' if webcare_rate >= 150_000 else 'NOT met'}. "
      f"Memory under 100 MB: {'met' if webcare_rss < 100 else 'NOT met'}.")
