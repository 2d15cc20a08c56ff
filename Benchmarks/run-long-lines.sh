#!/bin/sh
# Measures how `webcare import` takes over-long lines (issue 16) and writes the "Long
# lines (issue 16)" section of BENCHMARKS.md. Usage: Benchmarks/run-long-lines.sh
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product webcare >/dev/null
python3 Benchmarks/Formats/measure_long_lines.py .build/release/webcare "$work" > "$work/section.md"
python3 Benchmarks/write-section.py "Long lines (issue 16)" "$work/section.md"
echo "BENCHMARKS.md updated"
