"""Times `webcare import` of N generated mentions with today's triage against the
reference build (the last commit before issue 19, whose classifier had one mixed word
list), alternating the two over ROUNDS rounds on the same file, each into a fresh
database; then today's again into a database whose model learned the labelled set's
training part TRAINED times over, so the model's share of classifying is in the figure.
Prints the Markdown lines for BENCHMARKS.md.

Usage: measure_import.py WEBCARE REFERENCE COUNT WORKDIR LABELLED [ROUNDS] [TRAINED]"""
import os
import statistics
import subprocess
import sys
import time

webcare, reference, count, work, labelled = sys.argv[1:6]
count = int(count)
rounds = int(sys.argv[6]) if len(sys.argv) > 6 else 3
trained = int(sys.argv[7]) if len(sys.argv) > 7 else 20
here = os.path.dirname(os.path.abspath(__file__))
generator = os.path.join(here, "..", "..", "sample-data", "generate.py")
jsonl = os.path.join(work, "mentions.jsonl")
with open(jsonl, "w") as out:
    subprocess.run([sys.executable, generator, str(count)], stdout=out, check=True)


def imported(binary, name, before=None):
    """Seconds one import of the file takes into a fresh database (`before` runs first)."""
    db = os.path.join(work, name + ".sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    if before:
        before(db)
    start = time.perf_counter()
    subprocess.run([binary, "import", "--db", db, jsonl], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def teach(db):
    for _ in range(trained):
        subprocess.run([webcare, "classifier", "train", labelled, "--only", "split=train", "--db", db],
                       stdout=subprocess.DEVNULL, check=True)


today, before, taught = [], [], []
for round in range(rounds):
    pair = [("today", webcare), ("reference", reference)]
    if round % 2:
        pair.reverse()
    for name, binary in pair:
        (today if name == "today" else before).append(imported(binary, name))
    taught.append(imported(webcare, "taught", teach))


def rate(seconds):
    return f"{count / statistics.median(seconds):,.0f}"


print(f"- {count:,} generated mentions, {rounds} rounds alternating, medians: reference (before issue 19) "
      f"{statistics.median(before):.2f} s ({rate(before)}/s); today, cold {statistics.median(today):.2f} s "
      f"({rate(today)}/s); today, with a model of {trained * 223:,} confirmations "
      f"{statistics.median(taught):.2f} s ({rate(taught)}/s).")
cold = statistics.median(before) / statistics.median(today)
warm = statistics.median(before) / statistics.median(taught)
print(f"- Import rate against the reference: cold {cold:.0%}, with the model {warm:.0%} "
      f"(target: within 10%, i.e. at least 90%: {'met' if min(cold, warm) >= 0.9 else 'NOT met'}).")
