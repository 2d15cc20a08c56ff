#!/bin/sh
# Measures `webcare report` and the alerts' reads on generated mentions with three events
# per case, and writes the "Reports (issue 18)" section of BENCHMARKS.md.
# Usage: Benchmarks/run-reports.sh [count, default 1000000]
set -eu
cd "$(dirname "$0")/.."
count=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product webcare >/dev/null
python3 Benchmarks/Reports/measure_reports.py .build/release/webcare "$count" "$work" > "$work/section.md"
python3 Benchmarks/write-section.py "Reports (issue 18)" "$work/section.md"
echo "BENCHMARKS.md updated"
