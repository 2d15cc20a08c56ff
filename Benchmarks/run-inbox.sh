#!/bin/sh
# Measures the inbox on a database of generated mentions (first screen, j/k cost and
# bytes, text filter, memory) and writes the "Inbox (issue 5)" section of BENCHMARKS.md.
# Usage: Benchmarks/run-inbox.sh [count, default 1000000]
set -eu
cd "$(dirname "$0")/.."
count=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product webcare >/dev/null
python3 Benchmarks/Inbox/measure_inbox.py .build/release/webcare "$count" "$work" > "$work/section.md"
python3 Benchmarks/write-section.py "Inbox (issue 5)" "$work/section.md"
echo "BENCHMARKS.md updated"
