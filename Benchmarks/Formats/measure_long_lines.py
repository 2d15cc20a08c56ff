#!/usr/bin/env python3
"""Long lines (issue 16): a file of one 1 GB line, and one of a 100 MB line between two
good records, imported by the release webcare: wall time and peak resident memory (from
/proc, sampled), and that the records around the long line still go in. Prints the
"Long lines (issue 16)" section of BENCHMARKS.md. Usage: measure_long_lines.py WEBCARE WORKDIR"""
import os
import platform
import subprocess
import sys
import time

webcare, work = sys.argv[1], sys.argv[2]
record = ('{"platform":"twitter","id":"%s","author":{"handle":"a","name":"A","followers":1},'
          '"text":"@NetVia storing?","postedAt":"2026-11-16T10:00:00Z"}\n')


def write(path, megabytes, around):
    with open(path, "wb") as out:
        if around:
            out.write((record % "before").encode())
        block = b"x" * (1 << 20)
        for _ in range(megabytes):
            out.write(block)
        out.write(b"\n")
        if around:
            out.write((record % "after").encode())


def run(path):
    db = os.path.join(work, "inbox.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    start = time.perf_counter()
    process = subprocess.Popen([webcare, "import", "--db", db, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        try:
            for line in open(f"/proc/{process.pid}/status"):
                if line.startswith("VmRSS:"):
                    peak = max(peak, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.01)
    out, err = process.communicate()
    return time.perf_counter() - start, peak / 1024, out.decode().strip(), err.decode().strip()


rows = []
for name, megabytes, around in [("one line of 1 GB", 1024, False), ("a 100 MB line between two records", 100, True)]:
    path = os.path.join(work, name.replace(" ", "-") + ".jsonl")
    write(path, megabytes, around)
    seconds, peak, out, err = run(path)
    os.remove(path)
    rows.append((name, seconds, peak, out.split(": ", 1)[-1], err.split(": ", 1)[-1]))

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}.")
print("Command: `Benchmarks/run-long-lines.sh` (release build; peak resident memory sampled every 10 ms).")
print()
print("| Input | Target | Time | Peak memory | Summary | Message |")
print("| --- | --- | --- | --- | --- | --- |")
for name, seconds, peak, summary, message in rows:
    target = "rejected ≤ 5 s, flat memory" if "1 GB" in name else "neighbours imported"
    print(f"| {name} | {target} | {seconds:.2f} s | {peak:.1f} MB | {summary} | {message} |")
