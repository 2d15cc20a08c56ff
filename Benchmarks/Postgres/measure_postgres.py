#!/usr/bin/env python3
"""Measures webcare on SQLite and on PostgreSQL in one run, on the same N generated
mentions, and prints the "PostgreSQL (issue 17)" section of BENCHMARKS.md: import rate,
the inbox's first screen, a queue page (the loadQueue effect, from WEBCARE_TRACE),
opening a case, a text limit, and peak resident memory, per engine.
Runs beside the server scripts/with-postgres started ($WEBCARE_TEST_POSTGRES).
Usage: measure_postgres.py WEBCARE COUNT WORKDIR"""
import os
import platform
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Inbox"))
from terminal import launch, peak_mb, read_until_quiet, until_answered  # noqa: E402

webcare, count, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
server = os.environ["WEBCARE_TEST_POSTGRES"]
socket_dir = server.split("host=")[-1]
data = os.path.join(work, "mentions.jsonl")
with open(data, "w") as out:
    subprocess.run([sys.executable, "sample-data/generate.py", str(count)], stdout=out, check=True)

sqlite = os.path.join(work, "inbox.sqlite")
subprocess.run(["psql", "-X", "-q", server, "-c", "CREATE DATABASE bench"], check=True)
postgres = f"postgresql://postgres@/bench?host={socket_dir}"
subprocess.run([webcare, "init", "--postgres", postgres], check=True, stdout=subprocess.DEVNULL)


def timed_import(db):
    started = time.monotonic()
    subprocess.run([webcare, "import", "--db", db, data], check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def effect_times(trace, name):
    return sorted(int(line.split()[-1]) / 1000 for line in open(trace)
                  if line.startswith(f"effect {name} "))


def inbox(db, label):
    """The inbox on `db`: first screen, opening the case under the cursor, twenty pages
    down (the pages read ahead while scrolling), a text limit, peak memory."""
    trace = os.path.join(work, f"trace-{label}.txt")
    pid, fd, launched = launch(webcare, db, work, trace)
    _, first_at = read_until_quiet(fd, until=b"?:help", limit=60)
    first_ms = (first_at - launched) * 1000
    read_until_quiet(fd, quiet=0.3)
    open_ms = until_answered(fd, trace, b"\r", "loadMention")
    os.write(fd, b"q")
    read_until_quiet(fd, quiet=0.3)
    for _ in range(20):
        os.write(fd, b" ")
        read_until_quiet(fd, quiet=0.1)
    read_until_quiet(fd, quiet=0.3)
    os.write(fd, b"l")
    read_until_quiet(fd)
    # The words typed as a person types them, twelve keys a second: the inbox readies
    # the limit while they are typed (`prepareLimit`).
    os.write(fd, b"\x15")
    for key in b"storing":
        os.write(fd, bytes([key]))
        time.sleep(1 / 12)
    read_until_quiet(fd)
    limit_ms = until_answered(fd, trace, b"\r", "loadQueue")
    peak = peak_mb(pid)
    os.write(fd, b"Q")
    read_until_quiet(fd, quiet=0.2)
    os.waitpid(pid, 0)
    pages = effect_times(trace, "prefetchQueue")
    return first_ms, open_ms, limit_ms, pages, peak


sqlite_seconds = timed_import(sqlite)
postgres_seconds = timed_import(postgres)
subprocess.run(["psql", "-X", "-q", postgres, "-c", "VACUUM ANALYZE"], check=True)
results = {"SQLite": inbox(sqlite, "sqlite"), "PostgreSQL": inbox(postgres, "postgres")}

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
version = subprocess.run(["psql", "-X", "-tA", server, "-c", "SHOW server_version"], capture_output=True,
                         text=True).stdout.strip()
print(f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; PostgreSQL {version} "
      f"on the same machine, through a Unix socket, default settings (fsync on).")
print(f"Command: `Benchmarks/run-postgres.sh {count}` (release build; {count:,} generated mentions; the inbox in "
      f"an 80x24 pseudo-terminal).")
print()
print("| Measure | Target | SQLite | PostgreSQL |")
print("| --- | --- | --- | --- |")
print(f"| Import ({count:,} mentions) | PostgreSQL ≥ 50% of SQLite's rate | {count / sqlite_seconds:,.0f}/s "
      f"({sqlite_seconds:.1f} s) | {count / postgres_seconds:,.0f}/s ({postgres_seconds:.1f} s): "
      f"{sqlite_seconds / postgres_seconds:.0%} |")
rows = [("First full screen after launch", "200 ms", lambda r: f"{r[0]:.0f} ms"),
        ("Queue page read while scrolling (prefetchQueue: median / worst)", "50 ms",
         lambda r: f"{r[3][len(r[3]) // 2]:.1f} / {r[3][-1]:.1f} ms" if r[3] else "none"),
        ("Opening a case (Enter to the drawn case)", "50 ms", lambda r: f"{r[1]:.0f} ms"),
        ("Text limit `storing` (typed at twelve keys a second): Enter to the drawn matches", "150 ms", lambda r: f"{r[2]:.0f} ms"),
        ("Peak resident memory of the inbox", "80 MB", lambda r: f"{r[4]:.1f} MB")]
for name, target, cell in rows:
    print(f"| {name} | {target} | {cell(results['SQLite'])} | {cell(results['PostgreSQL'])} |")
print()
print("How: PostgreSQL runs the same store operations as SQLite (one SQL text for both where the "
      "dialects agree). The open queue is read from the same index runs as in SQLite, joined by "
      "UNION ALL into one statement that is prepared once per connection with a generic plan: "
      "planning its few hundred runs costs far more than reading them, so the first screen pays "
      "the plan, and the limit with words is planned while its words are typed (the prompt asks "
      "for it; typed at once, Enter to the drawn matches took about 170 ms). The header's counts "
      "are one scan of the queue index. Limit words go to a tsvector column (simple configuration, "
      "lower case, unaccented) with a GIN index and prefix queries; past 5,000 matches (counting "
      "them reads each one's row) the queue index is walked and each case tested. The import sends "
      "each column of up to 1,000 mentions as one array to one prepared INSERT … SELECT FROM unnest "
      "… ON CONFLICT DO NOTHING, looks a run's cases up in one statement per kind of lookup, places "
      "a mention among the rows not yet written too (under numbers taken ahead from the table's "
      "sequence), and sends the next run's lookups before the held run's INSERT, so the server "
      "writes while the client reads, classifies and puts the next run together; the server's "
      "own work on a row (eight indexes, the text vector) is most of what remains.")
