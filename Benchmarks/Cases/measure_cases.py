#!/usr/bin/env python3
"""Cases at scale (issue 15): N generated mentions in C conversations (sample-data/
generate.py --cases), imported by this webcare and by the webcare from before cases in
the same run; then the inbox on that database in an 80x24 pseudo-terminal: the first
full screen, j/k steps (app core + render, from WEBCARE_TRACE), and opening the case of
50 messages (limit to its author, Enter) until the burst of output that draws its thread
ends. Prints the "Cases
(issue 15)" section of BENCHMARKS.md.
Usage: measure_cases.py WEBCARE WEBCARE_BEFORE COUNT CASES WORKDIR"""
import os
import platform
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Inbox"))
from terminal import launch, peak_mb, pct, read_until_quiet, step_costs  # noqa: E402

webcare, before, count, cases, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
data = os.path.join(work, "cases.jsonl")
with open(data, "w") as out:
    subprocess.run([sys.executable, "sample-data/generate.py", str(count), "--cases", str(cases)], stdout=out,
                   check=True)


def timed_import(binary, db):
    start = time.perf_counter()
    result = subprocess.run([binary, "import", "--db", db, data], check=True, capture_output=True, text=True)
    return time.perf_counter() - start, result.stdout.strip().split(": ", 1)[-1]


db = os.path.join(work, "inbox.sqlite")
now_seconds, now_summary = timed_import(webcare, db)
before_seconds, before_summary = timed_import(before, os.path.join(work, "before.sqlite"))
queue_lines = subprocess.run(["sqlite3", db, "SELECT count(*) FROM mention WHERE case_id IS NULL"],
                             capture_output=True, text=True, check=True).stdout.strip()

trace = os.path.join(work, "trace.txt")
pid, fd, launched = launch(webcare, db, work, trace)
_, first_at = read_until_quiet(fd, until=b"?:help", limit=60)
first_screen_ms = (first_at - launched) * 1000
for key in [b"j"] * 60 + [b"k"] * 40:
    os.write(fd, key)
    read_until_quiet(fd, quiet=0.03)
costs = step_costs(trace)

os.write(fd, b"l")
read_until_quiet(fd)
os.write(fd, b"\x15benchmark_case\r")
read_until_quiet(fd, quiet=0.3, limit=30, until=b"benchmark_case")
opened = []
for _ in range(5):
    sent = time.monotonic()
    os.write(fd, b"\r")
    # The screen with the thread is one burst of output; a later small update (the
    # change watcher seeing our own claim, ~0.1 s on) is not part of opening it.
    _, drawn = read_until_quiet(fd, quiet=0.02, limit=30, until=b"Thread")
    opened.append((drawn - sent) * 1000)
    read_until_quiet(fd, quiet=0.3)
    os.write(fd, b"q")
    read_until_quiet(fd, quiet=0.2)
opened.sort()
peak = peak_mb(pid)
os.write(fd, b"q")
read_until_quiet(fd, quiet=0.2)
os.write(fd, b"q")
read_until_quiet(fd, quiet=0.2)
os.waitpid(pid, 0)

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}.")
print(f"Command: `Benchmarks/run-cases.sh {count} {cases}` (release builds of this webcare and of the one "
      f"before cases, commit bdd7533, built by the script; the inbox in an 80x24 pseudo-terminal).")
print()
print(f"Input: {count:,} mentions from `sample-data/generate.py {count} --cases {cases}`: every later message "
      f"of a conversation answers its author's previous one; one author writes 50. Queue lines after the "
      f"import: {int(queue_lines):,}.")
print()
print("| Measure | Target | Result |")
print("| --- | --- | --- |")
print(f"| Import, this webcare ({now_summary}) | within 20% of before | {now_seconds:.2f} s, "
      f"{count / now_seconds:,.0f} mentions/s |")
print(f"| Import, webcare before cases ({before_summary}) | | {before_seconds:.2f} s, "
      f"{count / before_seconds:,.0f} mentions/s |")
print(f"| Import rate, this / before | ≥ 0.80 | {before_seconds / now_seconds:.2f} |")
print(f"| First full screen after launch | 200 ms | {first_screen_ms:.0f} ms |")
print(f"| j/k step: app core + render (median / worst of {len(costs)}) | 2 ms | "
      f"{pct(costs, 0.5):.2f} / {costs[-1]:.2f} ms |")
print(f"| Opening the case of 50 messages, Enter to its thread drawn (median / worst of {len(opened)}) | 50 ms | "
      f"{pct(opened, 0.5):.0f} / {opened[-1]:.0f} ms |")
print(f"| Peak resident memory of the inbox | 80 MB | {peak:.1f} MB |")
