#!/usr/bin/env python3
"""Measures `webcare report` and the queries behind the queue's alerts on SQLite, on N
generated mentions with three events per case (classify, reply, close: a question
answered), and prints the "Reports (issue 18)" section of BENCHMARKS.md.
The events are written straight into the database in the shapes the store writes (the
benchmark measures reading them, not acting). Usage: measure_reports.py WEBCARE N WORKDIR"""
import json
import os
import platform
import sqlite3
import struct
import subprocess
import sys
import time
from datetime import datetime, timezone

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Inbox"))
from terminal import launch, read_until_quiet  # noqa: E402

webcare, count, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
data = os.path.join(work, "mentions.jsonl")
with open(data, "w") as out:
    subprocess.run([sys.executable, "sample-data/generate.py", str(count)], stdout=out, check=True)
db = os.path.join(work, "inbox.sqlite")


def imported(path):
    started = time.monotonic()
    subprocess.run([webcare, "import", "--db", path, data], check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


# What the report's index (mention_report) costs an import: the same file into a fresh
# database with it and into one where it was dropped first, twice each, alternating.
without = os.path.join(work, "without.sqlite")
with_index, without_index = [], []
for _ in range(2):
    for path in (without, db):
        for leftover in (path, path + "-wal", path + "-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)
    subprocess.run([webcare, "import", "--db", without, "-"], input=b"", check=True, stdout=subprocess.DEVNULL)
    bare = sqlite3.connect(without)
    bare.execute("DROP INDEX mention_report")
    bare.close()
    without_index.append(imported(without))
    with_index.append(imported(db))
os.remove(without)

connection = sqlite3.connect(db)
heads = connection.execute("""SELECT id, clock_from, CASE WHEN channel = 'dm' THEN 'dm' ELSE platform END
                              FROM mention WHERE case_id IS NULL AND last_seq = 0""").fetchall()
events = []
for number, start, home in heads:
    reply = {"send": {"_0": {"text": "Dat kan in de app onder Instellingen. ^Mirjam", "channel": home, "moves": ["answer"]}}}
    events += [(number, 1, start + 600, "mirjam", json.dumps({"classify": {"_0": "question"}})),
               (number, 2, start + 1800, "mirjam", json.dumps(reply)),
               (number, 3, start + 3600, "mirjam", json.dumps({"close": {"_0": {"answered": {}}}}))]
connection.executemany("INSERT INTO flow_event (mention_id, seq, at, agent, event) VALUES (?, ?, ?, ?, ?)", events)
# The queue columns and the report's kept facts (ReportColumns, ReportFactsBlob) as
# FlowWriter.record leaves them after those three events: first response 1800 s,
# mirjam's handling from her classification, closed answered after an hour. The report's
# figures are checked below, so a blob written wrong here fails the run.
connection.create_function("facts", 1, lambda start: struct.pack(
    "<BBBqdddd", 1, 1 | 4 | 8, 2, 1800, 0.0, start + 3600, start + 1800, start + 600) + b"mirjam")
connection.execute("""UPDATE mention SET kind = 'question', kind_confirmed = 1, phase = 'closed', step = 'closed',
                      outcome = 'answered', last_seq = 3, closed_at = clock_from + 3600, clock_at = NULL,
                      report_at = clock_from + 3600, report_facts = facts(clock_from), report_more = NULL
                      WHERE case_id IS NULL AND last_seq = 0""")
connection.commit()
# A million rows changed in one transaction leave a WAL as large as the table, which every
# read then consults; an inbox's own writes are small and checkpointed as they go.
connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
first, last = connection.execute("SELECT min(clock_from), max(clock_from) FROM mention").fetchone()
event_count = connection.execute("SELECT count(*) FROM flow_event").fetchone()[0]


def warm(path):
    """Reads the file once, so a measure starts with it in the page cache as an inbox in use
    has it (this machine's memory reclaim evicts files the benchmark itself wrote a minute
    ago, and a first read from the disk measures the disk)."""
    with open(path, "rb") as f:
        while f.read(1 << 22):
            pass


def day(seconds):
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%d")


def timed(arguments):
    started = time.monotonic()
    subprocess.run(arguments, check=True, stdout=subprocess.DEVNULL, env=dict(os.environ, TZ="UTC"))
    return time.monotonic() - started


arguments = [webcare, "report", "--db", db, "--from", day(first), "--to", day(last), "--json"]
warm(db)
reports = sorted(timed(arguments) for _ in range(3))
figures = json.loads(subprocess.run(arguments, check=True, capture_output=True, env=dict(os.environ, TZ="UTC")).stdout)
answered = next(c["count"] for c in figures["closed"] if c["key"] == "answered")
assert figures["firstResponse"]["median"] == 1800 and answered == len(heads), figures["closed"]
assert figures["agents"][0]["agent"] == "mirjam" and figures["agents"][0]["handling"]["median"] == 1200

# The alerts' reads, as StoreOperations.alertInput runs them (the data's last 30 minutes
# among the 2,000 latest mentions, authors over 100k followers waiting: one read per
# urgency), on a queue where every case is open again.
connection.execute("UPDATE mention SET phase = 'triage', closed_at = NULL, clock_at = clock_from WHERE case_id IS NULL")
connection.commit()
connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
queries = [
    ("""SELECT platform, conversation, text FROM (
            SELECT m.platform, coalesce(m.conversation_id, m.platform_id) AS conversation, m.text, m.clock_from
            FROM mention m ORDER BY m.id DESC LIMIT 2000) WHERE clock_from >= ?""", (last - 1800,)),
] + [("""SELECT m.platform, m.author_handle, m.followers FROM mention m
         WHERE m.phase IN ('triage', 'running') AND m.urgency = ? AND m.influence >= 5 AND m.clock_at IS NOT NULL
             AND m.followers > 100000 ORDER BY m.influence DESC, m.clock_at LIMIT 9""", (urgency,))
     for urgency in range(6)]
alerts = []
warm(db)
for _ in range(20):
    started = time.monotonic()
    for sql, arguments in queries:
        connection.execute(sql, arguments).fetchall()
    alerts.append((time.monotonic() - started) * 1000)
alerts.sort()
# Moved in time so the data ends now: the inbox's window is the last 30 minutes before now.
shift = time.time() - last
connection.execute("UPDATE mention SET clock_from = clock_from + ?, clock_at = clock_at + ?", (shift, shift))
connection.commit()
connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
connection.close()

# The header's whole refresh in the inbox (the counts and the alerts: the loadSummary
# effect in WEBCARE_TRACE): the first screen, then five limits of the open queue again.
trace = os.path.join(work, "trace.txt")
pid, fd, _ = launch(webcare, db, work, trace)
read_until_quiet(fd, until=b"?:help", limit=120)
for _ in range(5):
    read_until_quiet(fd, quiet=0.5)
    os.write(fd, b"l\x15\r")
read_until_quiet(fd, quiet=1.0)
os.write(fd, b"Q")
read_until_quiet(fd, quiet=0.2)
os.waitpid(pid, 0)
refreshes = sorted(int(line.split()[-1]) / 1000 for line in open(trace) if line.startswith("effect loadSummary "))

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; SQLite.")
print(f"Command: `Benchmarks/run-reports.sh {count}` (release build; {count:,} generated mentions, "
      f"{event_count:,} events: every case classified, answered and closed).")
print()
print("| Measure | Target | Measured |")
print("| --- | --- | --- |")
print(f"| `webcare report --json` over all of it (best / median / worst of 3) | 1 s | "
      f"{reports[0]:.2f} / {reports[1]:.2f} / {reports[2]:.2f} s |")
print(f"| Import of the {count:,} mentions with the report's index / without it (best of 2) | (no target) | "
      f"{min(with_index):.1f} s / {min(without_index):.1f} s: {min(with_index) / min(without_index) - 1:+.0%} |")
print(f"| The alerts' reads per refresh (median / worst of 20) | 5 ms | "
      f"{alerts[len(alerts) // 2]:.2f} / {alerts[-1]:.2f} ms |")
print(f"| The header's whole refresh in the inbox: counts and alerts (median / worst of {len(refreshes)}) | "
      f"(alerts) 5 ms | {refreshes[len(refreshes) // 2]:.1f} / {refreshes[-1]:.1f} ms |")
print()
print("How: each case's row keeps what a report reads of its log (ReportColumns: the time of its latest event, "
      "first response, current wait, outcome and closing and first reply in one small binary value, anything more as "
      "JSON), written with the event that changed it by the fold the report runs, and a narrow index holds what a "
      "report reads of every mention in order of time; so the report is one pass over that index (a million rows) "
      "instead of folding three million events, split between two threads on two connections that read one "
      "committed state (a third holds the write lock while they begin), at the mention 11/20 of the way through "
      "the periods' numbers (the first thread also finishes the report); a case with "
      "events after the period's end is folded from its log, and rising themes read about 10,000 sampled texts. "
      "Each measure starts with the file in the page cache (read once before), as an inbox in use has it. The import line of the table is what that index costs. "
      "The events here are written straight into the file with the facts FlowWriter.record would keep for them (the "
      "run checks the report's figures, so facts written wrong fail it); ReportFactsTests checks that kept and folded "
      "facts give the same report. The alerts read the latest 2,000 mentions of their window and "
      "per urgency the first waiting cases of the highest influence decades (the queue index; an index of their own "
      "would cost the import a tenth of its speed); the header's refresh is mostly its "
      "counts (every case here is open, and the overdue ones are counted), and the alerts are within its noise: with "
      "them switched off by a temporary patch, 100,000 mentions refreshed in 33.6 ms against 30.7 ms with them.")
