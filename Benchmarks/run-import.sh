#!/bin/sh
# Measures `webcare import` of generated mentions against sqlite3's own .import of the
# same records, and peak memory, and writes the "Import (issue 4)" section of
# BENCHMARKS.md. Usage: Benchmarks/run-import.sh [count, default 1000000]
set -eu
cd "$(dirname "$0")/.."
count=${1:-1000000}
command -v sqlite3 >/dev/null || { apt-get update && apt-get install -y sqlite3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product webcare >/dev/null
python3 Benchmarks/Import/measure_import.py .build/release/webcare "$count" "$work" > "$work/section.md"
python3 Benchmarks/write-section.py "Import (issue 4)" "$work/section.md"
echo "BENCHMARKS.md updated"
