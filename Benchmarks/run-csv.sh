#!/bin/sh
# Measures a spreadsheet export's import against the same mentions as JSON Lines (issue
# 16) and writes the "CSV import (issue 16)" section of BENCHMARKS.md.
# Usage: Benchmarks/run-csv.sh [count, default 500000: about 100 MB of CSV]
set -eu
cd "$(dirname "$0")/.."
count=${1:-500000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product webcare >/dev/null
python3 Benchmarks/Formats/measure_csv.py .build/release/webcare "$count" "$work" > "$work/section.md"
python3 Benchmarks/write-section.py "CSV import (issue 16)" "$work/section.md"
echo "BENCHMARKS.md updated"
