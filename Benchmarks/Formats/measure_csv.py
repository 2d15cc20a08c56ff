#!/usr/bin/env python3
"""CSV against JSON Lines (issue 16): the same generated mentions written as our JSON
Lines and as a Dutch spreadsheet export (`;`, the monitoring tool's column names, times
day-first in local time without a zone), each imported into a fresh database by the
release webcare, in one run. Prints the "CSV import (issue 16)" section of BENCHMARKS.md.
Usage: measure_csv.py WEBCARE COUNT WORKDIR"""
import csv
import datetime
import json
import os
import platform
import subprocess
import sys
import time
import zoneinfo

webcare, count, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
jsonl = os.path.join(work, "mentions.jsonl")
export = os.path.join(work, "export.csv")
with open(jsonl, "w") as out:
    subprocess.run([sys.executable, "sample-data/generate.py", str(count)], stdout=out, check=True)
amsterdam = zoneinfo.ZoneInfo("Europe/Amsterdam")
with open(jsonl) as source, open(export, "w", newline="", encoding="utf-8-sig") as out:
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Source", "Type", "Message ID", "Thread", "Author", "Author Name", "Reach", "Verified",
                     "Message", "Date", "Language", "URL"])
    for line in source:
        m = json.loads(line)
        posted = datetime.datetime.fromisoformat(m["postedAt"].replace("Z", "+00:00")).astimezone(amsterdam)
        followers = m["author"].get("followers", 0)
        writer.writerow([m["platform"], m.get("channel", "mention"), m["id"], m.get("conversationID", ""),
                         m["author"]["handle"], m["author"].get("name", ""), f"{followers:,}".replace(",", "."),
                         "ja" if m["author"].get("verified") else "nee", m["text"], posted.strftime("%d-%m-%Y %H:%M:%S"),
                         m.get("language", ""), m.get("link", "")])


def timed(arguments):
    db = os.path.join(work, "inbox.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    start = time.perf_counter()
    result = subprocess.run([webcare, "import", "--db", db] + arguments, capture_output=True, text=True)
    return time.perf_counter() - start, result.stdout.strip().split(": ", 1)[-1], result.stderr.strip()[:200]


json_seconds, json_summary, _ = timed([jsonl])
csv_seconds, csv_summary, csv_errors = timed([export, "--preset", "monitoring", "--timezone", "Europe/Amsterdam"])
size = os.path.getsize(export) / 1e6
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}.")
print(f"Command: `Benchmarks/run-csv.sh {count}` (release build; both files from `sample-data/generate.py {count}`, "
      f"the CSV written as a Dutch spreadsheet: `;`, a byte order mark, the monitoring export's columns, "
      f"followers as `1.234`, times `24-11-2026 09:15:00` in Amsterdam time; imported with `--preset monitoring "
      f"--timezone Europe/Amsterdam`).")
print()
print("| Input | Size | Time | Rate | Summary |")
print("| --- | --- | --- | --- | --- |")
print(f"| JSON Lines | {os.path.getsize(jsonl) / 1e6:.0f} MB | {json_seconds:.2f} s | {count / json_seconds:,.0f} mentions/s | {json_summary} |")
print(f"| CSV export | {size:.0f} MB | {csv_seconds:.2f} s | {count / csv_seconds:,.0f} mentions/s | {csv_summary} |")
print()
print(f"CSV rate / JSON Lines rate: **{json_seconds / csv_seconds:.2f}** (target ≥ 0.80).")
if csv_errors:
    print()
    print(f"First messages of the CSV import: `{csv_errors}`")
